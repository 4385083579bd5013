import type { ToolGraph } from "./tool-graph";

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  /** Horizontal gap between layers. */
  gapX?: number;
  /** Vertical gap between nodes of one layer. */
  gapY?: number;
}

export interface PositionedNode {
  name: string;
  /** Column: 0 for tools nothing feeds, then the longest path from one. */
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One arrow per tool pair (edges feeding several fields are merged). */
export interface PositionedLink {
  from: string;
  to: string;
  fields: string[];
  /** The link points backwards (it closes a cycle); draw it curved. */
  back: boolean;
  /** Start (right side of `from`) and end (left side of `to`). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PositionedNode[];
  links: PositionedLink[];
}

/**
 * Lays the graph out in layers, left to right, for an SVG picture: cycles are broken by
 * depth-first order, layers are longest paths, and each layer is ordered by the mean position
 * of its predecessors to reduce crossings. Deterministic for a given graph.
 */
export function layoutToolGraph(graph: ToolGraph, options: LayoutOptions = {}): GraphLayout {
  const { nodeWidth = 180, nodeHeight = 44, gapX = 80, gapY = 24 } = options;
  const names = graph.nodes.map((n) => n.name);
  const successors = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const e of graph.edges) {
    const list = successors.get(e.from);
    if (list && !list.includes(e.to) && successors.has(e.to)) list.push(e.to);
  }

  // Back edges found by DFS close cycles; the remaining edges form a DAG.
  const back = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const visit = (n: string) => {
    state.set(n, "open");
    for (const m of successors.get(n)!) {
      if (state.get(m) === "open") back.add(`${n}\n${m}`);
      else if (!state.has(m)) visit(m);
    }
    state.set(n, "done");
  };
  for (const n of names) if (!state.has(n)) visit(n);

  const forward = (n: string) => successors.get(n)!.filter((m) => !back.has(`${n}\n${m}`));
  const layer = new Map<string, number>(names.map((n) => [n, 0]));
  // Longest path by relaxation: at most |V| rounds on a DAG.
  for (let round = 0; round < names.length; round++) {
    let changed = false;
    for (const n of names) {
      for (const m of forward(n)) {
        if (layer.get(m)! < layer.get(n)! + 1) {
          layer.set(m, layer.get(n)! + 1);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  const depth = Math.max(0, ...layer.values()) + 1;
  const columns: string[][] = Array.from({ length: depth }, () => []);
  for (const n of names) columns[layer.get(n)!].push(n);
  const order = new Map<string, number>();
  columns.forEach((column) => column.forEach((n, i) => order.set(n, i)));
  const predecessors = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const n of names) for (const m of forward(n)) predecessors.get(m)!.push(n);
  for (let c = 1; c < depth; c++) {
    const mean = (n: string) => {
      const ps = predecessors.get(n)!;
      return ps.length ? ps.reduce((sum, p) => sum + order.get(p)!, 0) / ps.length : order.get(n)!;
    };
    const keyed = columns[c].map((n) => ({ n, key: mean(n) }));
    keyed.sort((a, b) => a.key - b.key || a.n.localeCompare(b.n));
    columns[c] = keyed.map((k) => k.n);
    columns[c].forEach((n, i) => order.set(n, i));
  }

  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const height = tallest * nodeHeight + (tallest - 1) * gapY;
  const positioned = new Map<string, PositionedNode>();
  columns.forEach((column, c) => {
    const columnHeight = column.length * nodeHeight + (column.length - 1) * gapY;
    const top = (height - columnHeight) / 2;
    column.forEach((name, i) => {
      positioned.set(name, {
        name,
        layer: c,
        x: c * (nodeWidth + gapX),
        y: top + i * (nodeHeight + gapY),
        width: nodeWidth,
        height: nodeHeight,
      });
    });
  });

  const merged = new Map<string, PositionedLink>();
  for (const e of graph.edges) {
    const a = positioned.get(e.from);
    const b = positioned.get(e.to);
    if (!a || !b) continue;
    const key = `${e.from}\n${e.to}`;
    const link = merged.get(key);
    if (link) {
      if (!link.fields.includes(e.field)) link.fields.push(e.field);
      continue;
    }
    merged.set(key, {
      from: e.from,
      to: e.to,
      fields: [e.field],
      back: back.has(key),
      x1: a.x + a.width,
      y1: a.y + a.height / 2,
      x2: b.x,
      y2: b.y + b.height / 2,
    });
  }

  return {
    width: depth * nodeWidth + (depth - 1) * gapX,
    height,
    nodes: names.map((n) => positioned.get(n)!),
    links: [...merged.values()],
  };
}
