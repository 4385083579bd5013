import type { SelfTest, SelfTestResult } from "../package/self-tests";
import type { Manifest, ObservationError } from "../types";
import type { SandboxLimits } from "./limits";

/**
 * Messages from the pool to a sandbox worker thread. `env` is the backend's key in the worker
 * (code hash + limits). `load` answers `LoadAnswer`, `inspect` answers `InspectAnswer`, `drop`
 * answers `DropAnswer`; the others answer what the backend answers.
 */
export type WorkerRequest = { id: number } & (
  | { type: "load"; env: string; code: string; limits: SandboxLimits }
  | {
      type: "reset";
      env: string;
      key: string;
      seed: number;
      nowMs: number;
      stateJson: string | null;
    }
  | {
      type: "call";
      env: string;
      key: string;
      tool: string;
      argsJson: string;
      nowMs: number;
      step: number;
    }
  | { type: "restore"; env: string; key: string; stateJson: string }
  | { type: "drop"; env: string; key: string }
  /** Loads code in a throw-away sandbox, derives its manifest and runs self-tests. */
  | { type: "inspect"; code: string; limits: SandboxLimits; tests: SelfTest[] | null }
);

/** `load`: the guest's self-description (the manifest, or why the module is not valid). */
export interface LoadAnswer {
  description: string;
}

/** `drop`: whether the worker freed the environment's sandbox (no session left in it). */
export interface DropAnswer {
  unloaded: boolean;
}

export type InspectAnswer =
  | { ok: true; manifest: Manifest; selfTests?: SelfTestResult[] }
  | { ok: false; error: ObservationError };

/**
 * The worker's reply: the backend's answer and its realm generation after the request.
 * `notLoaded` marks a request for an environment the worker does not hold (it frees idle
 * ones): the pool loads it again and repeats the request.
 */
export type WorkerReply = { id: number; generation: number } & (
  { answer: unknown } | { failure: string; notLoaded?: boolean }
);

/** Posted once by a worker when it is ready for requests (its imports are done). */
export interface WorkerReady {
  ready: true;
}
