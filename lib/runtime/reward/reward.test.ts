import { describe, expect, it } from "vitest";
import type { Observation, StepRecord } from "../types";
import { computeReward } from "./reward";

let index = 0;
function step(
  tool: string,
  args: Record<string, unknown>,
  observation: Observation,
  faults: StepRecord["faults"] = [],
): StepRecord {
  return {
    index: index++,
    tool,
    args: args as StepRecord["args"],
    observation,
    faults,
    patch: [],
    clockMs: 0,
  };
}
const ok: Observation = { ok: true, result: null };
const invalid: Observation = { ok: false, error: { code: "INVALID_ARGUMENTS", message: "bad" } };
const unavailable: Observation = {
  ok: false,
  error: { code: "SERVICE_UNAVAILABLE", message: "retry" },
};

const spec = {
  goals: [
    { path: "/accounts/a/balance", equals: 95 },
    { path: "/accounts/b/balance", equals: 5 },
  ],
  requiredCalls: [{ tool: "transfer", args: { amount: 5 } }, { tool: "get_balance" }],
};
const finalState = { accounts: { a: { balance: 95 }, b: { balance: 0 } } };

describe("computeReward", () => {
  it("combines trace and state terms with τ and reports every component", () => {
    const r = computeReward(spec, {
      finalState,
      steps: [step("transfer", { amount: 5, from: "a" }, ok)],
    });
    // trace 1/2, state 1/2 → 0.5·0.5 + 0.5·0.5
    expect(r).toMatchObject({
      trace: 0.5,
      state: 0.5,
      penalty: 0,
      score: 0.5,
      tau: 0.5,
      extraCalls: 0,
      malformedCalls: 0,
    });
    expect(r.calls).toEqual([
      { tool: "transfer", args: { amount: 5 }, matchedStep: index - 1 },
      { tool: "get_balance", args: null, matchedStep: null },
    ]);
    expect(r.goals[1]).toEqual({ path: "/accounts/b/balance", expected: 5, actual: 0, ok: false });
  });

  it("weights the terms by τ", () => {
    const r = computeReward(
      { ...spec, tau: 0.8 },
      { finalState, steps: [step("transfer", { amount: 5 }, ok)] },
    );
    expect(r.score).toBeCloseTo(0.8 * 0.5 + 0.2 * 0.5);
  });

  it("counts a required call only when it succeeded with matching arguments", () => {
    const steps = [
      step("transfer", { amount: 6 }, ok),
      step(
        "transfer",
        { amount: 5 },
        { ok: false, error: { code: "INSUFFICIENT_FUNDS", message: "" } },
      ),
      step("get_balance", {}, ok),
    ];
    expect(computeReward(spec, { finalState, steps }).trace).toBe(0.5);
  });

  it("penalizes malformed calls and calls beyond the allowance, not injected failures", () => {
    const steps = [
      step("transfer", { amount: 5 }, ok),
      step("get_balance", {}, ok),
      step("transfer", {}, invalid),
      step("get_balance", {}, unavailable, [{ kind: "service_unavailable" }]),
      step("list", {}, ok),
      step("list", {}, ok),
      step("list", {}, ok),
    ];
    const r = computeReward(spec, { finalState, steps });
    // 1 malformed (0.1) + 3 extra reads − allowance 2 = 1 extra (0.05)
    expect(r).toMatchObject({ malformedCalls: 1, extraCalls: 1, trace: 1, state: 0.5 });
    expect(r.penalty).toBeCloseTo(0.15);
    expect(r.score).toBeCloseTo(0.5 + 0.25 - 0.15);
  });

  it("counts required outputs in the state term and never goes below zero", () => {
    const r = computeReward(
      { requiredOutputs: ["95", "Bob"], penalties: { malformedCall: 1 } },
      { finalState, steps: [step("x", {}, invalid)], finalAnswer: "Balance is 95" },
    );
    expect(r.outputs).toEqual([
      { value: "95", found: true },
      { value: "Bob", found: false },
    ]);
    expect(r.state).toBe(0.5);
    expect(r.trace).toBe(0.5); // no required calls: the trace term takes the state term's value
    expect(r.score).toBe(0);
  });

  it("gives a no-op episode zero when the goal is not met yet", () => {
    expect(computeReward(spec, { finalState, steps: [] }).score).toBe(0.25);
    expect(computeReward({ goals: [spec.goals[1]] }, { finalState, steps: [] }).score).toBe(0);
  });
});
