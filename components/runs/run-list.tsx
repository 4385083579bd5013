"use client";
import { GitCompare, Play } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/jobs/use-live-events";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { when } from "./format";
import { IterationProgress, policyLabel, StatusBadge } from "./run-status";
import type { RunEvent, RunSummary } from "./types";

const LINK_BUTTON =
  "inline-flex h-8 items-center gap-1.5 rounded-md border border-border px-3 text-sm hover:bg-surface-2";

/** The workspace's runs, their status kept live; pick two to compare. */
export function RunList({ runs: initial }: { runs: RunSummary[] }) {
  const { slug } = useWorkspace();
  const [runs, setRuns] = useState(initial);
  const [picked, setPicked] = useState<string[]>([]);

  const onEvent = useCallback((event: LiveEvent<RunEvent>) => {
    setRuns((current) =>
      current.map((run) =>
        run.id !== event.id
          ? run
          : {
              ...run,
              status: event.data.status ?? run.status,
              lastIteration: Math.max(run.lastIteration, event.data.iteration ?? -1),
            },
      ),
    );
  }, []);
  useLiveEvents<RunEvent>(slug, "run", onEvent);

  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));

  if (runs.length === 0) {
    return (
      <EmptyState icon={<Play size={28} />} title="No runs yet">
        Launch a training run to watch the agent improve live, or a baseline to know what to beat.
        Every episode is stored and can be replayed step by step.
      </EmptyState>
    );
  }

  const [a, b] = picked;
  return (
    <Card className="overflow-hidden">
      <div className="flex min-h-12 flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-2 text-sm">
        <span className="text-muted">
          {picked.length === 2
            ? "Two runs selected."
            : "Select two runs to compare their curves and per-task success."}
        </span>
        {a && b ? (
          <Link href={`/w/${slug}/runs/compare?a=${a}&b=${b}`} className={LINK_BUTTON}>
            <GitCompare size={14} aria-hidden /> Compare
          </Link>
        ) : (
          <span className={cn(LINK_BUTTON, "cursor-not-allowed opacity-50")} aria-disabled>
            <GitCompare size={14} aria-hidden /> Compare
          </span>
        )}
      </div>
      <table className="w-full text-left text-sm" aria-label="Runs">
        <thead className="text-xs text-muted">
          <tr className="border-b border-border">
            <th className="w-10 py-2 pl-4" />
            <th className="py-2 pr-3 font-medium">Name</th>
            <th className="py-2 pr-3 font-medium">Task set</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="w-44 py-2 pr-3 font-medium">Progress</th>
            <th className="py-2 pr-4 font-medium">Created</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr
              key={run.id}
              className="border-b border-border last:border-b-0 hover:bg-surface-2/50"
              data-testid="run-row"
            >
              <td className="py-2.5 pl-4">
                <input
                  type="checkbox"
                  aria-label={`Select ${run.name} to compare`}
                  checked={picked.includes(run.id)}
                  onChange={() => toggle(run.id)}
                  className="accent-accent"
                />
              </td>
              <td className="py-2.5 pr-3">
                <Link
                  href={`/w/${slug}/runs/${run.id}`}
                  className="font-medium hover:text-accent hover:underline"
                >
                  {run.name}
                </Link>
                <div className="text-xs text-muted">{policyLabel(run)}</div>
              </td>
              <td className="py-2.5 pr-3">
                <div>{run.taskSet.name}</div>
                <div className="text-xs text-muted">
                  {run.environment.name} v{run.environment.version}
                </div>
              </td>
              <td className="py-2.5 pr-3">
                <StatusBadge status={run.status} />
              </td>
              <td className="py-2.5 pr-3">
                <IterationProgress run={run} done={run.lastIteration + 1} />
              </td>
              <td className="whitespace-nowrap py-2.5 pr-4 text-muted">{when(run.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
