/**
 * Runtime benchmark: tool calls through the sandbox vs the same code run directly in Node,
 * call latency, episode reset, and throughput with 1 and 2 threads. Updates the `## Runtime`
 * section of BENCHMARKS.md.   Run: npm run bench:runtime
 */
import { writeSection } from "./report";
import os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import {
  createSession,
  createWorkerPool,
  DEFAULT_LIMITS,
  exampleDir,
  loadEnvironment,
  type LoadedEnvironment,
} from "../lib/runtime/index";
import type { EnvironmentDefinition } from "../lib/runtime/sdk/index";

/** The "small stateful tool": a named counter. */
const COUNTER_SOURCE = `import { defineEnvironment, s } from "@envfactory/sdk";
export default defineEnvironment({
  name: "counter", version: "1.0.0", description: "Named counters.",
  state: s.object({ counters: s.record(s.integer()) }),
  initialState: { counters: { a: 0, b: 0 } },
  tools: {
    add: {
      description: "Add to a counter.",
      input: s.object({ name: s.string(), by: s.integer() }),
      output: s.object({ value: s.integer() }),
      run(state, args) {
        state.counters[args.name] = (state.counters[args.name] ?? 0) + args.by;
        return { value: state.counters[args.name] };
      },
    },
  },
});`;

const EPISODE = 100;
const ADD = { name: "a", by: 1 };

type Rate = { perSecond: number; perCpuSecond: number };

/**
 * Wall-clock and CPU time of a run. Calls per CPU-second is what one core sustains, and stays
 * meaningful when the machine is shared (wall-clock rates then fall with the load).
 */
