/**
 * The dispatcher that runs inside the sandbox, next to the environment code. The host talks to
 * it only through strings (JSON), so no host object ever enters the sandbox.
 * Bundled into `bundle.generated.ts` by `lib/runtime/build/generate.ts`.
 */
import { createRng, hashSeed } from "../../determinism/rng";
import type { EnvironmentDefinition, ToolContext } from "../../sdk/index";
import { hardenRealm } from "./harden";

type Json = string;
type Factory = () => unknown;

interface GuestSession {
  env: EnvironmentDefinition;
  state: unknown;
  /** The state as of the last successful call; failed calls restore it. */
  stateJson: string;
  seed: number;
}

interface CallFrame {
  ctx: ToolContext;
  random: () => number;
  nowMs: number;
  logs: string[];
}

const MAX_LOG_LINES = 50;
const MAX_LOG_CHARS = 500;
const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

const RealDate = Date;
const stringify = JSON.stringify;
const parse = JSON.parse;
const sessions = new Map<string, GuestSession>();
let factory: Factory | null = null;
let frame: CallFrame | null = null;
let limits = { outputChars: 256 * 1024, stateChars: 4 * 1024 * 1024 };

function fail(code: string, message: string, details?: unknown): Json {
  return stringify({
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  });
}

function makeFrame(seed: number, step: number, nowMs: number): CallFrame {
  const random = createRng(hashSeed(seed, "env", step));
  const idRandom = createRng(hashSeed(seed, "id", step));
  const ctx: ToolContext = {
    seed,
    step,
    random,
    randomInt: (min, max) => min + Math.floor(random() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError("ctx.pick needs a non-empty array");
      return items[Math.floor(random() * items.length)];
    },
    now: () => nowMs,
    nowIso: () => new RealDate(nowMs).toISOString(),
    id: (prefix = "id") => {
      let suffix = "";
      for (let i = 0; i < 8; i++)
        suffix += ID_ALPHABET[Math.floor(idRandom() * ID_ALPHABET.length)];
      return `${prefix}_${suffix}`;
    },
  };
  return { ctx, random, nowMs, logs: [] };
}

/** Describes whatever was thrown without trusting it (toString and getters may throw). */
function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error)
      return `${String(thrown.name)}: ${String(thrown.message)}`.slice(0, 1000);
    if (typeof thrown === "string") return `threw a string: ${thrown.slice(0, 1000)}`;
    return `threw a non-Error value (${thrown === null ? "null" : typeof thrown})`;
  } catch {
    return "threw a value that cannot be described";
  }
}

