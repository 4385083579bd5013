import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { compileEnvironment } from "../compile/compile";
import { RuntimeError } from "../errors";
import type { SelfTest, SelfTestResult } from "../package/self-tests";
import { LoadedEnvironment, manifestFromDescription } from "../session/environment";
import { createPooledSession } from "../session/pooled-session";
import type { Action, Session } from "../session/session";
import type { SessionOptions } from "../session/session-core";
import { createValidators } from "../session/validation";
import type { Diagnostic, JsonValue, Manifest, ObservationError, StepRecord } from "../types";
import type { CallAnswer, ResetAnswer } from "./backend";
import { sandboxLimitsSchema, type SandboxLimits, type SandboxLimitsInput } from "./limits";
import type { QuickJSBackend } from "./quickjs-backend";
import type {
  DropAnswer,
  InspectAnswer,
  LoadAnswer,
  WorkerReady,
  WorkerReply,
  WorkerRequest,
} from "./worker-protocol";

export interface WorkerPoolOptions {
  /** Sandbox worker threads (default: the number of cores). */
  threads?: number;
  /**
   * The worker entry file. Default `<cwd>/lib/runtime/sandbox/worker-entry.mjs`: resolved from
   * the project root because bundled code does not sit next to its source.
   */
  workerEntry?: string;
  /** How long past a call's own deadline the watchdog waits before killing the worker (ms). */
  watchdogGraceMs?: number;
}

export interface InspectOptions {
  /** Self-tests to run (each in a fresh episode without faults). */
  tests?: readonly SelfTest[] | null;
  limits?: SandboxLimitsInput;
}

export interface InspectResult {
  /** The code compiles and defines a valid environment. */
  ok: boolean;
  manifest?: Manifest;
  /** Compile errors, or one diagnostic (at 1:1) saying why the module did not load. */
  diagnostics: Diagnostic[];
  selfTests?: SelfTestResult[];
  /**
   * Why it is not usable: `COMPILE_FAILED`, `ENV_LOAD_FAILED`, `INVALID_ENVIRONMENT`,
   * `ENV_TIMEOUT` (the module never finished, or the worker hung and was restarted) or
   * `ENV_CRASHED` (the worker died).
   */
  error?: ObservationError;
}

export interface PoolSessionOptions extends SessionOptions {
  limits?: SandboxLimitsInput;
}

export interface EpisodeRequest {
  seed?: number;
  initialState?: JsonValue;
  actions: readonly Action[];
  faults?: SessionOptions["faults"];
  limits?: SandboxLimitsInput;
}

export interface EpisodeResult {
  /** The state the episode started from (the seeded `initialState`, or the override). */
  initialState: JsonValue;
  steps: StepRecord[];
  finalState: JsonValue;
}

export interface WorkerPool {
  /** Opens a session whose sandbox runs in one of the pool's threads. */
  createSession(env: LoadedEnvironment, options?: SessionOptions): Promise<Session>;
  /**
   * Compiles `source` (in this thread: compiling is not executing), then loads it, derives its
   * manifest and runs `tests` in a worker. Never throws for anything the code does.
   */
  inspect(source: string, options?: InspectOptions): Promise<InspectResult>;
  /**
   * Opens a session of environment code that is loaded only in a worker (this thread never
   * evaluates it). Throws `RuntimeError` like `loadEnvironment` (`COMPILE_FAILED`,
   * `ENV_LOAD_FAILED`, `INVALID_ENVIRONMENT`), or `ENV_TIMEOUT` when the worker hung loading it.
   */
  openSession(input: { source: string }, options?: PoolSessionOptions): Promise<Session>;
  /** Runs one episode (reset, then `actions` in order) of `source` in a worker. */
  runEpisode(source: string, request: EpisodeRequest): Promise<EpisodeResult>;
  /** Terminates the worker threads. */
  close(): Promise<void>;
}

/** How long a new worker may take to start (register tsx, import the runtime). */
const BOOT_DEADLINE_MS = 30_000;
/** Watchdog budget of loading an environment (sandbox setup, module load), besides its deadline. */
const SETUP_MS = 5_000;
/** Per reset or call of a self-test, on top of the call deadline (host-side checks). */
const INSPECT_PER_CALL_MS = 25;
const MAX_RESPAWNS_WITHOUT_ANSWER = 3;
const GENERATION_STRIDE = 1_000_000;

type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, "id">
    : never
  : never;

interface Pending {
  resolve: (reply: WorkerReply) => void;
  timer: NodeJS.Timeout | null;
  message: WorkerRequest;
  deadlineMs: number;
}

/**
 * One worker thread, respawned in place whenever it hangs or dies. Requests wait until the
 * thread has started; each one's watchdog runs from when it is posted.
 */
