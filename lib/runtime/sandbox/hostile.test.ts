/**
 * A corpus of hostile environments. Each must be contained with a clear error code while a
 * healthy environment in another sandbox keeps answering correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDir } from "../examples/index";
import { loadEnvironment, type LoadedEnvironment } from "../session/environment";
import { createSession } from "../session/inline-session";
import type { InlineSession } from "../session/session";
import { singleToolSource } from "../testing";
import type { JsonValue, Observation } from "../types";

interface HostileCase {
  name: string;
  body: string;
  prelude?: string;
  args?: unknown;
  /** Expected error code(s), or a check of a successful (harmless) result. */
  expect: string | string[] | ((observation: Observation) => void);
  /** Memory bombs get a longer deadline so that the memory cap, not the clock, stops them. */
  timeoutMs?: number;
}

const okResult = (check: (result: JsonValue) => void) => (observation: Observation) => {
  expect(observation.ok).toBe(true);
  if (observation.ok) check(observation.result);
};

const CORPUS: HostileCase[] = [
  {
    name: "constructor-chain escape to process",
    body: `return (function () {}).constructor("return typeof process")();`,
    expect: okResult((r) => expect(r).toBe("undefined")),
  },
  {
    name: "constructor-chain escape that uses process",
    body: `return (function () {}).constructor("return process.env")();`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "host global probing",
    body: `const g: any = Function("return this")();
      return ["process", "require", "module", "global", "fetch", "setTimeout", "setInterval", "queueMicrotask", "XMLHttpRequest",
        "WebAssembly", "std", "os", "Deno", "Bun", "WeakRef", "FinalizationRegistry", "__envfGuest"].filter((k) => k in g);`,
    expect: okResult((r) => expect(r).toEqual([])),
  },
  {
    name: "dynamic import at run time",
    body: `return eval("import('fs')");`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "prototype pollution inside the sandbox",
    body: `(Object.prototype as any).polluted = true; return ({} as any).polluted;`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "overriding a built-in for later sessions",
    body: `(Array.prototype as any).push = () => 0; JSON.stringify = () => "{}"; return 1;`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "global variable leak",
    body: `(globalThis as any).leak = 1; return 1;`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "__proto__ in arguments",
    args: JSON.parse('{"__proto__": {"admin": true}}'),
    body: `const probe: any = {}; return { own: Object.keys(args), admin: probe.admin ?? null, viaArgs: args.admin ?? null };`,
    expect: okResult((r) => expect(r).toEqual({ own: ["__proto__"], admin: null, viaArgs: null })),
  },
  {
    name: "__proto__ in a returned object",
    body: `return JSON.parse('{"__proto__": {"admin": true}, "ok": 1}');`,
    expect: okResult((r) => {
      expect(Object.keys(r as object)).toEqual(["__proto__", "ok"]);
      expect((r as Record<string, unknown>).admin).toBeUndefined();
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    }),
  },
  {
    name: "result with a throwing getter",
    body: `return { get x() { throw new Error("boom"); } };`,
    expect: "ENV_INVALID_OUTPUT",
  },
  {
    name: "result with toJSON that loops forever",
    body: `return { toJSON() { while (true) {} } };`,
    expect: "ENV_TIMEOUT",
  },
  {
    name: "cyclic result",
    body: `const a: any = {}; a.self = a; return a;`,
    expect: "ENV_INVALID_OUTPUT",
  },
  { name: "BigInt result", body: `return { n: BigInt(1) };`, expect: "ENV_INVALID_OUTPUT" },
  {
    name: "getter planted in the state",
    body: `Object.defineProperty(state, "x", { enumerable: true, get() { throw new Error("no"); } }); return 1;`,
    expect: "ENV_INVALID_STATE",
  },
  { name: "infinite loop", body: `while (true) {}`, expect: "ENV_TIMEOUT" },
  {
    name: "infinite loop that catches everything",
    body: `for (;;) { try { while (true) {} } catch {} }`,
    expect: "ENV_TIMEOUT",
  },
  {
    name: "catastrophic regex backtracking",
    body: `return /(a+)+$/.test("a".repeat(40) + "b");`,
    expect: "ENV_TIMEOUT",
  },
  {
    name: "sort comparator that never returns",
    body: `return [3, 2, 1].sort(() => { for (;;) {} });`,
    expect: "ENV_TIMEOUT",
  },
  {
    name: "memory bomb of small objects",
    body: `const a: any[] = []; for (;;) a.push({ i: a.length });`,
    expect: "ENV_OUT_OF_MEMORY",
    timeoutMs: 5000,
  },
  {
    name: "memory bomb that swallows out-of-memory errors",
    body: `const a: any[] = []; for (let i = 0; i < 1e8; i++) { try { a.push([i, i, i]); } catch {} } return a.length;`,
    expect: ["ENV_OUT_OF_MEMORY", "ENV_TIMEOUT"],
    timeoutMs: 1000,
  },
  {
    name: "huge string repeat",
    body: `return "x".repeat(2 ** 28).length;`,
    expect: "ENV_OUT_OF_MEMORY",
  },
  {
    name: "huge array join (one long native operation)",
    body: `return new Array(1e7).fill("xxxxxxxxxx").join("").length;`,
    expect: ["ENV_OUT_OF_MEMORY", "ENV_TIMEOUT"],
  },
  {
    name: "string doubling",
    body: `let s = "x"; for (;;) s = s + s;`,
    expect: ["ENV_OUT_OF_MEMORY", "ENV_RUNTIME_ERROR"],
  },
  {
    name: "deep recursion",
    body: `const f = (n: number): number => f(n + 1) + 1; return f(0);`,
    expect: "ENV_STACK_OVERFLOW",
  },
  {
    name: "deeply nested result",
    body: `let o: any = {}; for (let i = 0; i < 20000; i++) o = { o }; return o;`,
    // Stopped by the stack limit, or by the deadline when the host is busy.
    expect: ["ENV_STACK_OVERFLOW", "ENV_INVALID_OUTPUT", "ENV_TIMEOUT"],
  },
  { name: "huge output", body: `return "x".repeat(1_000_000);`, expect: "ENV_OUTPUT_TOO_LARGE" },
  {
    name: "huge state",
    body: `state.blob = "x".repeat(5_000_000); return 1;`,
    expect: "ENV_INVALID_STATE",
  },
  {
    name: "throws a string",
    body: `throw "just a string";`,
    expect: (o) =>
      expect(o).toMatchObject({
        ok: false,
        error: { code: "ENV_RUNTIME_ERROR", message: "threw a string: just a string" },
      }),
  },
  { name: "throws null", body: `throw null;`, expect: "ENV_RUNTIME_ERROR" },
  { name: "throws undefined", body: `throw undefined;`, expect: "ENV_RUNTIME_ERROR" },
  {
    name: "throws an object whose toString and getters throw",
    body: `throw { get message() { throw 1; }, get isToolError() { throw 2; }, toString() { throw 3; } };`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "throws a Proxy that throws on every trap",
    body: `throw new Proxy({}, { get() { throw 1; }, has() { throw 2; }, getPrototypeOf() { throw 3; } });`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "throws an Error whose message getter loops",
    body: `const e = new Error("x"); Object.defineProperty(e, "message", { get() { for (;;) {} } }); throw e;`,
    expect: "ENV_TIMEOUT",
  },
  {
    name: "fake ToolError with a non-string code",
    body: `throw { isToolError: true, code: { toString() { return "ADMIN"; } }, message: "x" };`,
    expect: "ENV_RUNTIME_ERROR",
  },
  { name: "async tool", body: `return (async () => 1)() as any;`, expect: "ENV_RUNTIME_ERROR" },
  {
    name: "returns a thenable whose then loops",
    body: `return { then() { for (;;) {} } } as any;`,
    expect: "ENV_RUNTIME_ERROR",
  },
  {
    name: "microtask that mutates state after the call",
    body: `if (state.armed) return state; state.armed = true; Promise.resolve().then(() => { state.stolen = true; }); return state;`,
    expect: okResult((r) => expect(r).toEqual({ armed: true })),
  },
  {
    name: "non-determinism through Date and Math.random",
    body: `return [Date.now(), new Date().getTime(), new (new Date().constructor as any)().getTime(), Math.random() === ctx.random() ? "same" : "seeded"];`,
    expect: okResult((r) =>
      expect((r as number[]).slice(0, 3)).toEqual([
        Date.UTC(2025, 0, 1) + 1000,
        Date.UTC(2025, 0, 1) + 1000,
        Date.UTC(2025, 0, 1) + 1000,
      ]),
    ),
  },
  {
    name: "console flood",
    body: `for (let i = 0; i < 20000; i++) console.log("spam", i); return 1;`,
    expect: okResult((r) => expect(r).toBe(1)),
  },
];

