import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDir } from "../examples/index";
import { reconstructState } from "../state/json-patch";
import { singleToolSource } from "../testing";
import { loadEnvironment, type LoadedEnvironment } from "./environment";
import { createSession } from "./inline-session";

let bank: LoadedEnvironment;
let random: LoadedEnvironment;

beforeAll(async () => {
  bank = await loadEnvironment({ dir: exampleDir("bank") });
  random = await loadEnvironment({
    source: singleToolSource(
      `state.draws = [ctx.random(), Math.random(), ctx.randomInt(1, 6), ctx.id("x"), Date.now(), new Date().toISOString(), ctx.pick(["a", "b", "c"])];
       return state.draws;`,
    ),
  });
});
afterAll(() => {
  bank.dispose();
  random.dispose();
});

const script = [
  ["open_account", { owner: "Eve" }],
  ["deposit", { account_id: "acc_alice", amount: 300 }],
  ["transfer", { from_account_id: "acc_alice", to_account_id: "acc_bob", amount: 50_000 }],
  ["transfer", { from_account_id: "acc_alice", to_account_id: "acc_bob", amount: 700 }],
  ["withdraw", { account_id: "acc_bob", amount: "lots" }],
  ["list_transactions", { account_id: "acc_alice" }],
] as const;

async function runScript(
  env: LoadedEnvironment,
  seed: number,
  faults: "none" | "hostile" = "none",
) {
  const session = await createSession(env, { seed, faults });
  for (const [tool, args] of script) session.stepSync(tool, args);
  const out = JSON.stringify({ steps: session.steps, state: session.state() });
  await session.close();
  return out;
}

describe("determinism", () => {
  it("gives byte-identical trajectories for the same seed and actions, faults included", async () => {
    expect(await runScript(bank, 7)).toBe(await runScript(bank, 7));
    expect(await runScript(bank, 7, "hostile")).toBe(await runScript(bank, 7, "hostile"));
  });

  it("draws different random values for different seeds, and the same across sessions", async () => {
    const draws = async (seed: number) => {
      const session = await createSession(random, { seed });
      return [session.stepSync("run", {}).observation, session.stepSync("run", {}).observation];
    };
    const [a, b, c] = [await draws(1), await draws(1), await draws(2)];
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
    // Two calls in one episode draw different values; Date sees the virtual clock.
    expect(a[0]).not.toEqual(a[1]);
    const first = (a[0] as { ok: true; result: unknown[] }).result;
    expect(first[4]).toBe(Date.UTC(2025, 0, 1) + 1000);
    expect(first[5]).toBe("2025-01-01T00:00:01.000Z");
  });

  it("restarts module-level variables with each episode", async () => {
    const env = await loadEnvironment({
      source: singleToolSource("return ++counter;", { prelude: "let counter = 0;" }),
    });
    const session = await createSession(env);
    expect([
      session.stepSync("run", {}).observation,
      session.stepSync("run", {}).observation,
    ]).toEqual([
      { ok: true, result: 1 },
      { ok: true, result: 2 },
    ]);
    session.resetSync();
    expect(session.stepSync("run", {}).observation).toEqual({ ok: true, result: 1 });
    env.dispose();
  });
});

describe("steps", () => {
  it("records patches from which every state can be rebuilt", async () => {
    const session = await createSession(bank, { seed: 3 });
    const states = [session.state()];
    for (const [tool, args] of script) {
      session.stepSync(tool, args);
      states.push(session.state());
    }
    const patches = session.steps.map((s) => s.patch);
    states.forEach((state, i) =>
      expect(reconstructState(session.initialState, patches, i)).toEqual(state),
    );
  });

  it("rejects bad arguments and unknown tools before the sandbox, with details", async () => {
    const session = await createSession(bank);
    const bad = session.stepSync("withdraw", { account_id: "acc_bob", amount: -5, note: "x" });
    expect(bad.observation).toMatchObject({ ok: false, error: { code: "INVALID_ARGUMENTS" } });
    expect(JSON.stringify(bad.observation)).toMatch(
      /args\/amount must be >= 1|must NOT have additional properties/,
    );
    expect(session.stepSync("withdraw", { amount: 5 }).observation).toMatchObject({
      error: { code: "INVALID_ARGUMENTS", message: expect.stringContaining("account_id") },
    });
    expect(session.stepSync("rob_bank", {}).observation).toMatchObject({
      error: { code: "UNKNOWN_TOOL" },
    });
    expect(
      session.stepSync("withdraw", { account_id: "acc_bob", amount: 5 }).observation,
    ).toMatchObject({ ok: true });
  });

  it("reports tool errors with their code and leaves the state as it was", async () => {
    const store = await loadEnvironment({ dir: exampleDir("store") });
    const session = await createSession(store);
    const before = session.state();
    const step = session.stepSync("place_order", {
      customer: "kim",
      lines: [
        { sku: "MUG-1", quantity: 1 },
        { sku: "CAP-1", quantity: 1 },
      ],
    });
    expect(step.observation).toEqual({
      ok: false,
      error: {
        code: "OUT_OF_STOCK",
        message: "Only 0 of CAP-1 in stock",
        details: { sku: "CAP-1", available: 0 },
      },
    });
    expect(step.patch).toEqual([]);
    expect(session.state()).toEqual(before);
    store.dispose();
  });

  it("rejects results and states that break the declared schemas", async () => {
    const env = await loadEnvironment({
      source: `import { defineEnvironment, s } from "@envfactory/sdk";
export default defineEnvironment({
  name: "liar", version: "1", description: "", state: s.object({ n: s.integer({ minimum: 0 }) }), initialState: { n: 1 },
  tools: {
    lie: { description: "", input: s.object({}), output: s.object({ n: s.integer() }), run(state): any { state.n = 5; return { n: "five" }; } },
    corrupt: { description: "", input: s.object({}), output: s.object({}), run(state) { state.n = -1; return {}; } },
  },
});`,
    });
    const session = await createSession(env);
    expect(session.stepSync("lie", {}).observation).toMatchObject({
      ok: false,
      error: { code: "ENV_INVALID_OUTPUT" },
    });
    expect(session.stepSync("corrupt", {}).observation).toMatchObject({
      ok: false,
      error: { code: "ENV_INVALID_STATE" },
    });
    expect(session.state()).toEqual({ n: 1 });
    env.dispose();
  });

  it("resets an episode in under 5 ms", async () => {
    const session = await createSession(bank);
    session.stepSync("deposit", { account_id: "acc_bob", amount: 1 });
    session.resetSync();
    const started = performance.now();
    for (let i = 0; i < 50; i++) session.resetSync({ seed: i });
    expect((performance.now() - started) / 50).toBeLessThan(5);
    expect(session.steps).toEqual([]);
    expect(session.state()).toEqual(session.initialState);
  });

  it("starts from a caller-provided state", async () => {
    const session = await createSession(bank, {
      initialState: {
        accounts: { z: { id: "z", owner: "Zoe", balance: 1, frozen: false } },
        transactions: [],
      },
    });
    expect(session.stepSync("get_balance", { account_id: "z" }).observation).toEqual({
      ok: true,
      result: { account_id: "z", balance: 1 },
    });
    await expect(createSession(bank, { initialState: { accounts: 5 } })).rejects.toMatchObject({
      code: "ENV_RESET_FAILED",
    });
  });
});
