import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { SetCounts } from "@/components/tasks/counts";
import { filterQuery, PAGE_SIZE, parseFilters } from "@/components/tasks/filters";
import { GenerationStats } from "@/components/tasks/generation-stats";
import { TaskTable } from "@/components/tasks/task-table";
import { ToolGraph } from "@/components/tasks/tool-graph";
import type { SetStats, TaskRow } from "@/components/tasks/types";
import { PageHeader } from "@/components/ui/card";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getTaskSet, listTasks, toolGraph } from "@/lib/server/services/tasks";

export const metadata = { title: "Task set" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function TaskSetPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; taskSetId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug, taskSetId } = await params;
  const filters = parseFilters(await searchParams);
  const access = await pageAccess(slug);
  const set = await orNotFound(getTaskSet(access.actor, slug, taskSetId));
  const [page, graph] = await Promise.all([
    listTasks(access.actor, slug, taskSetId, { ...filters, pageSize: PAGE_SIZE }),
    toolGraph(access.actor, slug, set.environmentVersion.id),
  ]);
  const base = `/w/${slug}/tasks/${set.id}`;
  const { environment, number } = set.environmentVersion;
  return (
    <>
      <Link
        href={`/w/${slug}/tasks`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-text"
      >
        <ArrowLeft size={14} aria-hidden /> Task sets
      </Link>
      <PageHeader
        title={set.name}
        description={`Generated in ${environment.name} v${number} with seed ${set.seed}.`}
        actions={
          <Link
            href={`/w/${slug}/environments/${environment.id}?v=${number}`}
            className="inline-flex h-8 items-center rounded-md border border-border px-3 text-sm hover:bg-surface-2"
          >
            Open environment
          </Link>
        }
      />
      <div className="space-y-4">
        <SetCounts
          counts={set.counts}
          active={filters.difficulty}
          hrefs={{
            all: `${base}${filterQuery({ ...filters, difficulty: undefined, page: 1 })}`,
            easy: `${base}${filterQuery({ ...filters, difficulty: "easy", page: 1 })}`,
            medium: `${base}${filterQuery({ ...filters, difficulty: "medium", page: 1 })}`,
            hard: `${base}${filterQuery({ ...filters, difficulty: "hard", page: 1 })}`,
          }}
        />
        <GenerationStats stats={set.stats as SetStats | null} />
        <ToolGraph graph={graph.graph} layout={graph.layout} />
        <TaskTable
          taskSetId={set.id}
          tasks={page.tasks as TaskRow[]}
          total={page.total}
          filters={filters}
          tools={set.tools}
        />
      </div>
    </>
  );
}
