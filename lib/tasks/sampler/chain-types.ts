import type { JsonValue, StepRecord } from "@/lib/runtime";

/** An argument taken from an earlier call's result rather than stated in the instruction. */
export interface Binding {
  /** Index of the earlier call in the chain. */
  step: number;
  /** Output path of the value, e.g. `accounts[].account_id`. */
  via: string;
  /** The element taken at each `[]` of `via`. */
  indices: number[];
  /** The entity the value identifies (`account`), for phrasing. */
  entity: string;
  /** The value is one the earlier call was given, not one it produced. */
  echo?: boolean;
}

export interface PlannedCall {
  tool: string;
  /** Arguments whose values the instruction states. */
  stated: Record<string, JsonValue>;
  /** Arguments resolved from earlier results at execution time. */
  bound: Record<string, Binding>;
  /** The call is expected to fail with this declared error code (error-recovery tasks). */
  trap?: string;
}

/** A chain executed from the episode's seed state: the ground truth a task is built from. */
export interface ExecutedChain {
  episodeSeed: number;
  initialState: JsonValue;
  calls: PlannedCall[];
  /** The concrete arguments each call ran with. */
  args: Record<string, JsonValue>[];
  steps: StepRecord[];
  finalState: JsonValue;
}