class SandboxWorker {
  /** Bumped on each respawn; part of every backend generation on this worker. */
  incarnation = 0;
  /** Backend keys (code hash + limits) this incarnation has loaded. */
  readonly loaded = new Set<string>();
  private worker: Worker | null = null;
  private ready = false;
  private bootTimer: NodeJS.Timeout | null = null;
  private nextId = 0;
  /** Respawns since the last answered request; a worker that cannot start is not respawned forever. */
  private failures = 0;
  private broken: string | null = null;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly entry: string) {
    this.spawn();
  }

  /** Requests in flight or waiting (to pick the least busy thread). */
  get busy(): number {
    return this.pending.size;
  }

  private spawn(): void {
    // A larger stack lets QuickJS's own recursion limit fire before the thread's stack overflows.
    const worker = new Worker(this.entry, {
      resourceLimits: { stackSizeMb: 8, maxOldGenerationSizeMb: 512 },
    });
    worker.unref();
    this.ready = false;
    this.bootTimer = setTimeout(
      () =>
        this.replace({
          code: "ENV_CRASHED",
          message: `The sandbox worker did not start within ${BOOT_DEADLINE_MS} ms`,
        }),
      BOOT_DEADLINE_MS,
    );
    this.bootTimer.unref();
    worker.on("message", (reply: WorkerReply | WorkerReady) => {
      if ("ready" in reply) {
        this.started();
        return;
      }
      this.failures = 0;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if (waiting.timer) clearTimeout(waiting.timer);
      this.pending.delete(reply.id);
      waiting.resolve(reply);
    });
    worker.on("error", (error) =>
      this.replace({ code: "ENV_CRASHED", message: `The sandbox worker died: ${error.message}` }),
    );
    worker.on("exit", () =>
      this.replace({ code: "ENV_CRASHED", message: "The sandbox worker exited" }),
    );
    this.worker = worker;
  }

  private started(): void {
    if (this.bootTimer) clearTimeout(this.bootTimer);
    this.bootTimer = null;
    this.ready = true;
    for (const [id, waiting] of this.pending) if (!waiting.timer) this.post(id, waiting);
  }

  private post(id: number, waiting: Pending): void {
    waiting.timer = setTimeout(() => {
      this.pending.delete(id);
      waiting.resolve(
        this.failed(id, {
          code: "ENV_TIMEOUT",
          message: `The sandbox did not answer within ${waiting.deadlineMs} ms; its worker was restarted`,
        }),
      );
      this.replace({
        code: "ENV_CRASHED",
        message: "Another call hung the sandbox worker; it was restarted",
      });
    }, waiting.deadlineMs);
    this.worker?.postMessage(waiting.message);
  }

  request(body: RequestBody, deadlineMs: number): Promise<WorkerReply> {
    const id = this.nextId++;
    if (this.broken) return Promise.resolve({ id, generation: 0, failure: this.broken });
    return new Promise((resolve) => {
      const waiting: Pending = {
        resolve,
        timer: null,
        message: { ...body, id } as WorkerRequest,
        deadlineMs,
      };
      this.pending.set(id, waiting);
      if (this.ready) this.post(id, waiting);
    });
  }

  private failed(id: number, error: ObservationError): WorkerReply {
    return { id, generation: 0, answer: { ok: false, error } };
  }

  /** Answers everything in flight with `error`, kills the thread and starts a new one. */
  private replace(error: ObservationError): void {
    const current = this.worker;
    if (!current) return;
    this.worker = null;
    this.ready = false;
    if (this.bootTimer) clearTimeout(this.bootTimer);
    this.bootTimer = null;
    current.removeAllListeners();
    void current.terminate();
    for (const [id, waiting] of this.pending) {
      if (waiting.timer) clearTimeout(waiting.timer);
      waiting.resolve(this.failed(id, error));
    }
    this.pending.clear();
    this.loaded.clear();
    this.incarnation++;
    if (++this.failures > MAX_RESPAWNS_WITHOUT_ANSWER) {
      this.broken = `Sandbox workers keep dying before they answer (last: ${error.message}); check the worker entry ${this.entry}`;
      return;
    }
    this.spawn();
  }

  async terminate(): Promise<void> {
    const current = this.worker;
    this.worker = null;
    if (this.bootTimer) clearTimeout(this.bootTimer);
    for (const waiting of this.pending.values()) if (waiting.timer) clearTimeout(waiting.timer);
    if (!current) return;
    current.removeAllListeners();
    await current.terminate();
  }
}

/** The key of an environment's backend in a worker: the same code under other limits is another sandbox. */
function backendKey(hash: string, limits: SandboxLimits): string {
  return `${hash}:${JSON.stringify(limits)}`;
}

