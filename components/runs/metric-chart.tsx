"use client";
import type { ReactNode } from "react";
import {
  type AxisDomain,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { Card } from "@/components/ui/card";

export type ChartRow = { iteration: number } & Record<string, number | null>;

export interface Series {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** Plot against the right-hand axis (a second scale, e.g. loss beside entropy). */
  right?: boolean;
}

type Format = (value: number) => string;

/** A constant drawn across the chart (e.g. a baseline's success). */
export interface Reference {
  y: number;
  label: string;
  color: string;
}

function ChartTooltip({
  active,
  payload,
  label,
  series,
  format,
  formatRight,
}: Partial<TooltipContentProps<number, string>> & {
  series: Series[];
  format: Format;
  formatRight: Format;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg">
      <div className="mb-1 font-medium">Iteration {label}</div>
      {series.map((s) => {
        const entry = payload.find((p) => p.dataKey === s.key);
        if (!entry || entry.value === null || entry.value === undefined) return null;
        return (
          <div key={s.key} className="flex items-center justify-between gap-4">
            <span className="flex items-center gap-1.5 text-muted">
              <span className="size-2 rounded-full" style={{ background: s.color }} />
              {s.label}
            </span>
            <span className="font-mono tabular-nums">
              {(s.right ? formatRight : format)(Number(entry.value))}
            </span>
          </div>
        );
      })}
    </div>
  );
}

function LegendKey({ s }: { s: Series }) {
  return (
    <span className="flex items-center gap-1.5">
      <svg width="16" height="6" aria-hidden>
        <line
          x1="0"
          y1="3"
          x2="16"
          y2="3"
          stroke={s.color}
          strokeWidth="2"
          strokeDasharray={s.dashed ? "4 3" : undefined}
        />
      </svg>
      {s.label}
      {s.right && <span className="opacity-70">(right)</span>}
    </span>
  );
}

/**
 * One metric family over iterations. Values missing in a row (evaluations run only every few
 * iterations) are bridged, so sparse series still read as lines.
 */
export function MetricChart({
  title,
  hint,
  data,
  series,
  planned,
  format = (v) => v.toFixed(2),
  formatRight = (v) => v.toFixed(3),
  domain = [0, 1],
  empty,
  testId,
  references = [],
}: {
  title: string;
  hint?: ReactNode;
  data: ChartRow[];
  series: Series[];
  /** Iterations planned: the x-axis spans them from the start, so progress is visible. */
  planned: number;
  format?: Format;
  formatRight?: Format;
  domain?: AxisDomain;
  empty: string;
  testId: string;
  references?: Reference[];
}) {
  const points = data.filter((row) =>
    series.some((s) => row[s.key] !== null && row[s.key] !== undefined),
  );
  const hasRight = series.some((s) => s.right);
  const dot = points.length <= 40 ? { r: 2, strokeWidth: 0 } : false;
  return (
    <Card className="p-4" data-testid={testId} data-points={points.length}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-sm font-medium">{title}</h3>
        <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
          {series.map((s) => (
            <LegendKey key={s.key} s={s} />
          ))}
          {references.map((r) => (
            <LegendKey
              key={r.label}
              s={{ key: r.label, label: `${r.label} ${format(r.y)}`, color: r.color, dashed: true }}
            />
          ))}
        </div>
      </div>
      <div className="relative h-52 text-muted">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={points}
            margin={{ top: 6, right: hasRight ? 4 : 12, bottom: 0, left: -8 }}
          >
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            <XAxis
              dataKey="iteration"
              type="number"
              domain={[1, Math.max(planned, points.at(-1)?.iteration ?? 1, 2)]}
              allowDecimals={false}
              tick={{ fill: "currentColor", fontSize: 11 }}
              stroke="currentColor"
              strokeOpacity={0.4}
              tickLine={false}
            />
            <YAxis
              yAxisId="left"
              domain={domain}
              tickFormatter={format}
              tick={{ fill: "currentColor", fontSize: 11 }}
              stroke="currentColor"
              strokeOpacity={0.4}
              tickLine={false}
              width={48}
            />
            {hasRight && (
              <YAxis
                yAxisId="right"
                orientation="right"
                domain={["auto", "auto"]}
                tickFormatter={formatRight}
                tick={{ fill: "currentColor", fontSize: 11 }}
                stroke="currentColor"
                strokeOpacity={0.4}
                tickLine={false}
                width={52}
              />
            )}
            <Tooltip
              content={<ChartTooltip series={series} format={format} formatRight={formatRight} />}
              cursor={{ stroke: "currentColor", strokeOpacity: 0.3 }}
              isAnimationActive={false}
            />
            {references.map((r) => (
              <ReferenceLine
                key={r.label}
                yAxisId="left"
                y={r.y}
                stroke={r.color}
                strokeDasharray="2 4"
                strokeWidth={1.5}
              />
            ))}
            {series.map((s) => (
              <Line
                key={s.key}
                yAxisId={s.right ? "right" : "left"}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? "5 4" : undefined}
                dot={dot ? { ...dot, fill: s.color } : false}
                activeDot={{ r: 4, strokeWidth: 0, fill: s.color }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        {points.length === 0 && references.length === 0 && (
          <p className="absolute inset-0 flex items-center justify-center text-sm">{empty}</p>
        )}
      </div>
      {hint && <p className="mt-2 text-xs text-muted">{hint}</p>}
    </Card>
  );
}
