import { RuntimeError } from "../errors";
import type { JsonValue, StepRecord } from "../types";
import type { LoadedEnvironment } from "./environment";
import { copyJson, type Action, type InlineSession } from "./session";
import { SessionCore, type ResetOptions, type SessionOptions } from "./session-core";

class InlineSessionImpl implements InlineSession {
  private closed = false;

  constructor(private readonly core: SessionCore) {}

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

  resetSync(options?: ResetOptions): JsonValue {
    this.assertOpen();
    const backend = this.core.env.backend;
    const { seed, nowMs, stateJson } = this.core.prepareReset(options);
    return copyJson(
      this.core.applyReset(
        backend.reset(this.core.key, seed, nowMs, stateJson),
        backend.generation,
      ),
    );
  }

  stepSync(tool: string, args: unknown): StepRecord {
    this.assertOpen();
    const start = this.core.begin(tool, args);
    if ("record" in start) return start.record;
    const backend = this.core.env.backend;
    const call = start.pending;
    const resync = this.core.resyncState(backend.generation);
    if (resync !== null) {
      // The sandbox was replaced after a crash: load this session's state into the new one.
      const reloaded = backend.reset(this.core.key, this.core.seed, this.core.nowMs, resync);
      if (!reloaded.ok) return this.core.finish(call, reloaded).record;
      this.core.generation = backend.generation;
    }
    const answer = backend.call(
      this.core.key,
      call.tool.name,
      call.argsJson,
      call.nowMs,
      call.envStep,
    );
    const { record, restore } = this.core.finish(call, answer);
    if (restore !== null) backend.restore(this.core.key, restore);
    return record;
  }

  async reset(options?: ResetOptions): Promise<JsonValue> {
    await this.core.env.backend.ready();
    return this.resetSync(options);
  }

  async step(tool: string, args: unknown): Promise<StepRecord> {
    await this.core.env.backend.ready();
    return this.stepSync(tool, args);
  }

  async stepBatch(actions: readonly Action[]): Promise<StepRecord[]> {
    const records: StepRecord[] = [];
    for (const action of actions) records.push(await this.step(action.tool, action.args));
    return records;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.core.env.backend.drop(this.core.key);
  }

  private assertOpen(): void {
    if (this.closed) throw new RuntimeError("SESSION_CLOSED", `Session ${this.core.key} is closed`);
  }
}

/**
 * Opens a session whose sandbox runs in this thread (QuickJS with a CPU deadline and memory
 * cap) and starts its first episode. The fastest way to run many steps: use `stepSync`.
 */
export async function createSession(
  env: LoadedEnvironment,
  options: SessionOptions = {},
): Promise<InlineSession> {
  const session = new InlineSessionImpl(new SessionCore(env, options));
  await session.reset();
  return session;
}
