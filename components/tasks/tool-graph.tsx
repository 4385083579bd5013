"use client";
import { ChevronDown, ChevronRight, Network } from "lucide-react";
import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import type { GraphLayout, ToolGraph as Graph } from "@/lib/tasks";

/** Mid-tone hues that read on both the light and the dark theme. */
const HUES = [
  "#6366f1",
  "#10b981",
  "#f59e0b",
  "#ec4899",
  "#0ea5e9",
  "#8b5cf6",
  "#ef4444",
  "#14b8a6",
];
const ROW = 34;
const NODE_H = 26;
const INDENT = 14;
const HEAD = 30;
const CHAR = 6.8;

interface Lane {
  key: string;
  field: string;
  color: string;
  x: number;
  /** Tool → the output path that provides the field. */
  providers: Map<string, string>;
  takers: Set<string>;
}

/**
 * The picture's geometry. Tools go top to bottom in the layout's order (layer, then position
 * in the layer), indented by layer; each input field is a vertical lane to their right.
 */
function arrange(graph: Graph, layout: GraphLayout) {
  const rows = [...layout.nodes].sort((a, b) => a.layer - b.layer || a.y - b.y);
  const rowOf = new Map(rows.map((n, i) => [n.name, i]));
  const groups = new Map<string, Omit<Lane, "x" | "color">>();
  for (const e of graph.edges) {
    if (!rowOf.has(e.from) || !rowOf.has(e.to)) continue;
    const key = `${e.field}|${e.entity}`;
    const lane = groups.get(key) ?? {
      key,
      field: e.field,
      providers: new Map(),
      takers: new Set(),
    };
    if (!lane.providers.has(e.from)) lane.providers.set(e.from, e.via);
    lane.takers.add(e.to);
    groups.set(key, lane);
  }
  // Lanes in the order their first tool appears: links mostly run downwards.
  const first = (l: Omit<Lane, "x" | "color">) =>
    Math.min(...[...l.providers.keys(), ...l.takers].map((t) => rowOf.get(t)!));
  const sorted = [...groups.values()].sort(
    (a, b) => first(a) - first(b) || a.field.localeCompare(b.field),
  );
  const nodeWidth = Math.min(240, Math.max(120, ...rows.map((n) => n.name.length * CHAR + 24)));
  const depth = Math.min(12, Math.max(0, ...rows.map((n) => n.layer)));
  const label = Math.max(40, ...sorted.map((l) => l.field.length * CHAR));
  const gap = label + 16;
  const x0 = depth * INDENT + nodeWidth + 28 + label / 2;
  const lanes: Lane[] = sorted.map((l, i) => ({
    ...l,
    x: x0 + i * gap,
    color: HUES[i % HUES.length]!,
  }));
  const width = (lanes.at(-1)?.x ?? x0 - label / 2) + label / 2 + 8;
  return { rows, lanes, nodeWidth, width, height: HEAD + rows.length * ROW };
}

const rowY = (i: number) => HEAD + i * ROW + ROW / 2;