function toolErrorOf(thrown: unknown): { code: string; message: string; details?: unknown } | null {
  try {
    if (thrown === null || typeof thrown !== "object") return null;
    const candidate = thrown as {
      isToolError?: unknown;
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (candidate.isToolError !== true || typeof candidate.code !== "string") return null;
    const details =
      candidate.details === undefined ? undefined : parse(stringify(candidate.details));
    return {
      code: candidate.code.slice(0, 100),
      message: String(candidate.message).slice(0, 2000),
      details,
    };
  } catch {
    return null;
  }
}

function errorJson(thrown: unknown): Json {
  const toolError = toolErrorOf(thrown);
  if (toolError) return fail(toolError.code, toolError.message, toolError.details);
  if (thrown === null) return fail("ENV_THREW_NULL", "threw null");
  if (thrown instanceof Error && String(thrown.message) === "out of memory") {
    return fail("ENV_OUT_OF_MEMORY", "The environment ran out of memory");
  }
  if (thrown instanceof Error && String(thrown.message) === "stack overflow") {
    return fail("ENV_STACK_OVERFLOW", "Recursion went deeper than the sandbox stack allows");
  }
  return fail("ENV_RUNTIME_ERROR", describeThrown(thrown));
}

function isThenable(value: unknown): boolean {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function loadDefinition(): EnvironmentDefinition {
  if (!factory) throw new Error("no environment installed");
  const exported = factory() as { default?: EnvironmentDefinition } | undefined;
  const env = exported?.default;
  if (!env || env.kind !== "envfactory.environment") {
    throw new Error("environment.ts must `export default defineEnvironment({...})`");
  }
  if (!env.tools || typeof env.tools !== "object")
    throw new Error("defineEnvironment needs a `tools` object");
  for (const name of Object.keys(env.tools)) {
    if (typeof env.tools[name]?.run !== "function")
      throw new Error(`tool "${name}" has no run function`);
  }
  return env;
}

function installConsole(): void {
  const write = (...parts: unknown[]) => {
    if (!frame || frame.logs.length >= MAX_LOG_LINES) return;
    const line = parts
      .map((part) => {
        try {
          return typeof part === "string" ? part : (stringify(part) ?? String(part));
        } catch {
          return "[unprintable]";
        }
      })
      .join(" ");
    frame.logs.push(line.slice(0, MAX_LOG_CHARS));
  };
  (globalThis as Record<string, unknown>).console = {
    log: write,
    info: write,
    warn: write,
    error: write,
    debug: write,
  };
}

/** Redirects `Math.random`, `Date.now()` and `new Date()` to the current call's seeded sources. */
function installDeterminism(): void {
  const currentNow = () => (frame ? frame.nowMs : 0);
  Math.random = () => (frame ? frame.random() : 0);
  function VirtualDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(currentNow()).toString();
    const fields =
      args.length === 0
        ? [currentNow()]
        : args.length >= 2
          ? [RealDate.UTC(...(args as [number, number]))]
          : args;
    return Reflect.construct(RealDate, fields, new.target);
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = currentNow;
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, "constructor", {
    value: VirtualDate,
    writable: true,
    configurable: true,
  });
  // Local-time views would depend on the host's time zone; the sandbox lives in UTC.
  const proto = RealDate.prototype as unknown as Record<string, unknown>;
  for (const name of [
    "FullYear",
    "Month",
    "Date",
    "Day",
    "Hours",
    "Minutes",
    "Seconds",
    "Milliseconds",
  ]) {
    proto[`get${name}`] = proto[`getUTC${name}`];
    if (name !== "Day") proto[`set${name}`] = proto[`setUTC${name}`];
  }
  proto.getTimezoneOffset = () => 0;
  for (const name of [
    "toString",
    "toDateString",
    "toTimeString",
    "toLocaleString",
    "toLocaleDateString",
    "toLocaleTimeString",
  ]) {
    proto[name] = proto.toISOString;
  }
  (globalThis as Record<string, unknown>).Date = VirtualDate;
  // Garbage-collection timing is not deterministic.
  delete (globalThis as Record<string, unknown>).WeakRef;
  delete (globalThis as Record<string, unknown>).FinalizationRegistry;
}

function serializeResult(value: unknown): string {
  const text = value === undefined ? "null" : stringify(value);
  if (typeof text !== "string") throw new TypeError("the result is not a JSON value");
  return text;
}

const guest = {
  /** Called once, before any environment code exists in the realm. */
  seal(limitsJson: Json): void {
    limits = parse(limitsJson);
    installConsole();
    installDeterminism();
    delete (globalThis as Record<string, unknown>).__envfGuest;
    hardenRealm();
  },

  /** Keeps the environment module factory and returns its description. */
  install(moduleFactory: Factory): Json {
    factory = moduleFactory;
    frame = makeFrame(0, 0, 0);
    try {
      const env = loadDefinition();
      const tools = Object.keys(env.tools).map((name) => {
        const tool = env.tools[name];
        return {
          name,
          description: String(tool.description ?? ""),
          inputSchema: tool.input ?? {},
          outputSchema: tool.output ?? {},
          errors: tool.errors ?? {},
          readOnly: tool.readOnly === true,
        };
      });
      const description = {
        name: String(env.name),
        version: String(env.version),
        description: String(env.description ?? ""),
        stateSchema: env.state ?? {},
        tools,
      };
      return stringify({ ok: true, result: parse(stringify(description)) });
    } catch (thrown) {
      factory = null;
      return fail("ENV_LOAD_FAILED", describeThrown(thrown));
    } finally {
      frame = null;
    }
  },

  /** Starts an episode: a fresh module instance and the initial (or given) state. */
  reset(key: string, seed: number, nowMs: number, stateJson: Json | null): Json {
    frame = makeFrame(seed, 0, nowMs);
    try {
      const env = loadDefinition();
      let state: unknown;
      if (stateJson !== null) state = parse(stateJson);
      else
        state =
          typeof env.initialState === "function" ? env.initialState(frame.ctx) : env.initialState;
      if (isThenable(state)) return fail("ENV_RUNTIME_ERROR", "initialState must not be async");
      const text = stringify(state);
      if (typeof text !== "string")
        return fail("ENV_INVALID_STATE", "the initial state is not a JSON value");
      if (text.length > limits.stateChars)
        return fail("ENV_INVALID_STATE", "the initial state is larger than the state cap");
      // Keep a private copy so the environment cannot alias its own initial-state literal.
      sessions.set(key, { env, state: parse(text), stateJson: text, seed });
      return `{"ok":true,"state":${text}}`;
    } catch (thrown) {
      return errorJson(thrown);
    } finally {
      frame = null;
    }
  },

  /**
   * Runs one tool. Answers `{ok,result,state?,logs?}`; `state` is present only when it changed.
   * Any failure restores the state from before the call.
   */
  call(key: string, tool: string, argsJson: Json, nowMs: number, step: number): Json {
    const session = sessions.get(key);
    if (!session) return fail("ENV_SESSION_LOST", "no such session in this sandbox");
    const spec = Object.prototype.hasOwnProperty.call(session.env.tools, tool)
      ? session.env.tools[tool]
      : undefined;
    if (!spec) return fail("UNKNOWN_TOOL", `No tool named "${tool}"`);
    const current = makeFrame(session.seed, step, nowMs);
    frame = current;
    let answer: Json;
    try {
      const result = spec.run(session.state, parse(argsJson), current.ctx);
      if (isThenable(result))
        throw new TypeError("the tool returned a Promise; tools must be synchronous");
      answer = guest.finish(session, result);
    } catch (thrown) {
      answer = errorJson(thrown);
    }
    frame = null;
    if (!answer.startsWith('{"ok":true')) session.state = parse(session.stateJson);
    if (current.logs.length === 0) return answer;
    return `${answer.slice(0, -1)},"logs":${stringify(current.logs)}}`;
  },

  finish(session: GuestSession, result: unknown): Json {
    let resultText: string;
    try {
      resultText = serializeResult(result);
    } catch (thrown) {
      return fail(
        "ENV_INVALID_OUTPUT",
        `the result cannot be serialized: ${describeThrown(thrown)}`,
      );
    }
    if (resultText.length > limits.outputChars) {
      return fail(
        "ENV_OUTPUT_TOO_LARGE",
        `the result has ${resultText.length} characters; the cap is ${limits.outputChars}`,
      );
    }
    let stateText: string | undefined;
    try {
      stateText = stringify(session.state);
    } catch (thrown) {
      return fail("ENV_INVALID_STATE", `the state cannot be serialized: ${describeThrown(thrown)}`);
    }
    if (typeof stateText !== "string")
      return fail("ENV_INVALID_STATE", "the state is no longer a JSON value");
    if (stateText.length > limits.stateChars) {
      return fail(
        "ENV_INVALID_STATE",
        `the state has ${stateText.length} characters; the cap is ${limits.stateChars}`,
      );
    }
    if (stateText === session.stateJson) return `{"ok":true,"result":${resultText}}`;
    session.stateJson = stateText;
    return `{"ok":true,"result":${resultText},"state":${stateText}}`;
  },

  /** Puts a state back after the host rejected a call (timeout, invalid state or output). */
  restore(key: string, stateJson: Json): void {
    const session = sessions.get(key);
    if (!session) return;
    session.stateJson = stateJson;
    session.state = parse(stateJson);
  },

  drop(key: string): void {
    sessions.delete(key);
  },
};

(globalThis as Record<string, unknown>).__envfGuest = guest;
