"use client";
import { ArrowLeft, Square } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { when } from "./format";
import { IterationProgress, policyLabel, StatusBadge } from "./run-status";
import { isActive, type RunDetail } from "./types";

const SETTINGS: [key: string, label: string][] = [
  ["groupSize", "group"],
  ["tasksPerIteration", "tasks/iter"],
  ["learningRate", "lr"],
  ["entropyCoef", "entropy coef"],
  ["faultProfile", "faults"],
  ["faultFraction", "fault fraction"],
  ["evalEvery", "eval every"],
  ["evalTrials", "eval trials"],
  ["trials", "trials"],
  ["maxSteps", "max steps"],
  ["seed", "seed"],
];

function settingsLine(config: Record<string, unknown>): string {
  const parts = SETTINGS.filter(([key]) => config[key] !== undefined).map(
    ([key, label]) => `${label} ${String(config[key])}`,
  );
  const curriculum = config.curriculum as { enabled?: boolean } | undefined;
  if (curriculum?.enabled) parts.push("adaptive curriculum");
  return parts.join(" · ");
}

/** Name, status, progress and the settings of a run, with Cancel while it runs. */
export function RunHeader({ run }: { run: RunDetail }) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = run.iterations.length ? run.iterations.at(-1)!.index + 1 : 0;

  async function cancel() {
    setCancelling(true);
    setError(null);
    try {
      await api(`/api/workspaces/${slug}/runs/${run.id}/cancel`, { method: "POST" });
    } catch (e) {
      setError((e as Error).message);
      setCancelling(false);
    }
  }

  return (
    <header className="mb-6 space-y-3">
      <Link
        href={`/w/${slug}/runs`}
        className="inline-flex items-center gap-1 text-sm text-muted hover:text-text"
      >
        <ArrowLeft size={14} aria-hidden /> Runs
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight">{run.name}</h1>
            <StatusBadge status={run.status} />
          </div>
          <p className="text-sm text-muted">
            {policyLabel(run)} on{" "}
            <Link
              href={`/w/${slug}/tasks/${run.taskSet.id}`}
              className="hover:text-text hover:underline"
            >
              {run.taskSet.name}
            </Link>{" "}
            in{" "}
            <Link
              href={`/w/${slug}/environments/${run.environment.id}?v=${run.environment.version}`}
              className="hover:text-text hover:underline"
            >
              {run.environment.name} v{run.environment.version}
            </Link>{" "}
            · created {when(run.createdAt)}
          </p>
          <p className="text-xs text-muted">{settingsLine(run.config)}</p>
        </div>
        <div className="flex items-center gap-4">
          <IterationProgress run={run} done={done} className="w-48" />
          {isActive(run.status) && (
            <Button
              variant="danger"
              size="sm"
              disabled={!canEdit || cancelling}
              title={readOnlyReason}
              onClick={() => void cancel()}
            >
              <Square size={12} aria-hidden /> {cancelling ? "Cancelling…" : "Cancel"}
            </Button>
          )}
        </div>
      </div>
      {run.status === "failed" && run.error && (
        <FormError message={`The run failed: ${run.error}`} />
      )}
      {isActive(run.status) && run.policy !== "learner" && run.job?.message && (
        <p className="text-xs text-muted">{run.job.message}</p>
      )}
      <FormError message={error} />
    </header>
  );
}
