"use client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { pct, plannedIterations } from "./format";
import { type ChartRow, MetricChart, type Reference, type Series } from "./metric-chart";
import { policyLabel } from "./run-status";
import { TaskDiffTable } from "./task-diff-table";
import type { IterationPoint, RunSummary, StoredMetrics } from "./types";

const A = "#6366f1";
const B = "#f59e0b";

interface Side {
  run: RunSummary;
  iterations: IterationPoint[];
}

export interface Comparison {
  a: Side;
  b: Side;
  tasks: { taskKey: string; a: number | null; b: number | null; diff: number }[];
}

type Picker = (m: StoredMetrics) => number | null | undefined;

/** Both learners' values of one metric, a row per iteration (baselines have no curve). */
function overlay(a: Side, b: Side, pick: Picker): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const [key, side] of [
    ["a", a],
    ["b", b],
  ] as const) {
    if (side.run.policy !== "learner") continue;
    for (const { index, metrics } of side.iterations) {
      const row = rows.get(index) ?? { iteration: index + 1, a: null, b: null };
      row[key] = pick(metrics) ?? null;
      rows.set(index, row);
    }
  }
  return [...rows.values()].sort((x, y) => x.iteration - y.iteration);
}

/** A baseline (one evaluation, no curve) shows as a level line instead. */
function baselines(a: Side, b: Side, pick: Picker): Reference[] {
  return (
    [
      [a, A],
      [b, B],
    ] as const
  ).flatMap(([side, color]) => {
    const value =
      side.run.policy !== "learner" ? pick(side.iterations[0]?.metrics ?? { iteration: 0 }) : null;
    return value === null || value === undefined ? [] : [{ y: value, label: side.run.name, color }];
  });
}

function RunPicker({
  label,
  value,
  runs,
  onChange,
}: {
  label: string;
  value: string;
  runs: RunSummary[];
  onChange: (id: string) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium" style={{ color: label === "A" ? A : B }}>
        {label}
      </span>
      <Select
        aria-label={`Run ${label}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-72"
      >
        <option value="">choose a run</option>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} — {policyLabel(r)}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Two runs side by side: their curves overlaid and where on the eval tasks they differ. */
export function RunCompare({
  runs,
  comparison,
}: {
  runs: RunSummary[];
  comparison: Comparison | null;
}) {
  const { slug } = useWorkspace();
  const router = useRouter();
  const a = comparison?.a.run.id ?? "";
  const b = comparison?.b.run.id ?? "";
  const go = (nextA: string, nextB: string) => {
    if (nextA && nextB) router.push(`/w/${slug}/runs/compare?a=${nextA}&b=${nextB}`);
  };

  const charts = useMemo(() => {
    if (!comparison) return null;
    const { a: sa, b: sb } = comparison;
    const series: Series[] = [
      { key: "a", label: sa.run.name, color: A },
      { key: "b", label: sb.run.name, color: B },
    ];
    const planned = Math.max(
      plannedIterations(sa.run.config, sa.run.policy),
      plannedIterations(sb.run.config, sb.run.policy),
    );
    const make = (pick: Picker) => {
      const data = overlay(sa, sb, pick);
      // A series with no value here (a baseline, or no faulty evaluation) stays out of the legend.
      const present = series.filter((s) => data.some((row) => row[s.key] !== null));
      return { data, references: baselines(sa, sb, pick), series: present, planned };
    };
    return {
      reward: make((m) => m.reward?.mean),
      success: make((m) => m.success?.all),
      evalClean: make((m) => m.eval?.clean.successRate),
      evalFaulty: make((m) => m.eval?.faulty?.successRate),
    };
  }, [comparison]);

  return (
    <>
      <Link
        href={`/w/${slug}/runs`}
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-text"
      >
        <ArrowLeft size={14} aria-hidden /> Runs
      </Link>
      <PageHeader
        title="Compare runs"
        description="Curves overlaid, and the success difference per eval task (B − A, last evaluation)."
      />
      <Card className="mb-6 flex flex-wrap items-center gap-4 p-3">
        <RunPicker label="A" value={a} runs={runs} onChange={(id) => go(id, b)} />
        <RunPicker label="B" value={b} runs={runs} onChange={(id) => go(a, id)} />
      </Card>
      {!comparison || !charts ? (
        <EmptyState title="Choose two runs">Pick a run for A and one for B.</EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 lg:grid-cols-2" data-testid="compare-charts">
            <MetricChart
              title="Mean reward (training)"
              testId="compare-reward"
              empty="No training iterations."
              {...charts.reward}
            />
            <MetricChart
              title="Success (training rollouts)"
              testId="compare-success"
              empty="No training iterations."
              format={(v) => pct(v)}
              {...charts.success}
            />
            <MetricChart
              title="Eval success · clean"
              testId="compare-eval-clean"
              empty="No evaluation yet."
              format={(v) => pct(v)}
              {...charts.evalClean}
            />
            <MetricChart
              title="Eval success · faulty"
              testId="compare-eval-faulty"
              empty="No faulty evaluation."
              format={(v) => pct(v)}
              {...charts.evalFaulty}
            />
          </div>
          <TaskDiffTable
            tasks={comparison.tasks}
            nameA={comparison.a.run.name}
            nameB={comparison.b.run.name}
            colors={{ a: A, b: B }}
          />
        </div>
      )}
    </>
  );
}
