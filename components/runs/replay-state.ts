import type { JsonValue, StepRecord } from "@/lib/runtime";
import { computeReward } from "@/lib/runtime/reward/reward";
import { applyPatch } from "@/lib/runtime/state/json-patch";
import { rewardSpecOf, type Task } from "@/lib/tasks/task";
import type { RewardBreakdown, StepRow } from "./types";

/**
 * States around each step: `states[k]` is the state before call k, the last one the final
 * state. Built once from the task's initial state and the stored patches (RFC 6902).
 */
export function statesOf(initial: JsonValue, steps: readonly StepRow[]): JsonValue[] {
  const states = [initial];
  for (const step of steps) {
    if (step.kind !== "call") continue;
    states.push(applyPatch(states[states.length - 1]!, step.patch));
  }
  return states;
}

/** The state before and after step `index` (a finish step changes nothing). */
export function around(states: readonly JsonValue[], steps: readonly StepRow[], index: number) {
  const calls = steps.slice(0, index).filter((s) => s.kind === "call").length;
  const isCall = steps[index]?.kind === "call";
  return { before: states[calls], after: states[isCall ? calls + 1 : calls] };
}

function asRecord(step: StepRow): StepRecord {
  return {
    index: step.index,
    tool: step.tool ?? "",
    args: step.args ?? {},
    observation: step.observation ?? { ok: true, result: null },
    faults: step.faults as StepRecord["faults"],
    patch: step.patch,
    clockMs: step.clockMs,
  };
}

/**
 * The reward as if the episode ended after step `index`: the same `computeReward` the trainer
 * runs, on the steps so far and the state they left. Without the initial state only the trace
 * and penalty terms are known (`stateKnown: false`).
 */
export function rewardSoFar(
  task: Task,
  steps: readonly StepRow[],
  index: number,
  stateAfter: JsonValue | undefined,
): RewardBreakdown & { stateKnown: boolean } {
  const upTo = steps.slice(0, index + 1);
  const last = upTo.at(-1);
  const answer =
    last?.kind === "finish" &&
    last.args &&
    typeof last.args === "object" &&
    !Array.isArray(last.args)
      ? String((last.args as { answer?: unknown }).answer ?? "")
      : "";
  const breakdown = computeReward(rewardSpecOf(task), {
    finalState: stateAfter ?? null,
    steps: upTo.filter((s) => s.kind === "call").map(asRecord),
    finalAnswer: answer,
  });
  return { ...breakdown, stateKnown: stateAfter !== undefined };
}
