import type { JsonValue, StepRecord } from "../types";
import type { LoadedEnvironment } from "./environment";
import type { ResetOptions } from "./session-core";

export interface Action {
  tool: string;
  args: unknown;
}

/** One episode at a time of one environment, wherever its sandbox runs. */
export interface Session {
  readonly id: string;
  readonly env: LoadedEnvironment;
  /** The seed of the current episode. */
  readonly seed: number;
  /** This episode's steps so far (cleared by `reset`). */
  readonly steps: readonly StepRecord[];
  /** The state this episode started from. */
  readonly initialState: JsonValue;
  /** A copy of the current state. */
  state(): JsonValue;
  /** Starts a new episode and returns its initial state. */
  reset(options?: ResetOptions): Promise<JsonValue>;
  /** Calls one tool. Never rejects for anything the agent or the environment did. */
  step(tool: string, args: unknown): Promise<StepRecord>;
  /** Calls several tools in order. */
  stepBatch(actions: readonly Action[]): Promise<StepRecord[]>;
  close(): Promise<void>;
}

/** A session whose sandbox runs in the caller's thread: the synchronous fast path. */
export interface InlineSession extends Session {
  resetSync(options?: ResetOptions): JsonValue;
  stepSync(tool: string, args: unknown): StepRecord;
}

export function copyJson<T extends JsonValue>(value: T): T {
  return value === null || typeof value !== "object"
    ? value
    : (JSON.parse(JSON.stringify(value)) as T);
}
