"use client";
import { ListChecks } from "lucide-react";
import Link from "next/link";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { ReviewBar } from "./counts";
import { DIFFICULTIES, type TaskSetSummary } from "./types";

const sum = (record: Record<string, number | undefined> | undefined) =>
  Object.values(record ?? {}).reduce<number>((n, c) => n + (c ?? 0), 0);

export function TaskSetList({ sets }: { sets: TaskSetSummary[] }) {
  const { slug } = useWorkspace();
  if (sets.length === 0) {
    return (
      <EmptyState icon={<ListChecks size={28} />} title="No task sets yet">
        Generate verifiable tasks in an environment: each comes with a reference solution and a
        checker, and waits here for review.
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Task sets">
      {sets.map((set) => {
        const rejected = sum(set.stats?.rejectedByCode);
        const reviewed = set.statusCounts.approved + set.statusCounts.rejected;
        return (
          <li key={set.id}>
            <Card className="relative space-y-2.5 p-4 hover:bg-surface-2/50" data-testid="task-set">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <h3 className="font-medium">
                    <Link
                      href={`/w/${slug}/tasks/${set.id}`}
                      className="after:absolute after:inset-0 hover:underline"
                    >
                      {set.name}
                    </Link>
                  </h3>
                  <p className="mt-0.5 text-sm text-muted" suppressHydrationWarning>
                    {set.environment.name} v{set.version.number} · seed {set.seed} · created{" "}
                    {new Date(set.createdAt).toLocaleString()}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-1.5">
                  <Badge tone="accent">{set.taskCount} tasks</Badge>
                  {DIFFICULTIES.map((d) => (
                    <Badge key={d}>
                      {set.stats?.byTier?.[d] ?? 0} {d}
                    </Badge>
                  ))}
                </div>
              </div>
              <ReviewBar counts={set.statusCounts} />
              <p className="text-xs text-muted">
                {reviewed} of {set.taskCount} reviewed · {set.statusCounts.approved} approved ·{" "}
                {set.statusCounts.rejected} rejected
                {rejected > 0 &&
                  ` · ${rejected} discarded by validation (${Object.entries(
                    set.stats?.rejectedByCode ?? {},
                  )
                    .map(([code, n]) => `${code} ${n}`)
                    .join(", ")})`}
              </p>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