/**
 * Loads compiled code into a worker; answers the guest's self-description. Throws
 * `ENV_TIMEOUT` when the worker hung (it was restarted), `ENV_LOAD_FAILED` otherwise.
 */
async function loadInto(
  worker: SandboxWorker,
  key: string,
  code: string,
  limits: SandboxLimits,
  graceMs: number,
): Promise<string> {
  const incarnation = worker.incarnation;
  const reply = await worker.request(
    { type: "load", env: key, code, limits },
    SETUP_MS + limits.timeoutMs + graceMs,
  );
  if ("failure" in reply) throw new RuntimeError("ENV_LOAD_FAILED", reply.failure);
  const answer = reply.answer as Partial<LoadAnswer> & { ok?: boolean; error?: ObservationError };
  if (answer.ok === false) {
    const error = answer.error ?? { code: "ENV_CRASHED", message: "the sandbox worker failed" };
    throw new RuntimeError(
      error.code === "ENV_TIMEOUT" ? "ENV_TIMEOUT" : "ENV_LOAD_FAILED",
      error.message,
    );
  }
  if (incarnation === worker.incarnation) worker.loaded.add(key);
  return answer.description ?? "";
}

/** The sandbox of one environment inside one pool worker, seen from the host. */
export class RemoteSandbox {
  private inner = 0;
  private readonly key: string;

  constructor(
    private readonly worker: SandboxWorker,
    private readonly env: LoadedEnvironment,
    private readonly graceMs: number,
  ) {
    this.key = backendKey(env.hash, env.limits);
  }

  get generation(): number {
    return this.worker.incarnation * GENERATION_STRIDE + this.inner;
  }

  private async send(body: RequestBody): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      if (!this.worker.loaded.has(this.key))
        await loadInto(this.worker, this.key, this.env.code, this.env.limits, this.graceMs);
      const incarnation = this.worker.incarnation;
      const reply = await this.worker.request(body, this.env.limits.timeoutMs + this.graceMs);
      if ("failure" in reply) {
        // The worker freed this environment (no session was in it): load it and ask again.
        if (reply.notLoaded && attempt === 0) {
          this.worker.loaded.delete(this.key);
          continue;
        }
        throw new RuntimeError("SANDBOX_PROTOCOL", reply.failure);
      }
      if (incarnation === this.worker.incarnation && reply.generation > 0)
        this.inner = reply.generation;
      return reply.answer;
    }
  }

  reset(key: string, seed: number, nowMs: number, stateJson: string | null): Promise<ResetAnswer> {
    return this.send({
      type: "reset",
      env: this.key,
      key,
      seed,
      nowMs,
      stateJson,
    }) as Promise<ResetAnswer>;
  }

  call(
    key: string,
    tool: string,
    argsJson: string,
    nowMs: number,
    step: number,
  ): Promise<CallAnswer> {
    return this.send({
      type: "call",
      env: this.key,
      key,
      tool,
      argsJson,
      nowMs,
      step,
    }) as Promise<CallAnswer>;
  }

  async restore(key: string, stateJson: string): Promise<void> {
    await this.send({ type: "restore", env: this.key, key, stateJson });
  }

  async drop(key: string): Promise<void> {
    // A replaced worker holds nothing of this session: do not load the environment to drop it.
    if (!this.worker.loaded.has(this.key)) return;
    const answer = (await this.send({ type: "drop", env: this.key, key })) as DropAnswer | null;
    if (answer?.unloaded) this.worker.loaded.delete(this.key);
  }
}

/** Stands in for the in-thread sandbox of an environment that is loaded only in workers. */
const NOT_IN_THIS_THREAD = (): never => {
  throw new RuntimeError(
    "ENV_NOT_IN_THIS_THREAD",
    "This environment was loaded in a worker pool; open its sessions with pool.openSession",
  );
};
const DETACHED_BACKEND = {
  generation: 0,
  description: "",
  ready: NOT_IN_THIS_THREAD,
  reset: NOT_IN_THIS_THREAD,
  call: NOT_IN_THIS_THREAD,
  restore: NOT_IN_THIS_THREAD,
  drop: NOT_IN_THIS_THREAD,
  dispose: () => {},
} as unknown as QuickJSBackend;

/** Compiled code by source hash (compiling is the slow part of opening a session). */
const compiled = new Map<string, string>();
const CACHE_SIZE = 64;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

async function compileOrThrow(source: string): Promise<string> {
  const key = createHash("sha256").update(source).digest("hex");
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  const result = await compileEnvironment(source);
  if (!result.ok) {
    const first = result.diagnostics[0];
    throw new RuntimeError(
      "COMPILE_FAILED",
      `environment.ts:${first.line}:${first.column}: ${first.message}`,
      result.diagnostics,
    );
  }
  return remember(compiled, key, result.code);
}

