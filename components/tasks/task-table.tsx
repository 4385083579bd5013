"use client";
import { Check, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { type Column, PagedTable, useQueryNavigation } from "@/components/ui/paged-table";
import { filterQuery, PAGE_SIZE, type TaskFilters as Filters } from "./filters";
import { TaskFilters } from "./task-filters";
import { DIFFICULTY_TONE, STATUS_TONE, type TaskRow, type TaskStatus } from "./types";

/** The bulk review actions on the selected tasks. */
const BULK = [
  {
    status: "approved",
    variant: "primary",
    icon: <Check size={14} aria-hidden />,
    label: "Approve selected",
  },
  {
    status: "rejected",
    variant: "danger",
    icon: <X size={14} aria-hidden />,
    label: "Reject selected",
  },
  { status: "pending", variant: "ghost", icon: null, label: "Back to pending" },
] as const;

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
  const navigation = useQueryNavigation(filterQuery);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onPage = tasks.filter((t) => selected.has(t.id));

  function navigate(next: Filters) {
    setSelected(new Set());
    navigation.navigate(next);
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
      navigation.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<TaskRow>[] = [
    {
      header: "Instruction",
      cell: (task) => (
        <>
          <Link
            href={`/w/${slug}/tasks/${taskSetId}/${task.id}${filterQuery(filters)}`}
            className="line-clamp-2 hover:text-accent hover:underline"
          >
            {task.instruction}
          </Link>
          {task.reviewNote && (
            <p className="mt-0.5 truncate text-xs text-muted">Note: {task.reviewNote}</p>
          )}
        </>
      ),
    },
    {
      header: "Difficulty",
      width: "w-24",
      cell: (task) => <Badge tone={DIFFICULTY_TONE[task.difficulty]}>{task.difficulty}</Badge>,
    },
    { header: "Split", width: "w-16", cell: (task) => task.split, className: "text-muted" },
    {
      header: "Tools",
      width: "w-56",
      cell: (task) => (
        <div className="flex flex-wrap gap-1">
          {task.tools.map((tool) => (
            <code key={tool} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs">
              {tool}
            </code>
          ))}
        </div>
      ),
    },
    {
      header: "Status",
      width: "w-24",
      cell: (task) => <Badge tone={STATUS_TONE[task.status]}>{task.status}</Badge>,
    },
  ];

  return (
    <div className="space-y-3">
      <TaskFilters
        key={filterQuery({ ...filters, page: 1 })}
        filters={filters}
        tools={tools}
        onChange={navigate}
      />
      <PagedTable
        label="Tasks"
        testId="task"
        rows={tasks}
        columns={columns}
        selection={{
          selected,
          onChange: setSelected,
          disabled: !canEdit,
          allLabel: "Select all on this page",
          rowLabel: (task) => `Select ${task.key}`,
        }}
        fixedLayout
        multiline
        empty="No task matches these filters."
        filters={filters}
        navigation={navigation}
        pageSize={PAGE_SIZE}
        total={total}
        toolbar={
          <>
            <div className="flex min-h-12 flex-wrap items-center gap-2 border-b border-border px-4 py-2 text-sm">
              {onPage.length > 0 ? (
                <>
                  <span className="font-medium">{onPage.length} selected</span>
                  {BULK.map((action) => (
                    <Button
                      key={action.status}
                      variant={action.variant}
                      size="sm"
                      disabled={!canEdit || busy}
                      title={readOnlyReason}
                      onClick={() => void bulk(action.status)}
                    >
                      {action.icon}
                      {action.label}
                    </Button>
                  ))}
                </>
              ) : (
                <span className="text-muted">Select tasks to approve or reject them together.</span>
              )}
            </div>
            <FormError message={error} />
          </>
        }
      />
    </div>
  );
}
