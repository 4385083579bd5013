import { RuntimeError } from "../errors";
import type { RemoteSandbox } from "../sandbox/worker-pool";
import type { JsonValue, StepRecord } from "../types";
import type { LoadedEnvironment } from "./environment";
import { copyJson, type Action, type Session } from "./session";
import { SessionCore, type ResetOptions, type SessionOptions } from "./session-core";

/** A session whose sandbox runs in a pool worker thread; calls are sequential per session. */
class PooledSession implements Session {
  private closed = false;
  /** Serializes calls: a session is one episode, so its steps must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly core: SessionCore,
    private readonly sandbox: RemoteSandbox,
  ) {}

  get id() {
    return this.core.key;
  }
  get env() {
    return this.core.env;
  }
  get seed() {
    return this.core.seed;
  }
  get steps() {
    return this.core.steps;
  }
  get initialState() {
    return this.core.initialState;
  }

  state(): JsonValue {
    return copyJson(this.core.state);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(
        new RuntimeError("SESSION_CLOSED", `Session ${this.core.key} is closed`),
      );
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  reset(options?: ResetOptions): Promise<JsonValue> {
    return this.serial(async () => {
      const { seed, nowMs, stateJson } = this.core.prepareReset(options);
      const answer = await this.sandbox.reset(this.core.key, seed, nowMs, stateJson);
      return copyJson(this.core.applyReset(answer, this.sandbox.generation));
    });
  }

  step(tool: string, args: unknown): Promise<StepRecord> {
    return this.serial(async () => {
      const start = this.core.begin(tool, args);
      if ("record" in start) return start.record;
      const call = start.pending;
      const resync = this.core.resyncState(this.sandbox.generation);
      if (resync !== null) {
        // The worker or its sandbox was replaced: load this session's state into the new one.
        const reloaded = await this.sandbox.reset(
          this.core.key,
          this.core.seed,
          this.core.nowMs,
          resync,
        );
        if (!reloaded.ok) return this.core.finish(call, reloaded).record;
        this.core.generation = this.sandbox.generation;
      }
      const answer = await this.sandbox.call(
        this.core.key,
        call.tool.name,
        call.argsJson,
        call.nowMs,
        call.envStep,
      );
      const { record, restore } = this.core.finish(call, answer);
      if (restore !== null) await this.sandbox.restore(this.core.key, restore);
      return record;
    });
  }

  async stepBatch(actions: readonly Action[]): Promise<StepRecord[]> {
    const records: StepRecord[] = [];
    for (const action of actions) records.push(await this.step(action.tool, action.args));
    return records;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    await this.sandbox.drop(this.core.key);
  }
}

export async function createPooledSession(
  env: LoadedEnvironment,
  sandbox: RemoteSandbox,
  options: SessionOptions,
): Promise<Session> {
  const session = new PooledSession(new SessionCore(env, options), sandbox);
  try {
    await session.reset();
  } catch (error) {
    // Free the worker's slot for this session (its sandbox is unloaded when none is left).
    await session.close().catch(() => undefined);
    throw error;
  }
  return session;
}
