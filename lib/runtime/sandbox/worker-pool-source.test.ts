import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDir } from "../examples/index";
import { loadPackage, type EnvironmentPackage } from "../package/package";
import { runSelfTests } from "../package/self-tests";
import { loadEnvironment } from "../session/environment";
import { createSession } from "../session/inline-session";
import { singleToolSource } from "../testing";
import { createWorkerPool, type WorkerPool } from "./worker-pool";

const here = path.dirname(fileURLToPath(import.meta.url));
let bank: EnvironmentPackage;
let pool: WorkerPool;

const COUNTER = singleToolSource(
  `if (args.loop) { for (;;) {} } state.n = (state.n ?? 0) + 1; return state.n;`,
);
const TOP_LEVEL_LOOP = singleToolSource("return 1;", { prelude: "while (true) {}" });

const actions = [
  { tool: "open_account", args: { owner: "Ivy" } },
  {
    tool: "transfer",
    args: { from_account_id: "acc_alice", to_account_id: "acc_bob", amount: 125 },
  },
  { tool: "withdraw", args: { account_id: "acc_bob", amount: 10_000_000 } },
  { tool: "get_balance", args: { account_id: "acc_bob" } },
];

beforeAll(async () => {
  bank = await loadPackage(exampleDir("bank"));
  pool = createWorkerPool({ threads: 2 });
});
afterAll(async () => {
  await pool.close();
});

/** The pool still loads, tests and runs a healthy environment. */
async function expectHealthy(target: WorkerPool) {
  const check = await target.inspect(bank.source, { tests: bank.tests?.tests });
  expect(check.ok).toBe(true);
  expect(check.selfTests?.every((t) => t.passed)).toBe(true);
  const session = await target.openSession({ source: bank.source });
  const step = await session.step("get_balance", { account_id: "acc_alice" });
  expect(step.observation).toMatchObject({ ok: true, result: { balance: 10_000 } });
  await session.close();
}

