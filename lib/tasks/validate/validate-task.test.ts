import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue, LoadedEnvironment } from "@/lib/runtime";
import type { Task } from "../task";
import { exampleEnvironment } from "../test-support";
import { runNoop, runReference, scoreEpisode } from "./episodes";
import { validateTask } from "./validate-task";

let env: LoadedEnvironment;
beforeAll(async () => {
  ({ env } = await exampleEnvironment("bank"));
});
afterAll(() => env.dispose());

/** A hand-written bank task: deposit 500 cents into Bob's account (2 500 → 3 000). */
function depositTask(overrides: Partial<Task> = {}): Task {
  return {
    id: "bank-hand-deposit",
    instruction: "Deposit 500 cents into account acc_bob.",
    difficulty: "easy",
    tags: ["write"],
    split: "train",
    seed: 0,
    solution: [{ tool: "deposit", args: { account_id: "acc_bob", amount: 500 } }],
    checker: {
      goals: [{ path: "/accounts/acc_bob/balance", equals: 3000 }],
      requiredCalls: [{ tool: "deposit", args: { account_id: "acc_bob", amount: 500 } }],
      requiredOutputs: [],
      tau: 0.5,
    },
    provenance: {
      generator: "hand",
      envName: "bank",
      envVersion: "1.0.0",
      chain: ["deposit"],
      seed: 0,
    },
    ...overrides,
  };
}

describe("validateTask", () => {
  it("accepts a sound task", async () => {
    expect(await validateTask(env, depositTask())).toEqual({ ok: true });
  });

  it("rejects a task whose goal the seed state already satisfies (free reward)", async () => {
    const trivial = depositTask({
      checker: {
        ...depositTask().checker,
        goals: [{ path: "/accounts/acc_bob/balance", equals: 2500 }],
      },
    });
    const result = await validateTask(env, trivial);
    expect(result).toMatchObject({ ok: false, code: "NOOP_SCORES" });
    if (!result.ok) expect(result.reason).toMatch(/doing nothing scores > 0/);
  });

  it("rejects a task whose custom initial state already holds the goal", async () => {
    const state = (await runNoop(env, depositTask())).finalState as {
      accounts: Record<string, { balance: number }>;
    };
    const seeded: JsonValue = structuredClone(state) as JsonValue;
    (seeded as typeof state).accounts.acc_bob.balance = 3000;
    const result = await validateTask(
      env,
      depositTask({
        initialState: seeded,
        checker: { ...depositTask().checker, requiredCalls: [] },
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "NOOP_SCORES" });
  });

  it("rejects a task whose reference solution does not reach the goal", async () => {
    const wrong = depositTask({
      solution: [{ tool: "deposit", args: { account_id: "acc_alice", amount: 500 } }],
    });
    const result = await validateTask(env, wrong);
    expect(result).toMatchObject({ ok: false, code: "REFERENCE_FAILS" });
    if (!result.ok)
      expect(result.reason).toMatch(/goal \/accounts\/acc_bob\/balance is 2500, expected 3000/);
  });

  it("rejects a checker that checks nothing", async () => {
    const empty = depositTask({
      checker: { goals: [], requiredCalls: [], requiredOutputs: [], tau: 0.5 },
    });
    expect(await validateTask(env, empty)).toMatchObject({ ok: false, code: "CHECKS_NOTHING" });
  });

  it("rejects an instruction that hides a value the checker requires", async () => {
    const vague = depositTask({ instruction: "Deposit some money into Bob's account." });
    const result = await validateTask(env, vague);
    expect(result).toMatchObject({ ok: false, code: "VALUE_NOT_IN_INSTRUCTION" });
  });

  it("rejects an instruction that already contains the answer it asks for", async () => {
    const leaky = depositTask({
      instruction: "Deposit 500 cents into account acc_bob; the new balance will be 3000.",
      checker: { ...depositTask().checker, requiredOutputs: ["3000"] },
    });
    expect(await validateTask(env, leaky)).toMatchObject({
      ok: false,
      code: "OUTPUT_IN_INSTRUCTION",
    });
  });

  it("rejects what is not a task, naming the bad fields", async () => {
    const result = await validateTask(env, {
      ...depositTask(),
      difficulty: "extreme",
      checker: undefined,
    });
    expect(result).toMatchObject({ ok: false, code: "TASK_INVALID" });
    if (!result.ok) expect(result.reason).toMatch(/difficulty/);
  });
});

describe("episode helpers", () => {
  it("score the reference 1 and the no-op 0, with every reward component", async () => {
    const task = depositTask();
    const reference = await runReference(env, task);
    expect(reference.breakdown).toMatchObject({ score: 1, trace: 1, state: 1, penalty: 0 });
    expect(reference.steps).toHaveLength(1);
    const noop = await runNoop(env, task);
    expect(noop.breakdown).toMatchObject({ score: 0, trace: 0, state: 0 });
    expect(noop.breakdown.goals[0]).toMatchObject({
      path: "/accounts/acc_bob/balance",
      actual: 2500,
      ok: false,
    });
  });

  it("scoreEpisode checks required outputs in the final answer", async () => {
    const task = depositTask({ checker: { ...depositTask().checker, requiredOutputs: ["3000"] } });
    const { steps, finalState } = await runReference(env, task);
    expect(scoreEpisode(task, { steps, finalState, finalAnswer: "Done." }).score).toBeLessThan(1);
    expect(
      scoreEpisode(task, { steps, finalState, finalAnswer: "Done, the balance is 3000." }).score,
    ).toBe(1);
  });
});
