import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { filterQuery, PAGE_SIZE, parseFilters } from "@/components/tasks/filters";
import { ReferenceStepper } from "@/components/tasks/reference-stepper";
import { ReviewNav } from "@/components/tasks/review-nav";
import { TaskChecker, TaskProvenance } from "@/components/tasks/task-checker";
import { TaskReview } from "@/components/tasks/task-review";
import type { TaskDetail } from "@/components/tasks/types";
import { PageHeader } from "@/components/ui/card";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getTask, getTaskSet, listTasks } from "@/lib/server/services/tasks";

export const metadata = { title: "Review task" };

export default async function TaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; taskSetId: string; taskId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, taskSetId, taskId } = await params;
  const filters = parseFilters(await searchParams);
  const access = await pageAccess(slug);
  const [set, task] = await Promise.all([
    orNotFound(getTaskSet(access.actor, slug, taskSetId)),
    orNotFound(getTask(access.actor, slug, taskId)),
  ]);
  if (task.taskSetId !== set.id) notFound();
  // Previous and next within the table page the reviewer came from.
  const page = await listTasks(access.actor, slug, set.id, { ...filters, pageSize: PAGE_SIZE });
  const index = page.tasks.findIndex((t) => t.id === task.id);
  const query = filterQuery(filters);
  const base = `/w/${slug}/tasks/${set.id}`;
  const prev = index > 0 ? page.tasks[index - 1] : undefined;
  const next = index >= 0 ? page.tasks[index + 1] : undefined;
  const { createdAt: _c, updatedAt: _u, data, ...row } = task;
  const detail = { ...row, data: data as unknown as TaskDetail["data"] } as TaskDetail;
  return (
    <>
      <Link
        href={`${base}${query}`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-text"
      >
        <ArrowLeft size={14} aria-hidden /> {set.name}
      </Link>
      <PageHeader
        title="Review task"
        description={`In ${set.name} · ${set.environmentVersion.environment.name} v${set.environmentVersion.number}`}
        actions={
          <ReviewNav
            key={task.id}
            initial={{
              prev: prev && `${base}/${prev.id}${query}`,
              next: next && `${base}/${next.id}${query}`,
              position:
                index >= 0
                  ? `task ${(filters.page - 1) * PAGE_SIZE + index + 1} of ${page.total}`
                  : undefined,
            }}
          />
        }
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="space-y-4">
          <TaskReview key={task.id} task={detail} />
          <TaskChecker task={detail.data} />
          <TaskProvenance task={detail.data} />
        </div>
        <ReferenceStepper key={task.id} taskId={task.id} />
      </div>
    </>
  );
}