let healthyEnv: LoadedEnvironment;
let healthy: InlineSession;
let expectedBalance = 2500;

beforeAll(async () => {
  healthyEnv = await loadEnvironment({ dir: exampleDir("bank") });
  healthy = await createSession(healthyEnv);
});
afterAll(() => healthyEnv.dispose());

/** The error loading fails with (a loaded environment is disposed and reported as a string). */
async function loadError(source: string): Promise<unknown> {
  try {
    (await loadEnvironment({ source })).dispose();
    return "loaded";
  } catch (error) {
    return error;
  }
}

/** The healthy sandbox still answers, and answers correctly. */
function checkHealthy() {
  expectedBalance += 1;
  const step = healthy.stepSync("deposit", { account_id: "acc_bob", amount: 1 });
  expect(step.observation).toMatchObject({ ok: true, result: { balance: expectedBalance } });
}

describe("hostile environments", () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))("contains: %s", async (_name, hostile) => {
    const env = await loadEnvironment(
      { source: singleToolSource(hostile.body, { prelude: hostile.prelude }) },
      { limits: hostile.timeoutMs ? { timeoutMs: hostile.timeoutMs } : {} },
    );
    const session = await createSession(env);
    checkHealthy();
    const started = performance.now();
    const step = await session.step("run", hostile.args ?? {});
    const elapsed = performance.now() - started;
    checkHealthy();

    if (typeof hostile.expect === "function") hostile.expect(step.observation);
    else {
      expect(step.observation.ok, JSON.stringify(step.observation)).toBe(false);
      if (!step.observation.ok)
        expect([hostile.expect].flat()).toContain(step.observation.error.code);
    }
    expect(elapsed).toBeLessThan((hostile.timeoutMs ?? 50) + 2000);
    // The session survives and its state was not changed by a failed call.
    const again = await session.step("run", hostile.args ?? {});
    expect(again.observation).toBeDefined();
    if (!step.observation.ok) expect(step.patch).toEqual([]);
    expect(JSON.stringify(session.state())).not.toContain("stolen");
    env.dispose();
  });

  it("caps captured console output", async () => {
    const env = await loadEnvironment({
      source: singleToolSource(`for (let i = 0; i < 1000; i++) console.log("line", i); return 1;`),
    });
    const session = await createSession(env);
    const { logs } = session.stepSync("run", {});
    expect(logs).toHaveLength(50);
    expect(logs?.[0]).toBe("line 0");
    env.dispose();
  });

  it("rejects imports other than the SDK at compile time", async () => {
    const error = await loadError(
      `import fs from "node:fs";\n${singleToolSource("return fs.readFileSync('/etc/passwd', 'utf8');")}`,
    );
    expect(error).toMatchObject({
      code: "COMPILE_FAILED",
      message: expect.stringContaining('may only import "@envfactory/sdk"'),
    });
  });

  it("reports environments whose module or initial state never finishes", async () => {
    expect(
      await loadError(singleToolSource("return 1;", { prelude: "while (true) {}" })),
    ).toMatchObject({ code: "ENV_LOAD_FAILED" });
    const env = await loadEnvironment({
      source: singleToolSource("return 1;", { initialState: "(() => { for (;;) {} }) as any" }),
    });
    await expect(createSession(env)).rejects.toMatchObject({
      code: "ENV_RESET_FAILED",
      message: expect.stringContaining("ENV_TIMEOUT"),
    });
    env.dispose();
  });

  it("keeps sessions of one environment apart and recovers them after a crash", async () => {
    const env = await loadEnvironment({
      source: singleToolSource(
        `if (args.crash) { let o: any = {}; for (let i = 0; i < 20000; i++) o = { o }; return o; } state.n = (state.n ?? 0) + 1; return state.n;`,
      ),
    });
    const a = await createSession(env);
    const b = await createSession(env);
    a.stepSync("run", {});
    a.stepSync("run", {});
    b.stepSync("run", {});
    const crash = await b.step("run", { crash: true });
    expect(crash.observation).toMatchObject({ ok: false });
    // After the sandbox was replaced, both sessions continue from their own states.
    expect((await a.step("run", {})).observation).toEqual({ ok: true, result: 3 });
    expect((await b.step("run", {})).observation).toEqual({ ok: true, result: 2 });
    env.dispose();
  });
});