/** The environment's tool-dependency graph: which tool's output can fill which tool's input. */
export function ToolGraph({ graph, layout }: { graph: Graph; layout: GraphLayout }) {
  const [open, setOpen] = useState(true);
  const [focus, setFocus] = useState<string | null>(null);
  const { rows, lanes, nodeWidth, width, height } = useMemo(
    () => arrange(graph, layout),
    [graph, layout],
  );
  const info = new Map(graph.nodes.map((n) => [n.name, n]));
  const feeds = graph.edges.filter((e) => e.from === focus);
  const fedBy = graph.edges.filter((e) => e.to === focus);
  const related = new Set([focus, ...feeds.map((e) => e.to), ...fedBy.map((e) => e.from)]);
  const list = (edges: typeof feeds, side: "from" | "to") =>
    [...new Set(edges.map((e) => `${e[side]} (${e.field})`))].join(", ") || "nothing";
  const involved = (lane: Lane, tool: string | null) =>
    !!tool && (lane.providers.has(tool) || lane.takers.has(tool));

  return (
    <Card data-testid="tool-graph">
      <button
        type="button"
        className="flex w-full items-center gap-2 px-4 py-3 text-left text-sm"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? <ChevronDown size={15} aria-hidden /> : <ChevronRight size={15} aria-hidden />}
        <Network size={15} aria-hidden className="text-muted" />
        <span className="font-medium">Tool graph</span>
        <span className="text-muted">
          {graph.nodes.length} tools · {layout.links.length} links through {lanes.length} fields
        </span>
      </button>
      {open && (
        <div className="space-y-3 border-t border-border px-4 py-3">
          {graph.nodes.length === 0 ? (
            <p className="text-sm text-muted">This environment has no tools.</p>
          ) : (
            <>
              <div className="overflow-x-auto">
                <svg
                  viewBox={`0 0 ${width} ${height}`}
                  width={width}
                  height={height}
                  className="max-w-full"
                  style={{ minWidth: Math.min(width, 640) }}
                  role="list"
                  aria-label="Tools and the fields that link them"
                >
                  {lanes.map((lane) => {
                    const dim = focus && !involved(lane, focus);
                    const last = Math.max(...rows.map((n, i) => (involved(lane, n.name) ? i : 0)));
                    return (
                      <g key={lane.key} opacity={dim ? 0.2 : 1} data-testid="graph-lane">
                        <text
                          x={lane.x}
                          y={HEAD - 12}
                          textAnchor="middle"
                          className="font-mono text-[11px]"
                          fill={lane.color}
                        >
                          {lane.field}
                        </text>
                        <path
                          d={`M${lane.x},${HEAD - 6} V${rowY(last)}`}
                          stroke={lane.color}
                          strokeWidth={2}
                        />
                      </g>
                    );
                  })}
                  {rows.map((n, i) => {
                    const y = rowY(i);
                    const x = Math.min(n.layer, 12) * INDENT;
                    const tool = info.get(n.name);
                    const mine = lanes.filter((l) => involved(l, n.name));
                    const end = Math.max(x + nodeWidth, ...mine.map((l) => l.x));
                    return (
                      <g
                        key={n.name}
                        role="listitem"
                        tabIndex={0}
                        aria-label={`${n.name}${tool?.readOnly ? " (read-only)" : ""}`}
                        data-testid="graph-node"
                        opacity={focus && !related.has(n.name) ? 0.3 : 1}
                        onMouseEnter={() => setFocus(n.name)}
                        onMouseLeave={() => setFocus(null)}
                        onFocus={() => setFocus(n.name)}
                        onBlur={() => setFocus(null)}
                        className="outline-none"
                      >
                        <title>{tool?.description || n.name}</title>
                        <path
                          d={`M${x + nodeWidth},${y} H${end}`}
                          stroke="var(--border)"
                          strokeWidth={1.5}
                        />
                        <rect
                          x={x}
                          y={y - NODE_H / 2}
                          width={nodeWidth}
                          height={NODE_H}
                          rx={6}
                          className={tool?.readOnly ? "fill-surface-2" : "fill-surface"}
                          stroke={focus === n.name ? "var(--accent)" : "var(--muted)"}
                          strokeOpacity={focus === n.name ? 1 : 0.6}
                          strokeWidth={focus === n.name ? 2 : 1}
                          strokeDasharray={tool?.readOnly ? "4 3" : undefined}
                        />
                        <text x={x + 10} y={y + 4} className="fill-text font-mono text-[11.5px]">
                          {n.name}
                        </text>
                        {mine.map((lane) => (
                          <g key={lane.key} fill={lane.color}>
                            {lane.takers.has(n.name) && (
                              <path d={`M${lane.x - 12},${y} l7,-4.5 v9 z`}>
                                <title>{`${n.name} takes ${lane.field}`}</title>
                              </path>
                            )}
                            {lane.providers.has(n.name) && (
                              <circle cx={lane.x} cy={y} r={4}>
                                <title>{`${n.name} provides ${lane.field} (from ${lane.providers.get(n.name)})`}</title>
                              </circle>
                            )}
                          </g>
                        ))}
                      </g>
                    );
                  })}
                </svg>
              </div>
              <p className="min-h-8 text-xs text-muted" aria-live="polite">
                {focus
                  ? `${focus} takes input from ${list(fedBy, "from")}; its output feeds ${list(feeds, "to")}.`
                  : "Each column is an input field: ● the tool's output provides it, ◀ the tool takes it. Tools are in dependency order; dashed ones only read. Point at a tool for its links."}
              </p>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