/** A diagnostic at the top of the file for an error that has no position. */
function wholeFile(error: ObservationError): Diagnostic {
  return {
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: `${error.code}: ${error.message}`,
    code: error.code,
    severity: "error",
  };
}

function inspectDeadline(tests: readonly SelfTest[] | null, limits: SandboxLimits): number {
  const runs = (tests ?? []).reduce((n, test) => n + test.calls.length + 1, 0);
  return SETUP_MS + limits.timeoutMs + runs * (limits.timeoutMs + INSPECT_PER_CALL_MS);
}

/**
 * Sandboxes in worker threads, for callers that must survive anything an environment does
 * (the web server, the job worker). Each session stays on one thread; a thread that hangs past
 * the watchdog or dies is replaced and its sessions reload their state on the next call.
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const entry =
    options.workerEntry ?? path.join(process.cwd(), "lib/runtime/sandbox/worker-entry.mjs");
  // The entry runs from the source tree, not the bundle: keep bundlers from tracing this path.
  if (!existsSync(/* turbopackIgnore: true */ entry)) {
    throw new RuntimeError(
      "WORKER_ENTRY_NOT_FOUND",
      `No sandbox worker entry at ${entry}; run from the project root or pass createWorkerPool({ workerEntry })`,
    );
  }
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const graceMs = options.watchdogGraceMs ?? 1000;
  const workers = Array.from({ length: threads }, () => new SandboxWorker(entry));
  /** Environments loaded only in workers, by backend key: manifest and validators built once. */
  const remote = new Map<string, LoadedEnvironment>();
  let next = 0;
  let closed = false;

  function open(): void {
    if (closed) throw new RuntimeError("POOL_CLOSED", "The worker pool is closed");
  }
  const roundRobin = () => workers[next++ % workers.length];
  const leastBusy = () => workers.reduce((best, w) => (w.busy < best.busy ? w : best));

  const pool: WorkerPool = {
    async createSession(env, sessionOptions = {}) {
      open();
      return createPooledSession(
        env,
        new RemoteSandbox(roundRobin(), env, graceMs),
        sessionOptions,
      );
    },

    async inspect(source, inspectOptions = {}) {
      open();
      const limits = sandboxLimitsSchema.parse(inspectOptions.limits ?? {});
      const result = await compileEnvironment(source);
      if (!result.ok) {
        const first = result.diagnostics[0];
        return {
          ok: false,
          diagnostics: result.diagnostics,
          error: {
            code: "COMPILE_FAILED",
            message: first ? `${first.line}:${first.column}: ${first.message}` : "does not compile",
          },
        };
      }
      const tests = inspectOptions.tests ? [...inspectOptions.tests] : null;
      const reply = await leastBusy().request(
        { type: "inspect", code: result.code, limits, tests },
        inspectDeadline(tests, limits) + graceMs,
      );
      const answer: InspectAnswer =
        "failure" in reply
          ? { ok: false, error: { code: "ENV_CRASHED", message: reply.failure } }
          : (reply.answer as InspectAnswer);
      if (!answer.ok)
        return { ok: false, diagnostics: [wholeFile(answer.error)], error: answer.error };
      return answer.selfTests
        ? { ok: true, manifest: answer.manifest, diagnostics: [], selfTests: answer.selfTests }
        : { ok: true, manifest: answer.manifest, diagnostics: [] };
    },

    async openSession(input, sessionOptions = {}) {
      open();
      const { limits: limitsInput, ...rest } = sessionOptions;
      const limits = sandboxLimitsSchema.parse(limitsInput ?? {});
      const code = await compileOrThrow(input.source);
      const hash = createHash("sha256").update(code).digest("hex");
      const key = backendKey(hash, limits);
      const worker = roundRobin();
      let env = remote.get(key);
      if (!env) {
        // The manifest is the guest's answer (JSON), checked here like any untrusted input.
        const manifest = manifestFromDescription(
          await loadInto(worker, key, code, limits, graceMs),
        );
        env = new LoadedEnvironment(
          input.source,
          code,
          hash,
          manifest,
          limits,
          createValidators(manifest),
          DETACHED_BACKEND,
        );
        remember(remote, key, env);
      }
      return createPooledSession(env, new RemoteSandbox(worker, env, graceMs), rest);
    },

    async runEpisode(source, request) {
      const session = await pool.openSession(
        { source },
        {
          seed: request.seed,
          initialState: request.initialState,
          faults: request.faults,
          limits: request.limits,
        },
      );
      try {
        await session.stepBatch(request.actions);
        return {
          initialState: session.initialState,
          steps: [...session.steps],
          finalState: session.state(),
        };
      } finally {
        await session.close();
      }
    },

    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return pool;
}
