import {
  diffState,
  getAtPointer,
  jsonEqual,
  type Action,
  type JsonPatchOp,
  type JsonValue,
} from "@/lib/runtime";
import type { ExecutedChain } from "../sampler/chain-types";
import type { SamplerContext } from "../sampler/context";
import { executeChain } from "../sampler/execute";

export interface Goal {
  path: string;
  equals: JsonValue;
}

const escape = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");

/** Scalar (and empty-container) leaves of a value, as pointer goals under `path`. */
function leaves(path: string, value: JsonValue, out: Goal[]): void {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length) {
      for (const [key, child] of entries) leaves(`${path}/${escape(key)}`, child, out);
      return;
    }
  }
  out.push({ path, equals: value });
}

/** Every leaf the chain changed, with its ground-truth value. */
function changedLeaves(chain: ExecutedChain): Goal[] {
  const goals: Goal[] = [];
  for (const op of diffState(chain.initialState, chain.finalState)) {
    if (op.op === "add" || op.op === "replace") leaves(op.path, op.value, goals);
  }
  // A leaf equal to its seed value checks nothing (a no-op would pass it).
  return goals.filter((g) => !jsonEqual(getAtPointer(chain.initialState, g.path), g.equals));
}

const under = (path: string, op: string) =>
  path === op || path.startsWith(`${op}/`) || op.startsWith(`${path}/`);

/** The tool of the last call that wrote at or around `path`. */
function writerOf(chain: ExecutedChain, path: string): string | undefined {
  for (let i = chain.steps.length - 1; i >= 0; i--) {
    if (chain.steps[i].patch.some((op) => under(path, op.path))) return chain.calls[i].tool;
  }
  return undefined;
}

export type PerturbedRun = NonNullable<ReturnType<typeof executeChain>>;

export type GoalsOutcome =
  | {
      ok: true;
      goals: Goal[];
      /** Absent when every tool is known to be order-insensitive. */ perturbed?: PerturbedRun;
    }
  | { ok: false };

/**
 * The state goals of a chain: changed leaves whose value the solution determines. The chain is
 * replayed after two harmless calls; leaves that move with call indices or the clock (random
 * ids, timestamps) differ there and are dropped, since an agent that looks around first would
 * see other values. Tools seen order-insensitive often enough skip the replay (see `Stability`).
 */
export function stableGoals(ctx: SamplerContext, chain: ExecutedChain): GoalsOutcome {
  const goals = changedLeaves(chain);
  const tools = chain.calls.filter((c) => !c.trap).map((c) => c.tool);
  if (tools.every((t) => ctx.stability.trusted(t))) return { ok: true, goals };
  const prefix: Action[] = [ctx.probe, ctx.probe];
  const perturbed = executeChain(ctx.session, chain.episodeSeed, chain.calls, prefix);
  if (!perturbed) return { ok: false };
  const stable = goals.filter((g) =>
    jsonEqual(getAtPointer(perturbed.finalState, g.path), g.equals),
  );
  const volatile = new Set(
    goals.filter((g) => !stable.includes(g)).map((g) => writerOf(chain, g.path)),
  );
  for (const tool of new Set(tools)) ctx.stability.observe(tool, volatile.has(tool));
  return { ok: true, goals: stable, perturbed };
}

/** True when some goal checks a path this patch touched (or something inside it). */
export function witnesses(goals: readonly Goal[], patch: readonly JsonPatchOp[]): boolean {
  return patch.some((op) => goals.some((g) => under(g.path, op.path)));
}
