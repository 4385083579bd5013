"use client";
import { Check, ChevronLeft, ChevronRight, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FormError } from "@/components/ui/field";
import { filterQuery, PAGE_SIZE, type TaskFilters as Filters } from "./filters";
import { TaskFilters } from "./task-filters";
import { DIFFICULTY_TONE, STATUS_TONE, type TaskRow, type TaskStatus } from "./types";

const LINK_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border border-border px-2.5 text-sm hover:bg-surface-2";

function Pager({
  filters,
  total,
  href,
}: {
  filters: Filters;
  total: number;
  href: (f: Filters) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, filters.page * PAGE_SIZE);
  return (
    <nav
      className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm text-muted"
      aria-label="Pages"
    >
      <span data-testid="task-range">
        {first}–{last} of {total}
      </span>
      <div className="flex items-center gap-2">
        <span>
          page {filters.page} of {pages}
        </span>
        {filters.page > 1 ? (
          <Link
            href={href({ ...filters, page: filters.page - 1 })}
            scroll={false}
            className={LINK_BUTTON}
          >
            <ChevronLeft size={14} aria-hidden /> Previous
          </Link>
        ) : null}
        {filters.page < pages ? (
          <Link
            href={href({ ...filters, page: filters.page + 1 })}
            scroll={false}
            className={LINK_BUTTON}
          >
            Next <ChevronRight size={14} aria-hidden />
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

/** One page of a set's tasks, with filters in the URL, row selection and bulk review. */
export function TaskTable({
  taskSetId,
  tasks,
  total,
  filters,
  tools,
}: {
  taskSetId: string;
  tasks: TaskRow[];
  total: number;
  filters: Filters;
  tools: string[];
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startTransition] = useTransition();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const href = (f: Filters) => `${pathname}${filterQuery(f)}`;
  const onPage = tasks.filter((t) => selected.has(t.id));
  const allSelected = tasks.length > 0 && onPage.length === tasks.length;

  function navigate(next: Filters) {
    setSelected(new Set());
    startTransition(() => router.push(href(next), { scroll: false }));
  }

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  async function bulk(status: TaskStatus) {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/workspaces/${slug}/task-sets/${taskSetId}/tasks`, {
        method: "PATCH",
        body: { taskIds: onPage.map((t) => t.id), status },
      });
      setSelected(new Set());
      startTransition(() => router.refresh());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <TaskFilters
        key={filterQuery({ ...filters, page: 1 })}
        filters={filters}
        tools={tools}
        onChange={navigate}
      />
      <Card className={cn("overflow-hidden transition-opacity", navigating && "opacity-60")}>
        <div className="flex min-h-12 flex-wrap items-center gap-2 border-b border-border px-4 py-2 text-sm">
          {onPage.length > 0 ? (
            <>
              <span className="font-medium">{onPage.length} selected</span>
              <Button
                size="sm"
                disabled={!canEdit || busy}
                title={readOnlyReason}
                onClick={() => void bulk("approved")}
              >
                <Check size={14} aria-hidden /> Approve selected
              </Button>
              <Button
                variant="danger"
                size="sm"
                disabled={!canEdit || busy}
                title={readOnlyReason}
                onClick={() => void bulk("rejected")}
              >
                <X size={14} aria-hidden /> Reject selected
              </Button>
              <Button
                variant="ghost"
                size="sm"
                disabled={!canEdit || busy}
                title={readOnlyReason}
                onClick={() => void bulk("pending")}
              >
                Back to pending
              </Button>
            </>
          ) : (
            <span className="text-muted">Select tasks to approve or reject them together.</span>
          )}
        </div>
        <FormError message={error} />
        {tasks.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-muted">
            No task matches these filters.
          </p>
        ) : (
          <table className="w-full table-fixed text-left text-sm" aria-label="Tasks">
            <thead className="text-xs text-muted">
              <tr className="border-b border-border">
                <th className="w-10 py-2 pl-4">
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={allSelected}
                    disabled={!canEdit}
                    onChange={() =>
                      setSelected(allSelected ? new Set() : new Set(tasks.map((t) => t.id)))
                    }
                    className="accent-accent"
                  />
                </th>
                <th className="py-2 pr-3 font-medium">Instruction</th>
                <th className="w-24 py-2 pr-3 font-medium">Difficulty</th>
                <th className="w-16 py-2 pr-3 font-medium">Split</th>
                <th className="w-56 py-2 pr-3 font-medium">Tools</th>
                <th className="w-24 py-2 pr-4 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr
                  key={task.id}
                  className="border-b border-border align-top last:border-b-0 hover:bg-surface-2/50"
                  data-testid="task-row"
                >
                  <td className="py-2.5 pl-4">
                    <input
                      type="checkbox"
                      aria-label={`Select ${task.key}`}
                      checked={selected.has(task.id)}
                      disabled={!canEdit}
                      onChange={() => toggle(task.id)}
                      className="accent-accent"
                    />
                  </td>
                  <td className="py-2.5 pr-3">
                    <Link
                      href={`/w/${slug}/tasks/${taskSetId}/${task.id}${filterQuery(filters)}`}
                      className="line-clamp-2 hover:text-accent hover:underline"
                    >
                      {task.instruction}
                    </Link>
                    {task.reviewNote && (
                      <p className="mt-0.5 truncate text-xs text-muted">Note: {task.reviewNote}</p>
                    )}
                  </td>
                  <td className="py-2.5 pr-3">
                    <Badge tone={DIFFICULTY_TONE[task.difficulty]}>{task.difficulty}</Badge>
                  </td>
                  <td className="py-2.5 pr-3 text-muted">{task.split}</td>
                  <td className="py-2.5 pr-3">
                    <div className="flex flex-wrap gap-1">
                      {task.tools.map((tool) => (
                        <code key={tool} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs">
                          {tool}
                        </code>
                      ))}
                    </div>
                  </td>
                  <td className="py-2.5 pr-4">
                    <Badge tone={STATUS_TONE[task.status]}>{task.status}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="border-t border-border">
          <Pager filters={filters} total={total} href={href} />
        </div>
      </Card>
    </div>
  );
}
