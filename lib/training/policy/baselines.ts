import type { JsonValue } from "@/lib/runtime";
import { referenceAnswer, type Task } from "@/lib/tasks";
import { classify } from "./episode-view";
import { LinearPolicy } from "./linear-policy";
import type { Decision, PolicyContext, SyncPolicy } from "./policy";

const noDistribution = { logprob: null, entropy: null };

/** Finishes at once with no answer: the floor every task must score 0 against. */
export const noopPolicy: SyncPolicy = {
  name: "noop",
  act: () => ({ action: { kind: "finish", answer: "" }, ...noDistribution }),
};

/** Uniform choices over the learner's own candidates (its untrained, all-zero weights). */
export function randomPolicy(): LinearPolicy {
  return new LinearPolicy(undefined, { name: "random" });
}

/**
 * Replays each task's reference solution like a competent agent: a call that failed
 * transiently (unavailable, timeout, rate limit) is retried; a read whose response came back
 * broken is repeated, while a state-changing call whose response broke is not (it ran).
 * Declared errors are expected by the solution ("try X, if that fails, Y") and not retried.
 */
export function referencePolicy(tasks: readonly Task[]): SyncPolicy {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return {
    name: "reference",
    act(context: PolicyContext): Decision {
      const task = byId.get(context.taskId);
      if (!task) throw new Error(`reference policy has no task ${context.taskId}`);
      const readOnly = new Map(context.tools.map((t) => [t.name, t.readOnly]));
      let next = 0;
      for (const step of context.steps) {
        const outcome = classify(step);
        const retry =
          outcome === "transient" || (outcome === "broken" && readOnly.get(step.tool) === true);
        if (!retry) next++;
      }
      if (next >= task.solution.length)
        return { action: { kind: "finish", answer: referenceAnswer(task) }, ...noDistribution };
      const call = task.solution[next];
      return {
        action: { kind: "call", tool: call.tool, args: call.args as Record<string, JsonValue> },
        ...noDistribution,
      };
    },
  };
}
