import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDir } from "../examples/index";
import { loadEnvironment, type LoadedEnvironment } from "../session/environment";
import { createSession } from "../session/inline-session";
import { singleToolSource } from "../testing";
import { createWorkerPool, type WorkerPool } from "./worker-pool";

const here = path.dirname(fileURLToPath(import.meta.url));
let bank: LoadedEnvironment;
let counter: LoadedEnvironment;
let pool: WorkerPool;

beforeAll(async () => {
  bank = await loadEnvironment({ dir: exampleDir("bank") });
  counter = await loadEnvironment({
    source: singleToolSource(
      `if (args.loop) { for (;;) {} } state.n = (state.n ?? 0) + 1; return state.n;`,
    ),
  });
  pool = createWorkerPool({ threads: 2 });
});
afterAll(async () => {
  await pool.close();
  bank.dispose();
  counter.dispose();
});

const actions = [
  { tool: "open_account", args: { owner: "Ivy" } },
  {
    tool: "transfer",
    args: { from_account_id: "acc_alice", to_account_id: "acc_bob", amount: 125 },
  },
  { tool: "withdraw", args: { account_id: "acc_bob", amount: 10_000_000 } },
  { tool: "get_balance", args: { account_id: "acc_bob" } },
];

describe("worker pool", () => {
  it("gives the same trajectory as an inline session", async () => {
    const pooled = await pool.createSession(bank, { seed: 11, faults: "hostile" });
    const inline = await createSession(bank, { seed: 11, faults: "hostile" });
    await pooled.stepBatch(actions);
    await inline.stepBatch(actions);
    expect(JSON.stringify(pooled.steps)).toBe(JSON.stringify(inline.steps));
    expect(pooled.state()).toEqual(inline.state());
    await pooled.close();
  });

  it("keeps answering healthy sessions while another thread runs a hostile call", async () => {
    const hostile = await pool.createSession(counter);
    const healthy = await pool.createSession(bank);
    const [timedOut, answers] = await Promise.all([
      hostile.step("run", { loop: true }),
      Promise.all(
        Array.from({ length: 20 }, () => healthy.step("get_balance", { account_id: "acc_alice" })),
      ),
    ]);
    expect(timedOut.observation).toMatchObject({ ok: false, error: { code: "ENV_TIMEOUT" } });
    expect(
      answers.every(
        (a) => a.observation.ok && (a.observation.result as { balance: number }).balance === 10_000,
      ),
    ).toBe(true);
    expect((await hostile.step("run", {})).observation).toEqual({ ok: true, result: 1 });
  });
});

describe("worker pool watchdog", () => {
  it("tells the caller when the worker entry is missing", () => {
    expect(() => createWorkerPool({ workerEntry: "/nowhere/worker.mjs" })).toThrow(
      /No sandbox worker entry at \/nowhere\/worker.mjs/,
    );
  });

  it("stops respawning workers that die before answering", async () => {
    const dead = createWorkerPool({
      threads: 1,
      workerEntry: path.join(here, "__fixtures__/dead-worker.mjs"),
    });
    try {
      const messages: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const error = await dead
          .createSession(counter)
          .catch((e: { code: string; message: string }) => e);
        expect(error).toMatchObject({ code: "ENV_LOAD_FAILED" });
        messages.push((error as { message: string }).message);
      }
      expect(messages.at(-1)).toContain("keep dying before they answer");
    } finally {
      await dead.close();
    }
  });

  it("restarts a worker that hangs or dies outside QuickJS and resumes its sessions", async () => {
    const watched = createWorkerPool({
      threads: 1,
      watchdogGraceMs: 300,
      workerEntry: path.join(here, "__fixtures__/misbehaving-worker.mjs"),
    });
    try {
      const session = await watched.createSession(counter);
      expect((await session.step("run", {})).observation).toEqual({ ok: true, result: 1 });
      const started = performance.now();
      const hung = await session.step("run", { spin: true });
      expect(hung.observation).toMatchObject({ ok: false, error: { code: "ENV_TIMEOUT" } });
      // Answered by the watchdog (deadline 50 ms + grace 300 ms), not left hanging.
      expect(performance.now() - started).toBeLessThan(5000);
      // The replacement worker reloads the environment and this session's state.
      expect((await session.step("run", {})).observation).toEqual({ ok: true, result: 2 });
      const died = await session.step("run", { exit: true });
      expect(died.observation).toMatchObject({ ok: false, error: { code: "ENV_CRASHED" } });
      expect((await session.step("run", {})).observation).toEqual({ ok: true, result: 3 });
    } finally {
      await watched.close();
    }
  });
});
