import { z } from "zod";
import { jsonEqual, partialDeepMatch } from "../state/json-equal";
import { getAtPointer } from "../state/json-pointer";
import type { FaultKind, JsonValue, StepRecord } from "../types";
import { RuntimeErrorCode } from "../types";

const json: z.ZodType<JsonValue> = z.json();

export const rewardSpecSchema = z.object({
  /** State term: JSON pointers that must hold these values in the final state. */
  goals: z.array(z.object({ path: z.string(), equals: json })).default([]),
  /** Trace term: calls that must have been made successfully (`args` is a subset to match). */
  requiredCalls: z.array(z.object({ tool: z.string(), args: json.optional() })).default([]),
  /** Values that must appear in the agent's final answer (counted with the state term). */
  requiredOutputs: z.array(z.string()).default([]),
  /** Weight of the trace term (τ). */
  tau: z.number().min(0).max(1).default(0.5),
  penalties: z
    .object({
      extraCall: z.number().min(0).default(0.05),
      malformedCall: z.number().min(0).default(0.1),
      /** Calls allowed beyond the required ones before `extraCall` applies (reads, checks). */
      extraCallAllowance: z.number().int().min(0).default(2),
    })
    .prefault({}),
});
export type RewardSpec = z.input<typeof rewardSpecSchema>;

export interface RewardBreakdown {
  /** max(0, tau·trace + (1−tau)·state − penalty), in [0, 1]. */
  score: number;
  tau: number;
  /** Share of required calls made, in [0, 1]. */
  trace: number;
  /** Share of goal paths and required outputs satisfied, in [0, 1]. */
  state: number;
  penalty: number;
  goals: { path: string; expected: JsonValue; actual: JsonValue | null; ok: boolean }[];
  calls: { tool: string; args: JsonValue | null; matchedStep: number | null }[];
  outputs: { value: string; found: boolean }[];
  extraCalls: number;
  malformedCalls: number;
}

export interface EpisodeOutcome {
  finalState: JsonValue;
  steps: readonly StepRecord[];
  /** The agent's final message, searched for `requiredOutputs`. */
  finalAnswer?: string;
}

const MALFORMED = new Set<string>([
  RuntimeErrorCode.INVALID_ARGUMENTS,
  RuntimeErrorCode.UNKNOWN_TOOL,
]);
const BLOCKING = new Set<FaultKind>(["service_unavailable", "timeout", "rate_limit"]);
const BROKEN_RESPONSE = new Set<FaultKind>(["malformed_response", "truncated_response"]);

/** The tool ran without error, even if fault injection then broke the response. */
function toolSucceeded(step: StepRecord): boolean {
  return step.observation.ok || step.faults.some((f) => BROKEN_RESPONSE.has(f.kind));
}

/** Scores an episode and reports every component (never a lone number). */
export function computeReward(specInput: RewardSpec, outcome: EpisodeOutcome): RewardBreakdown {
  const spec = rewardSpecSchema.parse(specInput);
  const goals = spec.goals.map(({ path, equals }) => {
    const actual = getAtPointer(outcome.finalState, path);
    return { path, expected: equals, actual: actual ?? null, ok: jsonEqual(actual, equals) };
  });
  const answer = outcome.finalAnswer ?? "";
  const outputs = spec.requiredOutputs.map((value) => ({ value, found: answer.includes(value) }));

  // Calls stopped by an injected fault never reached the tool: they neither count nor cost.
  const agentSteps = outcome.steps.filter((step) => !step.faults.some((f) => BLOCKING.has(f.kind)));
  const used = new Set<number>();
  const calls = spec.requiredCalls.map(({ tool, args }) => {
    const match = agentSteps.find(
      (step) =>
        !used.has(step.index) &&
        step.tool === tool &&
        toolSucceeded(step) &&
        (args === undefined || partialDeepMatch(step.args, args)),
    );
    if (match) used.add(match.index);
    return { tool, args: args ?? null, matchedStep: match ? match.index : null };
  });
  const malformedCalls = agentSteps.filter(
    (step) => !step.observation.ok && MALFORMED.has(step.observation.error.code),
  ).length;
  const wellFormed = agentSteps.length - malformedCalls;
  const extraCalls = Math.max(0, wellFormed - used.size - spec.penalties.extraCallAllowance);

  const checks = [...goals.map((g) => g.ok), ...outputs.map((o) => o.found)];
  const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;
  let trace = calls.length ? share(calls.map((c) => c.matchedStep !== null)) : NaN;
  let state = checks.length ? share(checks) : NaN;
  if (Number.isNaN(trace)) trace = Number.isNaN(state) ? 0 : state;
  if (Number.isNaN(state)) state = trace;

  const penalty =
    extraCalls * spec.penalties.extraCall + malformedCalls * spec.penalties.malformedCall;
  const score = Math.min(1, Math.max(0, spec.tau * trace + (1 - spec.tau) * state - penalty));
  return {
    score,
    tau: spec.tau,
    trace,
    state,
    penalty,
    goals,
    calls,
    outputs,
    extraCalls,
    malformedCalls,
  };
}
