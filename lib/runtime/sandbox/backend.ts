import type { JsonValue, ObservationError } from "../types";

/** The sandbox's answer to one tool call; `state` is present only when the call changed it. */
export type CallAnswer =
  | { ok: true; result: JsonValue; state?: JsonValue; logs?: string[] }
  | { ok: false; error: ObservationError; logs?: string[] };

export type ResetAnswer = { ok: true; state: JsonValue } | { ok: false; error: ObservationError };

/**
 * One environment loaded into an isolated realm. Many sessions share it, each under its own
 * key. Calls are synchronous; an implementation never throws for anything the environment
 * code does — it answers with an error instead.
 */
export interface SandboxBackend {
  /** Bumped whenever the realm was replaced after a crash; sessions then re-seed their state. */
  readonly generation: number;
  reset(key: string, seed: number, nowMs: number, stateJson: string | null): ResetAnswer;
  call(key: string, tool: string, argsJson: string, nowMs: number, step: number): CallAnswer;
  /** Puts a session's state back after the host rejected a call's output or state. */
  restore(key: string, stateJson: string): void;
  drop(key: string): void;
  dispose(): void;
}
