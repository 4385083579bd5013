import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "@/lib/runtime";
import { exampleEnvironment, exampleNames } from "../test-support";
import { layoutToolGraph } from "./layout";
import { buildToolGraph, type ToolGraph } from "./tool-graph";

const has = (graph: ToolGraph, from: string, to: string, field: string, via?: string) =>
  graph.edges.some(
    (e) =>
      e.from === from && e.to === to && e.field === field && (via === undefined || e.via === via),
  );

const manifests = new Map<string, Manifest>();
beforeAll(async () => {
  for (const name of exampleNames()) {
    const { env } = await exampleEnvironment(name);
    manifests.set(name, env.manifest);
    env.dispose();
  }
});

describe("tool graph on the runtime examples", () => {
  it("bank: account ids flow from reads and creations into every account tool", () => {
    const graph = buildToolGraph(manifests.get("bank")!);
    // `list_accounts` returns an array of accounts whose key is a bare `id`.
    expect(has(graph, "list_accounts", "deposit", "account_id", "[].id")).toBe(true);
    expect(has(graph, "open_account", "withdraw", "account_id", "id")).toBe(true);
    expect(has(graph, "get_balance", "freeze_account", "account_id", "account_id")).toBe(true);
    // Role-prefixed inputs take the same key.
    expect(has(graph, "list_accounts", "transfer", "from_account_id")).toBe(true);
    expect(has(graph, "list_accounts", "transfer", "to_account_id")).toBe(true);
    // Amounts and balances are values, not keys: no edge carries them.
    expect(graph.edges.some((e) => e.field === "amount")).toBe(false);
    expect(graph.edges.every((e) => e.from !== e.to)).toBe(true);
  });

  it("store: SKUs flow out of arrays of objects (order lines), order ids out of new orders", () => {
    if (!manifests.has("store")) return;
    const graph = buildToolGraph(manifests.get("store")!);
    expect(has(graph, "list_products", "restock", "sku", "[].sku")).toBe(true);
    expect(has(graph, "place_order", "restock", "sku", "lines[].sku")).toBe(true);
    expect(has(graph, "place_order", "cancel_order", "order_id", "id")).toBe(true);
  });

  it("tracker: issue ids found by search feed the issue tools", () => {
    if (!manifests.has("tracker")) return;
    const graph = buildToolGraph(manifests.get("tracker")!);
    expect(has(graph, "search_issues", "assign_issue", "issue_id", "[].id")).toBe(true);
    expect(has(graph, "create_issue", "update_status", "issue_id")).toBe(true);
  });

  it("lists every tool as a node with its inputs, outputs and declared errors", () => {
    const manifest = manifests.get("bank")!;
    const graph = buildToolGraph(manifest);
    expect(graph.nodes.map((n) => n.name)).toEqual(manifest.tools.map((t) => t.name));
    const withdraw = graph.nodes.find((n) => n.name === "withdraw")!;
    expect(withdraw).toMatchObject({ readOnly: false, inputs: ["account_id", "amount"] });
    expect(withdraw.errors).toContain("INSUFFICIENT_FUNDS");
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });
});

describe("graph layout", () => {
  it("puts sources left of what they feed, without overlaps, deterministically", () => {
    const graph = buildToolGraph(manifests.get("bank")!);
    const layout = layoutToolGraph(graph);
    expect(layoutToolGraph(graph)).toEqual(layout);
    const at = new Map(layout.nodes.map((n) => [n.name, n]));
    expect(at.get("list_accounts")!.layer).toBe(0);
    for (const link of layout.links.filter((l) => !l.back)) {
      expect(at.get(link.from)!.layer).toBeLessThan(at.get(link.to)!.layer);
    }
    const boxes = layout.nodes.map((n) => `${n.x},${n.y}`);
    expect(new Set(boxes).size).toBe(boxes.length);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.links.length).toBe(new Set(graph.edges.map((e) => `${e.from}>${e.to}`)).size);
  });
});
