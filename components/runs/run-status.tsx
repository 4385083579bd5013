import { Badge } from "@/components/ui/card";
import { plannedIterations } from "./format";
import { type RunStatus, type RunSummary, STATUS_TONE } from "./types";

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span data-testid="run-status">
      <Badge tone={STATUS_TONE[status]}>{status}</Badge>
    </span>
  );
}

/** "learner · GRPO", "learner · Dr. GRPO", "reference". */
export function policyLabel(run: Pick<RunSummary, "policy" | "algorithm" | "config">): string {
  if (run.policy !== "learner") return run.policy;
  const algorithm =
    run.algorithm === "reinforce" ? "REINFORCE" : run.config.drGrpo ? "Dr. GRPO" : "GRPO";
  return `learner · ${algorithm}`;
}

/** Iterations done of planned, as a bar; an evaluation run is one step. */
export function IterationProgress({
  run,
  done,
  className,
}: {
  run: Pick<RunSummary, "policy" | "config" | "status">;
  done: number;
  className?: string;
}) {
  const planned = plannedIterations(run.config, run.policy);
  const share = Math.min(1, done / planned);
  return (
    <div className={className}>
      <div className="mb-1 text-xs tabular-nums text-muted" data-testid="run-progress">
        {run.policy === "learner"
          ? `${done} / ${planned} iterations`
          : done > 0
            ? "evaluated"
            : "evaluating"}
      </div>
      <div
        className="h-1.5 overflow-hidden rounded bg-surface-2"
        role="progressbar"
        aria-label="Iterations done"
        aria-valuenow={Math.round(share * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div
          className={
            run.status === "failed" ? "h-full bg-danger" : "h-full bg-accent transition-all"
          }
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}
