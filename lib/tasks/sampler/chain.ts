import { startEpisode } from "../session-cache";
import type { Difficulty } from "../task";
import { Rng } from "../rng";
import type { ExecutedChain, PlannedCall } from "./chain-types";
import type { SamplerContext } from "./context";
import { executeChain } from "./execute";
import { sampleRecovery } from "./recovery";
import { StatePool } from "./state-pool";
import { extendWalk, type Walk } from "./walk";

export type SampleOutcome = { ok: true; chain: ExecutedChain } | { ok: false; reason: string };

/** Read-only calls before the last must feed a later call, or they are noise in the task. */
function lookupsAreUsed(calls: readonly PlannedCall[], ctx: SamplerContext): boolean {
  return calls.every((call, i) => {
    if (i === calls.length - 1 || call.trap || !ctx.tools.get(call.tool)!.readOnly) return true;
    return calls.slice(i + 1).some((later) => Object.values(later.bound).some((b) => b.step === i));
  });
}

/**
 * The ground truth of a sampled walk. When exploration made no discarded call, the session
 * already holds the exact run. Discarded calls shifted call indices and the clock; that only
 * matters for tools not yet known to ignore them (see `Stability`), and then the chain is
 * replayed from the seed state.
 */
function settle(
  walk: Walk,
  episodeSeed: number,
  initialState: ExecutedChain["initialState"],
): SampleOutcome {
  const { ctx } = walk;
  const calls = walk.prior.map((p) => p.call);
  if (!lookupsAreUsed(calls, ctx)) return { ok: false, reason: "UNUSED_LOOKUP" };
  const clean = ctx.session.steps.length === walk.steps.length;
  if (clean || calls.every((c) => c.trap || ctx.stability.trusted(c.tool))) {
    const chain: ExecutedChain = {
      episodeSeed,
      initialState,
      calls,
      args: walk.prior.map((p) => p.args),
      steps: [...walk.steps],
      finalState: ctx.session.state(),
    };
    return { ok: true, chain };
  }
  const run = executeChain(ctx.session, episodeSeed, calls);
  if (!run) return { ok: false, reason: "REPLAY_DIVERGED" };
  return { ok: true, chain: { episodeSeed, calls, ...run } };
}

/** Call counts per tier: [minimum, most]. A walk that stalls after the minimum is kept. */
const LENGTHS: Record<Difficulty, [number, number]> = {
  easy: [1, 1],
  medium: [2, 3],
  hard: [4, 5],
};

/**
 * Samples a chain of calls that respects the tool graph, executed in the sandbox from the seed
 * state of a seed-derived episode. Hard chains are either long or take an error-recovery path.
 */
export function sampleChain(ctx: SamplerContext, tier: Difficulty, seed: number): SampleOutcome {
  const rng = new Rng(seed);
  const episodeSeed = rng.int(0, 99_999);
  const initialState = startEpisode(ctx.session, episodeSeed);
  const walk: Walk = { ctx, rng, pool: new StatePool(initialState), prior: [], steps: [] };
  if (tier === "hard" && rng.chance(0.5)) {
    if (sampleRecovery(walk, episodeSeed)) return settle(walk, episodeSeed, initialState);
    startEpisode(ctx.session, episodeSeed);
    walk.prior.length = 0;
    walk.steps.length = 0;
  }
  const [min, max] = LENGTHS[tier];
  const length = rng.int(min, max);
  for (let i = 0; i < length; i++) {
    const first = i === 0;
    const candidates =
      first && length > 1
        ? ctx.list.filter((t) => t.outgoing.some((e) => e.to !== t.name))
        : undefined;
    if (extendWalk(walk, { dependent: !first, last: i === length - 1, candidates })) continue;
    if (i < min) return { ok: false, reason: first ? "NO_START" : "NO_NEXT_STEP" };
    break;
  }
  return settle(walk, episodeSeed, initialState);
}
