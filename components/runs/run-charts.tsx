"use client";
import { useMemo } from "react";
import { pct } from "./format";
import { type ChartRow, MetricChart, type Series } from "./metric-chart";
import type { EvaluationReport, IterationPoint } from "./types";

const COLORS = {
  reward: "#6366f1",
  trace: "#0ea5e9",
  state: "#14b8a6",
  penalty: "#f43f5e",
  clean: "#22c55e",
  faulty: "#f59e0b",
  entropy: "#a855f7",
  loss: "#ec4899",
};

const REWARD: Series[] = [
  { key: "reward", label: "mean reward", color: COLORS.reward },
  { key: "trace", label: "trace", color: COLORS.trace, dashed: true },
  { key: "state", label: "state", color: COLORS.state, dashed: true },
  { key: "penalty", label: "penalty", color: COLORS.penalty, dashed: true },
];
const SUCCESS: Series[] = [
  { key: "clean", label: "clean rollouts", color: COLORS.clean },
  { key: "faulty", label: "faulty rollouts", color: COLORS.faulty },
];
const LEARNING: Series[] = [
  { key: "entropy", label: "entropy", color: COLORS.entropy },
  { key: "loss", label: "loss", color: COLORS.loss, right: true },
];

const passK = (report: EvaluationReport["clean"] | null | undefined, k: number) =>
  report?.passHatK[String(k)] ?? null;

/** One chart row per stored iteration (1-based on the axis, like everywhere in the studio). */
function rowsOf(iterations: IterationPoint[], trials: number): { rows: ChartRow[]; k: number } {
  let k = trials;
  const rows = iterations.map(({ index, metrics: m }) => {
    const ev = m.eval ?? null;
    if (ev) k = Math.max(k, ev.trials);
    return {
      iteration: index + 1,
      reward: m.reward?.mean ?? null,
      trace: m.reward?.trace ?? null,
      state: m.reward?.state ?? null,
      penalty: m.reward?.penalty ?? null,
      clean: m.success?.clean ?? null,
      faulty: m.success?.faulty ?? null,
      entropy: m.entropy ?? null,
      loss: m.loss ?? null,
      evalClean: ev ? ev.clean.successRate : null,
      evalFaulty: ev?.faulty ? ev.faulty.successRate : null,
      cleanK: ev ? passK(ev.clean, ev.trials) : null,
      faultyK: ev ? passK(ev.faulty, ev.trials) : null,
    };
  });
  return { rows, k };
}

/** Live training curves: reward and its components, success, evaluation, and the learner's state. */
export function RunCharts({
  iterations,
  planned,
  trials,
}: {
  iterations: IterationPoint[];
  planned: number;
  /** Eval trials per task (the k of pass^k) before the first evaluation reports it. */
  trials: number;
}) {
  const { rows, k } = useMemo(() => rowsOf(iterations, trials), [iterations, trials]);
  const evalSeries: Series[] = [
    { key: "evalClean", label: "clean pass^1", color: COLORS.clean },
    { key: "evalFaulty", label: "faulty pass^1", color: COLORS.faulty },
    { key: "cleanK", label: `clean pass^${k}`, color: COLORS.clean, dashed: true },
    { key: "faultyK", label: `faulty pass^${k}`, color: COLORS.faulty, dashed: true },
  ];
  const waiting = "Waiting for the first iteration…";
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="run-charts">
      <MetricChart
        title="Reward"
        testId="chart-reward"
        data={rows}
        series={REWARD}
        planned={planned}
        domain={[0, (max: number) => Math.max(1, max)]}
        empty={waiting}
        hint="score = τ·trace + (1−τ)·state − penalty, averaged over the iteration's rollouts."
      />
      <MetricChart
        title="Training success"
        testId="chart-success"
        data={rows}
        series={SUCCESS}
        planned={planned}
        format={(v) => pct(v)}
        empty={waiting}
        hint="Share of rollouts that met every goal, clean and with injected faults."
      />
      <MetricChart
        title="Evaluation (eval split)"
        testId="chart-eval"
        data={rows}
        series={evalSeries}
        planned={planned}
        format={(v) => pct(v)}
        empty="No evaluation yet — it runs every few iterations and after the last."
        hint={`pass^1 is the success rate; pass^${k} the chance that all ${k} trials of a task succeed.`}
      />
      <MetricChart
        title="Entropy and loss"
        testId="chart-learning"
        data={rows}
        series={LEARNING}
        planned={planned}
        domain={[0, "auto"]}
        empty={waiting}
        hint="Entropy per decision falls as the policy grows confident; loss is the update's objective."
      />
    </div>
  );
}
