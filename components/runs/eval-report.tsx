import { Card } from "@/components/ui/card";
import { num, pct } from "./format";
import type { ConditionReport, EvaluationReport } from "./types";

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-surface-2 px-3 py-2">
      <div className="text-xs text-muted">{label}</div>
      <div className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function Condition({
  title,
  report,
  name,
}: {
  title: string;
  report: ConditionReport;
  name: string;
}) {
  const c = report.rewardComponents;
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h4>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="success" value={pct(report.successRate)} testId={`eval-${name}-success`} />
        <Stat label="mean reward" value={num(report.meanReward, 2)} />
        <Stat label="fault recovery" value={pct(report.faultRecoveryRate)} />
        <Stat label="steps / episode" value={num(report.stepsPerEpisode, 1)} />
      </div>
      <p className="text-xs text-muted">
        trace {num(c.trace, 2)} · state {num(c.state, 2)} · penalty {num(c.penalty, 2)} ·{" "}
        {report.episodes} episodes
      </p>
    </div>
  );
}

/** The most recent evaluation: clean against faulty, and pass^k for every k. */
export function EvalReport({
  report,
  iteration,
}: {
  report: EvaluationReport | null;
  iteration: number | null;
}) {
  if (!report) {
    return (
      <Card className="p-4" data-testid="eval-report">
        <h3 className="text-sm font-medium">Latest evaluation</h3>
        <p className="mt-2 text-sm text-muted">No evaluation yet.</p>
      </Card>
    );
  }
  const ks = Array.from({ length: report.trials }, (_, i) => i + 1);
  const rows = [
    { label: "clean", report: report.clean },
    ...(report.faulty
      ? [{ label: `faulty (${report.faulty.faultProfile})`, report: report.faulty }]
      : []),
  ];
  return (
    <Card className="space-y-4 p-4" data-testid="eval-report">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-medium">Latest evaluation</h3>
        <span className="text-xs text-muted">
          {iteration !== null && `after iteration ${iteration} · `}
          {report.tasks} eval tasks × {report.trials} trials · policy {report.policy}
        </span>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Condition title="Clean" report={report.clean} name="clean" />
        {report.faulty ? (
          <Condition
            title={`Faulty · ${report.faulty.faultProfile}`}
            report={report.faulty}
            name="faulty"
          />
        ) : (
          <p className="text-sm text-muted">Evaluated clean only.</p>
        )}
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-80 text-left text-sm tabular-nums" aria-label="pass^k">
          <thead className="text-xs text-muted">
            <tr className="border-b border-border">
              <th className="py-1.5 pr-4 font-medium">condition</th>
              {ks.map((k) => (
                <th key={k} className="py-1.5 pl-8 text-right font-medium">
                  pass^{k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-border last:border-b-0">
                <td className="py-1.5 pr-4">{row.label}</td>
                {ks.map((k) => (
                  <td key={k} className="py-1.5 pl-8 text-right font-mono">
                    {pct(row.report.passHatK[String(k)] ?? null, 1)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-muted">
          pass^k: the chance that k trials of the same task all succeed — reliability, not luck.
        </p>
      </div>
    </Card>
  );
}
