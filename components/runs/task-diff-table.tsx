import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pct } from "./format";

interface TaskDiff {
  taskKey: string;
  a: number | null;
  b: number | null;
  diff: number;
}

/** Eval success per task for both runs, the largest gains of B over A first. */
export function TaskDiffTable({
  tasks,
  nameA,
  nameB,
  colors,
}: {
  tasks: TaskDiff[];
  nameA: string;
  nameB: string;
  colors: { a: string; b: string };
}) {
  const sorted = [...tasks].sort((x, y) => y.diff - x.diff || x.taskKey.localeCompare(y.taskKey));
  return (
    <Card className="overflow-hidden">
      <div className="border-b border-border px-4 py-3">
        <h2 className="font-medium">Success per eval task</h2>
        <p className="text-xs text-muted">
          At each run&apos;s last evaluation, clean and faulty trials together. Sorted by B − A.
        </p>
      </div>
      {sorted.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-muted">Neither run has evaluated yet.</p>
      ) : (
        <table
          className="w-full text-left text-sm tabular-nums"
          aria-label="Success per task"
          data-testid="task-diff"
        >
          <thead className="text-xs text-muted">
            <tr className="border-b border-border">
              <th className="py-2 pl-4 pr-3 font-medium">Task</th>
              <th className="py-2 pr-3 text-right font-medium" style={{ color: colors.a }}>
                A · {nameA}
              </th>
              <th className="py-2 pr-3 text-right font-medium" style={{ color: colors.b }}>
                B · {nameB}
              </th>
              <th className="w-64 py-2 pr-4 font-medium">B − A</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((t) => (
              <tr
                key={t.taskKey}
                className="border-b border-border last:border-b-0"
                data-testid="task-diff-row"
              >
                <td className="py-1.5 pl-4 pr-3 font-mono text-xs">{t.taskKey}</td>
                <td className="py-1.5 pr-3 text-right font-mono">{pct(t.a)}</td>
                <td className="py-1.5 pr-3 text-right font-mono">{pct(t.b)}</td>
                <td className="py-1.5 pr-4">
                  <div className="flex items-center gap-2">
                    <div className="relative h-2 flex-1 rounded bg-surface-2">
                      <div className="absolute inset-y-0 left-1/2 w-px bg-border" />
                      <div
                        className={cn(
                          "absolute inset-y-0 rounded",
                          t.diff >= 0 ? "left-1/2 bg-success" : "right-1/2 bg-danger",
                        )}
                        style={{ width: `${Math.abs(t.diff) * 50}%` }}
                      />
                    </div>
                    <span
                      className={cn(
                        "w-14 text-right font-mono text-xs",
                        t.diff > 0 ? "text-success" : t.diff < 0 ? "text-danger" : "text-muted",
                      )}
                    >
                      {t.diff > 0 ? "+" : ""}
                      {Math.round(t.diff * 100)} pt
                    </span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
