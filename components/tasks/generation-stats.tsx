import { Badge, Card } from "@/components/ui/card";
import type { SetStats } from "./types";

/** What each validation rejection means, in a reviewer's words. */
const REJECTION: Record<string, string> = {
  TASK_INVALID: "did not match the task format",
  CHECKS_NOTHING: "the checker would pass anything",
  VALUE_NOT_IN_INSTRUCTION: "a needed value was missing from the instruction",
  OUTPUT_IN_INSTRUCTION: "the instruction gave away the answer",
  NOOP_SCORES: "doing nothing already scored",
  REFERENCE_FAILS: "the reference solution did not score 1",
  DUPLICATE: "near-identical to an accepted task",
};

function Tally({ title, entries }: { title: string; entries: [string, number][] }) {
  return (
    <div className="min-w-0 space-y-1.5">
      <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h3>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">None.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {entries
            .sort((a, b) => b[1] - a[1])
            .map(([code, n]) => (
              <li key={code} className="flex items-baseline gap-2">
                <span className="w-10 shrink-0 text-right font-medium tabular-nums">{n}</span>
                <span className="min-w-0">
                  <code className="text-xs">{code}</code>
                  {REJECTION[code] && <span className="text-muted"> — {REJECTION[code]}</span>}
                </span>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

/** How generation went: samples tried, tasks rejected by validation (with reasons), tiers short. */
export function GenerationStats({ stats }: { stats: SetStats | null }) {
  if (!stats) return null;
  const rejected = Object.entries(stats.rejectedByCode ?? {}) as [string, number][];
  const discarded = Object.entries(stats.discardedByReason ?? {});
  const rejectedTotal = rejected.reduce((n, [, c]) => n + c, 0);
  return (
    <Card className="p-0" data-testid="generation-stats">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-3 text-sm">
          <span className="font-medium">Generation</span>
          <span className="text-muted">
            {stats.accepted ?? "?"} of {stats.requested ?? "?"} requested after{" "}
            {stats.attempts ?? "?"} samples · {rejectedTotal} rejected by validation
            {stats.split && ` · ${stats.split.train} train / ${stats.split.eval} eval`}
          </span>
          {(stats.exhaustedTiers ?? []).map((tier) => (
            <Badge key={tier} tone="warning">
              few {tier} tasks possible
            </Badge>
          ))}
        </summary>
        <div className="space-y-4 border-t border-border px-4 py-3">
          <div className="grid gap-4 md:grid-cols-2">
            <Tally title="Rejected by validation" entries={rejected} />
            <Tally title="Samples that never became a task" entries={discarded} />
          </div>
          {(stats.rejected?.length ?? 0) > 0 && (
            <div className="space-y-1.5">
              <h3 className="text-xs font-medium uppercase tracking-wide text-muted">
                Rejected tasks (first {stats.rejected!.length})
              </h3>
              <ul className="max-h-64 divide-y divide-border overflow-auto rounded-md border border-border text-sm">
                {stats.rejected!.map((r, i) => (
                  <li key={i} className="space-y-0.5 px-3 py-2">
                    <p>{r.instruction}</p>
                    <p className="text-xs text-muted">
                      <code>{r.code}</code> · {r.reason}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(stats.exhaustedTiers?.length ?? 0) > 0 && (
            <p className="text-xs text-muted">
              The environment could not supply enough {stats.exhaustedTiers!.join(", ")} tasks;
              their share went to the other tiers.
            </p>
          )}
        </div>
      </details>
    </Card>
  );
}
