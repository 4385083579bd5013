import type { JsonValue, StepRecord } from "@/lib/runtime";
import { startEpisode } from "../session-cache";
import { isKeyName } from "../graph/keys";
import { planCall } from "./args";
import type { PlannedCall } from "./chain-types";
import type { ToolInfo } from "./context";
import { resolveArgs } from "./execute";
import { extendWalk, type Walk } from "./walk";

interface Alternative {
  tool: ToolInfo;
  /** Arguments kept from the failed call (same record, same amount…). */
  preset: Record<string, JsonValue>;
  /** For another call of the same tool: the argument that must change. */
  vary?: string;
  score: number;
}

const tokens = (name: string) => new Set(name.split(/[_.-]/).filter((t) => t.length > 2));

function overlap(a: string, b: string): number {
  const tb = tokens(b);
  return [...tokens(a)].filter((t) => tb.has(t)).length;
}

/**
 * Arguments by name, including those inside a single-item list or a record
 * (`lines: [{sku, quantity}]` → `sku`, `quantity`), so a restock can share an order line's.
 */
function flatten(args: Record<string, JsonValue>): Record<string, JsonValue> {
  const flat: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(args)) {
    const inner = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
      for (const [k, v] of Object.entries(inner))
        if (v === null || typeof v !== "object") flat[k] ??= v;
    } else {
      flat[name] = value;
    }
  }
  return flat;
}

/**
 * Other routes to a related effect after `failed` raised a declared error: the same tool on
 * another record, or another state-changing tool sharing arguments with the failed call
 * (out of stock → order from the supplier). Ranked by how much of the request they keep.
 */
function alternatives(
  walk: Walk,
  failed: ToolInfo,
  args: Record<string, JsonValue>,
): Alternative[] {
  const found: Alternative[] = [];
  const flat = flatten(args);
  for (const tool of walk.ctx.list) {
    if (tool.readOnly) continue;
    if (tool === failed) {
      for (const name of Object.keys(args).filter(isKeyName)) {
        const preset = { ...args };
        delete preset[name];
        found.push({ tool, preset, vary: name, score: 2 * Object.keys(preset).length + 2 });
      }
      continue;
    }
    const shared = tool.inputs.filter((i) => i.name in flat);
    if (!shared.length) continue;
    const sameEntity = tool.hint.entity !== undefined && tool.hint.entity === failed.hint.entity;
    found.push({
      tool,
      preset: Object.fromEntries(shared.map((i) => [i.name, flat[i.name]])),
      score: 2 * shared.length + 2 * overlap(tool.name, failed.name) + (sameEntity ? 1 : 0),
    });
  }
  return found.sort(
    (a, b) => b.score - a.score || Number(b.tool === failed) - Number(a.tool === failed),
  );
}

function tryAlternative(
  walk: Walk,
  failed: ToolInfo,
  failedArgs: Record<string, JsonValue>,
): { call: PlannedCall; args: Record<string, JsonValue>; step: StepRecord } | undefined {
  const { ctx, rng } = walk;
  for (const alt of alternatives(walk, failed, failedArgs).slice(0, 5)) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const call = planCall({
        rng,
        pool: walk.pool,
        tool: alt.tool,
        prior: [],
        needBinding: false,
        preset: alt.preset,
      });
      if (!call) break;
      const args = resolveArgs(call, [])!;
      if (alt.vary && JSON.stringify(args[alt.vary]) === JSON.stringify(failedArgs[alt.vary]))
        continue;
      const step = ctx.session.stepSync(alt.tool.name, args);
      if (step.observation.ok && step.patch.length > 0) return { call, args, step };
    }
  }
  return undefined;
}

/**
 * An error-recovery chain: a state-changing call that raises one of its declared errors, then a
 * different call that succeeds with a related effect, and sometimes a dependent follow-up.
 * Returns the planned calls, or undefined when no such path was found.
 */
export function sampleRecovery(walk: Walk, episodeSeed: number): PlannedCall[] | undefined {
  const { ctx, rng } = walk;
  const candidates = rng.shuffle(
    ctx.list.filter((t) => !t.readOnly && Object.keys(t.manifest.errors).length),
  );
  for (const tool of candidates.slice(0, 4)) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const call = planCall({
        rng,
        pool: walk.pool,
        tool,
        prior: [],
        needBinding: false,
        risky: attempt % 2 === 0,
      });
      if (!call) break;
      const args = resolveArgs(call, [])!;
      const step = ctx.session.stepSync(tool.name, args);
      if (step.observation.ok) {
        // It worked, so it is no trap; undo its effect before trying again.
        if (step.patch.length) startEpisode(ctx.session, episodeSeed);
        continue;
      }
      const code = step.observation.error.code;
      if (!(code in tool.manifest.errors)) continue;
      const alt = tryAlternative(walk, tool, args);
      if (!alt) continue;
      walk.prior.push({ call: { ...call, trap: code }, args, result: null });
      walk.steps.push(step);
      walk.prior.push({
        call: alt.call,
        args: alt.args,
        result: alt.step.observation.ok ? alt.step.observation.result : null,
      });
      walk.steps.push(alt.step);
      if (rng.chance(0.5)) extendWalk(walk, { dependent: true, last: true });
      return walk.prior.map((p) => p.call);
    }
  }
  return undefined;
}