function clock(): (calls: number) => Rate {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (calls) => {
    const used = process.cpuUsage(cpu);
    return {
      perSecond: calls / ((performance.now() - wall) / 1000),
      perCpuSecond: calls / ((used.user + used.system) / 1e6),
    };
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Inline session calls (the training fast path): rates and per-call latency. */
async function inlineCalls(env: LoadedEnvironment, tool: string, args: unknown, calls: number) {
  const session = await createSession(env);
  const latencies: number[] = [];
  const done = clock();
  for (let i = 0; i < calls; i++) {
    if (i % EPISODE === 0) session.resetSync();
    const t = performance.now();
    session.stepSync(tool, args);
    latencies.push(performance.now() - t);
  }
  const rate = done(calls);
  await session.close();
  latencies.sort((a, b) => a - b);
  return { ...rate, p50: quantile(latencies, 0.5) * 1000, p99: quantile(latencies, 0.99) * 1000 };
}

/** The sandbox layer alone: QuickJS backend calls without the session's bookkeeping. */
function backendCalls(env: LoadedEnvironment, calls: number): Rate {
  const backend = env.backend;
  const done = clock();
  for (let i = 0; i < calls; i++) {
    if (i % EPISODE === 0) backend.reset("bench", 1, 0, null);
    backend.call("bench", "add", '{"name":"a","by":1}', 0, i);
  }
  return done(calls);
}

/**
 * The same compiled environment code called directly by V8. Only our own counter code is ever
 * evaluated in the host like this, and only here, to measure what the sandbox costs.
 */
function directCalls(env: LoadedEnvironment, calls: number): Rate {
  const definition = new Function(`${env.code}\n;return __envModule;`)()
    .default as EnvironmentDefinition;
  const initial = JSON.stringify(definition.initialState);
  const ctx = {
    seed: 1,
    step: 0,
    random: Math.random,
    randomInt: () => 0,
    pick: <T>(xs: readonly T[]) => xs[0],
    now: () => 0,
    nowIso: () => "",
    id: () => "id",
  };
  let state: unknown = null;
  const done = clock();
  for (let i = 0; i < calls; i++) {
    if (i % EPISODE === 0) state = JSON.parse(initial);
    definition.tools.add.run(state, ADD, ctx);
  }
  return done(calls);
}

async function resets(env: LoadedEnvironment, count: number) {
  const session = await createSession(env);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    session.stepSync("deposit", { account_id: "acc_bob", amount: 1 });
    const t = performance.now();
    session.resetSync({ seed: i });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / count, p99: quantile(times, 0.99) };
}

/** Sessions in a worker pool: `perThread` concurrent sessions per thread, each stepping in turn. */
async function poolCalls(
  env: LoadedEnvironment,
  threads: number,
  perThread: number,
  callsEach: number,
): Promise<Rate> {
  const pool = createWorkerPool({ threads });
  const sessions = await Promise.all(
    Array.from({ length: threads * perThread }, () => pool.createSession(env)),
  );
  await Promise.all(sessions.map((s) => s.step("add", ADD)));
  const done = clock();
  await Promise.all(
    sessions.map(async (session) => {
      for (let i = 0; i < callsEach; i++) await session.step("add", ADD);
    }),
  );
  const rate = done(sessions.length * callsEach);
  await pool.close();
  return rate;
}

/** The training layout: each thread runs its own inline sessions (see lib/runtime/README.md). */
async function inlineThreads(threads: number, callsEach: number): Promise<Rate> {
  const workers = Array.from(
    { length: threads },
    // Worker threads do not inherit tsx's loader hooks: register tsx in each one, then load this file.
    () =>
      new Worker(
        `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
        { eval: true, workerData: { calls: callsEach } },
      ),
  );
  const reply = (w: Worker) => new Promise((resolve) => w.once("message", resolve));
  // Each thread says when it is warm; only the calls after "go" are timed.
  await Promise.all(workers.map(reply));
  const done = clock();
  workers.forEach((w) => w.postMessage("go"));
  await Promise.all(workers.map(reply));
  const rate = done(threads * callsEach);
  await Promise.all(workers.map((w) => w.terminate()));
  return rate;
}

async function threadMain() {
  const env = await loadEnvironment({ source: COUNTER_SOURCE });
  const session = await createSession(env);
  for (let i = 0; i < 2000; i++) session.stepSync("add", ADD); // warm-up (WebAssembly tier-up)
  parentPort!.postMessage("ready");
  await new Promise((resolve) => parentPort!.once("message", resolve));
  const { calls } = workerData as { calls: number };
  for (let i = 0; i < calls; i++) {
    if (i % EPISODE === 0) session.resetSync();
    session.stepSync("add", ADD);
  }
  parentPort!.postMessage("done");
}

const k = (n: number) => `${Math.round(n).toLocaleString("en-US")}`;

async function main() {
  const counter = await loadEnvironment({ source: COUNTER_SOURCE });
  const bank = await loadEnvironment({ dir: exampleDir("bank") });
  await inlineCalls(counter, "add", ADD, 5000); // warm-up (WebAssembly tier-up)

  const add = await inlineCalls(counter, "add", ADD, 50_000);
  const sandboxOnly = backendCalls(counter, 50_000);
  const direct = directCalls(counter, 200_000);
  const balance = await inlineCalls(bank, "get_balance", { account_id: "acc_bob" }, 20_000);
  const deposit = await inlineCalls(bank, "deposit", { account_id: "acc_bob", amount: 1 }, 20_000);
  const reset = await resets(bank, 500);
  const pool1 = await poolCalls(counter, 1, 4, 2000);
  const pool2 = await poolCalls(counter, 2, 4, 2000);
  const threads1 = await inlineThreads(1, 40_000);
  const threads2 = await inlineThreads(2, 40_000);

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const rate = (r: Rate) => [k(r.perSecond), k(r.perCpuSecond)];
  const latency = (r: { p50: number; p99: number }) =>
    `p50 ${r.p50.toFixed(1)} µs, p99 ${r.p99.toFixed(1)} µs`;
  const rows = [
    ["Small stateful tool (`counter.add`), inline `stepSync`", ...rate(add), latency(add)],
    [
      "Same tool, QuickJS sandbox layer only (no validation, faults, diff)",
      ...rate(sandboxOnly),
      "",
    ],
    [
      "Same environment code called directly in Node (no sandbox)",
      ...rate(direct),
      `a sandboxed call costs ×${Math.round(direct.perCpuSecond / add.perCpuSecond)}`,
    ],
    ["`bank.get_balance` (read-only), inline `stepSync`", ...rate(balance), latency(balance)],
    ["`bank.deposit` (appends to a growing log)", ...rate(deposit), latency(deposit)],
    [
      "Worker pool, 1 thread, 4 concurrent sessions (`step`)",
      ...rate(pool1),
      "thread hop per call",
    ],
    ["Worker pool, 2 threads, 8 concurrent sessions (`step`)", ...rate(pool2), ""],
    ["Inline sessions in 1 worker thread (training layout)", ...rate(threads1), ""],
    ["Inline sessions in 2 worker threads (training layout)", ...rate(threads2), ""],
  ];
  const section = [
    "## Runtime",
    "",
    "Tool calls through the QuickJS sandbox (`npm run bench:runtime`): argument and output validation,",
    "fault-injection bookkeeping (profile `none`), state diff and step record included. Episodes of",
    `${EPISODE} calls; limits: ${DEFAULT_LIMITS.timeoutMs} ms deadline, ${DEFAULT_LIMITS.memoryBytes / 2 ** 20} MiB memory per sandbox.`,
    "",
    `Machine: ${cpu} (${os.cpus().length} cores), Node ${process.version}, ${os.platform()}, load average ${os.loadavg()[0].toFixed(1)} at the end — ${new Date().toISOString().slice(0, 10)}.`,
    "On a shared machine the wall-clock rates fall with the load; calls per CPU-second do not.",
    "",
    "| tool calls | calls/s (wall) | calls per CPU-second | notes |",
    "| --- | ---: | ---: | --- |",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    `Episode reset (\`bank\`): ${reset.mean.toFixed(2)} ms mean, p99 ${reset.p99.toFixed(2)} ms.`,
    "",
  ].join("\n");
  console.log(section);

  await writeSection("Runtime", section);
  counter.dispose();
  bank.dispose();
}

if (isMainThread) await main();
else await threadMain();
