import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedEnvironment } from "@/lib/runtime";
import { evaluate } from "./evaluate";
import { noopPolicy, randomPolicy, referencePolicy } from "./policy/baselines";
import { BANK_TASKS, loadBank } from "./testing/bank-tasks";

let env: LoadedEnvironment;
beforeAll(async () => {
  env = await loadBank();
});
afterAll(() => env.dispose());

const base = { tasks: BANK_TASKS, trials: 3, maxSteps: 10, seed: 7 };

describe("evaluate", () => {
  it("scores the reference solution 100% clean and, retrying faults, under flaky", async () => {
    const report = await evaluate({
      ...base,
      env,
      policy: referencePolicy(BANK_TASKS),
      faultProfile: "flaky",
    });
    expect(report.clean.successRate).toBe(1);
    expect(report.clean.passHatK).toEqual({ "1": 1, "2": 1, "3": 1 });
    expect(report.faulty?.successRate).toBe(1);
    // Faults did happen, and every episode that hit one recovered.
    expect(report.faulty?.faultRecoveryRate).toBe(1);
    expect(report.clean.rewardComponents).toEqual({ trace: 1, state: 1, penalty: 0 });
  });

  it("scores doing nothing 0 on every task", async () => {
    const report = await evaluate({ ...base, env, policy: noopPolicy, faultProfile: "none" });
    expect(report.clean.successRate).toBe(0);
    expect(report.clean.meanReward).toBe(0);
    expect(report.faulty).toBeNull();
    expect(report.clean.successCounts).toEqual(BANK_TASKS.map(() => 0));
  });

  it("is deterministic for a seed and differs across seeds for a sampling policy", async () => {
    const run = (seed: number) =>
      evaluate({ ...base, seed, env, policy: randomPolicy(), faultProfile: "none" });
    const [a, b, c] = await Promise.all([run(1), run(1), run(2)]);
    expect(a).toEqual(b);
    expect(a.clean.meanReward).not.toBe(c.clean.meanReward);
  });
});
