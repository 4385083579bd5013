import { computeReward, type JsonValue, type StepRecord } from "@/lib/runtime";
import { existing } from "../sampler/args";
import type { ExecutedChain, PlannedCall } from "../sampler/chain-types";
import type { SamplerContext } from "../sampler/context";
import { executeChain } from "../sampler/execute";
import type { StatePool } from "../sampler/state-pool";
import type { Checker } from "../task";

const escapeToken = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");

/** Other records tried in place of each referenced one (each try costs a replay). */
const ALTERNATIVES = 1;

/**
 * Mutation test of a checker: every argument the agent must take from an earlier result is
 * swapped for another existing record and the chain re-run, the agent answering from what that
 * run returned. If the checker still gives full marks, it cannot tell the intended record from
 * a wrong one, and the task is rejected.
 * (Stated arguments need no such test: required calls check them literally.)
 */
export function isFoolable(
  ctx: SamplerContext,
  chain: ExecutedChain,
  pool: StatePool,
  checker: Checker,
  /** What an agent following this (wrong) run would answer. */
  answerOf: (steps: readonly StepRecord[]) => string,
): boolean {
  for (const [i, call] of chain.calls.entries()) {
    if (call.trap) continue;
    const tool = ctx.tools.get(call.tool)!;
    for (const name of Object.keys(call.bound)) {
      const field = tool.inputs.find((f) => f.name === name);
      if (!field) continue;
      // The call wrote a checked path that names the record (/accounts/ACC-7/status), or a
      // checked value that is the reference itself (a new order's supplier_id): another record
      // would be written elsewhere, or another value stored, and that goal would fail.
      const value = chain.args[i][name];
      const token = escapeToken(String(value));
      const checked = (path: string) =>
        checker.goals.filter((g) => g.path === path || g.path.startsWith(`${path}/`));
      const named = chain.steps[i].patch.some(
        (op) =>
          (op.path.split("/").includes(token) && checked(op.path).length > 0) ||
          checked(op.path).some((g) => JSON.stringify(g.equals) === JSON.stringify(value)),
      );
      if (named) continue;
      const original = JSON.stringify(chain.args[i][name]);
      const others = existing(field, tool, pool)
        .filter((v) => JSON.stringify(v) !== original)
        .slice(0, ALTERNATIVES);
      for (const other of others) {
        const bound = { ...call.bound };
        delete bound[name];
        const swapped: PlannedCall = {
          ...call,
          bound,
          stated: { ...call.stated, [name]: other as JsonValue },
        };
        const calls = chain.calls.map((c, k) => (k === i ? swapped : c));
        const run = executeChain(ctx.session, chain.episodeSeed, calls);
        if (!run) continue;
        const finalAnswer = answerOf(run.steps);
        const reward = computeReward(checker, {
          finalState: run.finalState,
          steps: run.steps,
          finalAnswer,
        });
        if (reward.score >= 1 - 1e-9) return true;
      }
    }
  }
  return false;
}
