import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DIFFICULTIES, type Difficulty, STATUSES, type TaskStatus } from "./types";

export interface CountRow {
  difficulty: string;
  status: string;
  count: number;
}

const BAR = { approved: "bg-success", rejected: "bg-danger", pending: "bg-border" } as const;

/** Review progress as one stacked bar: approved, rejected, still pending. */
export function ReviewBar({ counts }: { counts: Record<TaskStatus, number> }) {
  const total = counts.pending + counts.approved + counts.rejected;
  return (
    <div
      className="flex h-1.5 overflow-hidden rounded bg-surface-2"
      role="img"
      aria-label={`${counts.approved} approved, ${counts.rejected} rejected, ${counts.pending} pending`}
    >
      {total > 0 &&
        (["approved", "rejected", "pending"] as const).map((s) => (
          <div key={s} className={BAR[s]} style={{ width: `${(counts[s] / total) * 100}%` }} />
        ))}
    </div>
  );
}

function tally(rows: CountRow[], difficulty?: Difficulty): Record<TaskStatus, number> {
  const out = { pending: 0, approved: 0, rejected: 0 };
  for (const row of rows) {
    if (difficulty && row.difficulty !== difficulty) continue;
    if (row.status in out) out[row.status as TaskStatus] += row.count;
  }
  return out;
}

/** One card per difficulty (and one for the whole set), each split by review status. */
export function SetCounts({
  counts,
  hrefs,
  active,
}: {
  counts: CountRow[];
  /** Where each card links: the table filtered to that difficulty. */
  hrefs: Record<"all" | Difficulty, string>;
  active?: Difficulty;
}) {
  const cards: { key: "all" | Difficulty; label: string; counts: Record<TaskStatus, number> }[] = [
    { key: "all", label: "All tasks", counts: tally(counts) },
    ...DIFFICULTIES.map((d) => ({
      key: d,
      label: d[0]!.toUpperCase() + d.slice(1),
      counts: tally(counts, d),
    })),
  ];
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Counts">
      {cards.map((card) => {
        const total = card.counts.pending + card.counts.approved + card.counts.rejected;
        const selected = card.key === "all" ? !active : active === card.key;
        return (
          <Link
            key={card.key}
            href={hrefs[card.key]}
            scroll={false}
            aria-current={selected ? "true" : undefined}
          >
            <Card
              className={cn(
                "space-y-2 p-3.5 transition-colors hover:bg-surface-2/50",
                selected && "border-accent/60",
              )}
              data-testid={`count-${card.key}`}
            >
              <div className="flex items-baseline justify-between gap-2">
                <span className="text-sm text-muted">{card.label}</span>
                <span className="text-2xl font-semibold tabular-nums" data-testid="count-total">
                  {total}
                </span>
              </div>
              <ReviewBar counts={card.counts} />
              <dl className="flex gap-3 text-xs text-muted">
                {STATUSES.map((s) => (
                  <div key={s} className="flex gap-1">
                    <dt>{s}</dt>
                    <dd className="font-medium tabular-nums text-text" data-testid={`count-${s}`}>
                      {card.counts[s]}
                    </dd>
                  </div>
                ))}
              </dl>
            </Card>
          </Link>
        );
      })}
    </div>
  );
}