describe("pool.inspect", () => {
  it("derives the manifest and runs self-tests in a worker, as loading in-thread does", async () => {
    const check = await pool.inspect(bank.source, { tests: bank.tests?.tests });
    const env = await loadEnvironment({ source: bank.source });
    try {
      expect(check).toMatchObject({ ok: true, diagnostics: [] });
      expect(check.manifest).toEqual(env.manifest);
      expect(check.selfTests).toEqual(await runSelfTests(env, bank.tests!.tests));
      expect(check.selfTests!.length).toBeGreaterThan(0);
    } finally {
      env.dispose();
    }
  });

  it("reports compile errors and invalid environments without throwing", async () => {
    const broken = await pool.inspect("export default defineEnvironment({");
    expect(broken).toMatchObject({ ok: false, error: { code: "COMPILE_FAILED" } });
    expect(broken.diagnostics.length).toBeGreaterThan(0);
    const threw = await pool.inspect(
      singleToolSource("return 1;", { prelude: "throw new Error('boom');" }),
    );
    expect(threw).toMatchObject({
      ok: false,
      error: { code: "ENV_LOAD_FAILED", message: expect.stringContaining("boom") },
    });
    expect(threw.diagnostics[0]).toMatchObject({ line: 1, column: 1, code: "ENV_LOAD_FAILED" });
    const invalid = await pool.inspect(
      `import { defineEnvironment } from "@envfactory/sdk";\nexport default defineEnvironment({ name: 3 } as any);`,
    );
    expect(invalid.ok).toBe(false);
  });

  it("answers ENV_TIMEOUT for a module whose top level never finishes, and keeps serving", async () => {
    const started = performance.now();
    const check = await pool.inspect(TOP_LEVEL_LOOP);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(check).toMatchObject({ ok: false, error: { code: "ENV_TIMEOUT" } });
    expect(check.diagnostics[0].message).toContain("top-level code ran longer than 50 ms");
    await expectHealthy(pool);
  });

  it("reports a self-test call that never finishes as a failed test with ENV_TIMEOUT", async () => {
    const started = performance.now();
    const check = await pool.inspect(COUNTER, {
      tests: [
        { name: "loops", calls: [{ tool: "run", args: { loop: true }, expect: { ok: true } }] },
        { name: "counts", calls: [{ tool: "run", args: {}, expect: { ok: true, result: 1 } }] },
      ],
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(check.ok).toBe(true);
    expect(check.selfTests?.[0]).toMatchObject({ name: "loops", passed: false });
    expect(check.selfTests?.[0].failures[0]).toContain("ENV_TIMEOUT");
    expect(check.selfTests?.[1]).toMatchObject({ name: "counts", passed: true });
    await expectHealthy(pool);
  });
});

describe("pool.openSession and pool.runEpisode", () => {
  it("give the same trajectory as an inline session", async () => {
    const env = await loadEnvironment({ source: bank.source });
    try {
      const inline = await createSession(env, { seed: 11, faults: "hostile" });
      await inline.stepBatch(actions);
      const pooled = await pool.openSession(
        { source: bank.source },
        { seed: 11, faults: "hostile" },
      );
      await pooled.stepBatch(actions);
      expect(JSON.stringify(pooled.steps)).toBe(JSON.stringify(inline.steps));
      expect(pooled.state()).toEqual(inline.state());
      expect(pooled.env.manifest).toEqual(env.manifest);
      await pooled.close();

      const episode = await pool.runEpisode(bank.source, { seed: 11, faults: "hostile", actions });
      expect(JSON.stringify(episode.steps)).toBe(JSON.stringify(inline.steps));
      expect(episode.finalState).toEqual(inline.state());
      expect(episode.initialState).toEqual(inline.initialState);
    } finally {
      env.dispose();
    }
  });

  it("starts from an initial state override and keeps sessions apart after others close", async () => {
    const a = await pool.openSession({ source: COUNTER });
    const b = await pool.openSession({ source: COUNTER }, { initialState: { n: 10 } });
    expect((await a.step("run", {})).observation).toEqual({ ok: true, result: 1 });
    expect((await b.step("run", {})).observation).toEqual({ ok: true, result: 11 });
    await a.close();
    expect((await b.step("run", {})).observation).toEqual({ ok: true, result: 12 });
    await b.close();
    // Every session closed: the worker freed the sandbox; a new session loads it again.
    const episode = await pool.runEpisode(COUNTER, {
      actions: [
        { tool: "run", args: {} },
        { tool: "run", args: { loop: true } },
        { tool: "run", args: {} },
      ],
    });
    expect(episode.initialState).toEqual({});
    expect(episode.steps.map((s) => s.observation)).toMatchObject([
      { ok: true, result: 1 },
      { ok: false, error: { code: "ENV_TIMEOUT" } },
      { ok: true, result: 2 },
    ]);
    expect(episode.finalState).toEqual({ n: 2 });
  });

  it("refuses code that does not load, with the reason", async () => {
    await expect(pool.openSession({ source: TOP_LEVEL_LOOP })).rejects.toMatchObject({
      code: "ENV_LOAD_FAILED",
      message: expect.stringContaining("top-level code ran longer"),
    });
    await expect(pool.runEpisode("export default 1 +", { actions: [] })).rejects.toMatchObject({
      code: "COMPILE_FAILED",
    });
    await expect(
      pool.openSession({ source: singleToolSource("return 1;", { initialState: "7 as any" }) }),
    ).rejects.toMatchObject({ code: "ENV_RESET_FAILED" });
  });
});

describe("pool watchdog for source operations", () => {
  it("restarts a worker that hangs outside QuickJS while inspecting or loading", async () => {
    const watched = createWorkerPool({
      threads: 1,
      watchdogGraceMs: 300,
      workerEntry: path.join(here, "__fixtures__/misbehaving-worker.mjs"),
    });
    try {
      const spinning = singleToolSource(`return "__ENVF_SPIN__";`);
      const started = performance.now();
      const check = await watched.inspect(spinning);
      expect(check).toMatchObject({ ok: false, error: { code: "ENV_TIMEOUT" } });
      expect(check.diagnostics[0].message).toContain("worker was restarted");
      expect(performance.now() - started).toBeLessThan(10_000);
      // The replacement worker serves everyone else.
      await expectHealthy(watched);
      await expect(watched.openSession({ source: spinning })).rejects.toMatchObject({
        code: "ENV_TIMEOUT",
      });
      await expectHealthy(watched);
    } finally {
      await watched.close();
    }
  }, 60_000);
});
