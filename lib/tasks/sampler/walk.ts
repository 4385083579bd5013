import type { JsonValue, StepRecord } from "@/lib/runtime";
import type { Rng } from "../rng";
import { reportCandidates } from "../build/report";
import { planCall, type PriorCall } from "./args";
import type { SamplerContext, ToolInfo } from "./context";
import { resolveArgs } from "./execute";
import { valuesAt } from "./paths";
import type { StatePool } from "./state-pool";

/** Live sampling state: the session runs each accepted call as the chain grows. */
export interface Walk {
  ctx: SamplerContext;
  rng: Rng;
  pool: StatePool;
  prior: PriorCall[];
  /** Accepted steps, by chain position (exploration calls that were discarded are not here). */
  steps: StepRecord[];
}

const callKey = (tool: string, args: JsonValue) => `${tool}\n${JSON.stringify(args)}`;

/**
 * Tries to add one successful call. A candidate must consume an earlier result when
 * `dependent` (the previous call's, when that was a lookup: a lookup exists to feed the next
 * step); a call that changes nothing, or repeats an earlier call, does not count; a last call
 * that only reads must leave something to report.
 */
export function extendWalk(
  walk: Walk,
  options: { dependent: boolean; last: boolean; candidates?: ToolInfo[] },
): boolean {
  const { ctx, rng } = walk;
  const before = new Set(walk.prior.map((p) => p.call.tool));
  const previousIndex = walk.prior.length - 1;
  const previous = walk.prior[previousIndex]?.call;
  const feedsFromLookup =
    previous !== undefined && !previous.trap && ctx.tools.get(previous.tool)!.readOnly;
  let pool =
    options.candidates ??
    ctx.list.filter((t) => {
      if (options.dependent && !t.incoming.some((e) => before.has(e.from))) return false;
      if (feedsFromLookup && !t.incoming.some((e) => e.from === previous.tool)) return false;
      if (!options.last && t.readOnly && t.outgoing.length === 0) return false;
      return true;
    });
  // Favour a path (feed from the previous call), variety (tools not used yet) and ending on
  // a change.
  const weight = (t: ToolInfo) =>
    (t.readOnly ? (options.last ? 1 : 2) : options.last ? 3 : 1) *
    (options.dependent && t.incoming.some((e) => e.from === previous?.tool) ? 3 : 1) *
    (before.has(t.name) ? 0.3 : 1);
  const seen = new Set(walk.prior.map((p) => callKey(p.call.tool, p.args)));
  for (let picks = 0; picks < 6 && pool.length; picks++) {
    const tool = rng.weighted(pool, weight);
    pool = pool.filter((t) => t !== tool);
    for (let attempt = 0; attempt < 3; attempt++) {
      const call = planCall({
        rng,
        pool: walk.pool,
        tool,
        prior: walk.prior,
        needBinding: options.dependent,
      });
      if (!call) break;
      // A lookup exists to learn something: the next call must use a value it produced.
      if (
        feedsFromLookup &&
        !Object.values(call.bound).some((b) => b.step === previousIndex && !b.echo)
      )
        continue;
      const args = resolveArgs(call, walk.steps);
      if (!args || seen.has(callKey(tool.name, args))) continue;
      const step = ctx.session.stepSync(tool.name, args);
      if (!step.observation.ok) continue;
      const result = step.observation.result;
      if (!tool.readOnly && step.patch.length === 0) continue;
      if (tool.readOnly && options.last && reportCandidates(tool, args, result, "").length === 0)
        continue;
      // A lookup mid-chain that found nothing (an empty list) cannot feed the next step.
      if (
        tool.readOnly &&
        !options.last &&
        !tool.outgoing.some((e) => valuesAt(result, e.via).length)
      )
        continue;
      walk.prior.push({ call, args, result });
      walk.steps.push(step);
      return true;
    }
  }
  return false;
}
