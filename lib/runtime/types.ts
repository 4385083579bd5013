import type { JsonSchema, JsonValue } from "./sdk/index";

export type { JsonSchema, JsonValue };

/** What the agent sees after one tool call. Never a thrown exception. */
export type Observation = { ok: true; result: JsonValue } | { ok: false; error: ObservationError };

export interface ObservationError {
  /** A declared tool error (e.g. `INSUFFICIENT_FUNDS`) or one of {@link RuntimeErrorCode}. */
  code: string;
  message: string;
  /** Set with `RATE_LIMITED`: the virtual milliseconds to wait before retrying. */
  retryAfterMs?: number;
  /** Set with `MALFORMED_RESPONSE` / `TRUNCATED_RESPONSE`: the broken response text. */
  raw?: string;
  /** `ToolError` details, or the schema errors of `INVALID_ARGUMENTS` / `ENV_INVALID_OUTPUT`. */
  details?: JsonValue;
}

/** Error codes produced by the runtime itself rather than by the environment's tools. */
export const RuntimeErrorCode = {
  /** The arguments do not match the tool's input schema. */
  INVALID_ARGUMENTS: "INVALID_ARGUMENTS",
  /** No tool with that name. */
  UNKNOWN_TOOL: "UNKNOWN_TOOL",
  /** The tool threw something other than a `ToolError` (a bug in the environment). */
  ENV_RUNTIME_ERROR: "ENV_RUNTIME_ERROR",
  /** The tool ran past its CPU deadline. */
  ENV_TIMEOUT: "ENV_TIMEOUT",
  /** The sandbox ran out of its memory cap. */
  ENV_OUT_OF_MEMORY: "ENV_OUT_OF_MEMORY",
  /** The result is larger than the output cap. */
  ENV_OUTPUT_TOO_LARGE: "ENV_OUTPUT_TOO_LARGE",
  /** The result is not JSON or does not match the output schema. */
  ENV_INVALID_OUTPUT: "ENV_INVALID_OUTPUT",
  /** The tool left the state unserializable, too large, or not matching the state schema. */
  ENV_INVALID_STATE: "ENV_INVALID_STATE",
  /** Recursion went deeper than the sandbox stack allows. */
  ENV_STACK_OVERFLOW: "ENV_STACK_OVERFLOW",
  /** The sandbox (WASM module or worker thread) died and was replaced. */
  ENV_CRASHED: "ENV_CRASHED",
} as const;
export type RuntimeErrorCode = (typeof RuntimeErrorCode)[keyof typeof RuntimeErrorCode];

/** Error codes produced by fault injection (see `faults/profiles.ts`). */
export const FaultErrorCode = {
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  RATE_LIMITED: "RATE_LIMITED",
  MALFORMED_RESPONSE: "MALFORMED_RESPONSE",
  TRUNCATED_RESPONSE: "TRUNCATED_RESPONSE",
} as const;

/** One RFC 6902 operation. The differ emits add/remove/replace; `applyPatch` accepts all six. */
export type JsonPatchOp =
  | { op: "add" | "replace" | "test"; path: string; value: JsonValue }
  | { op: "remove"; path: string }
  | { op: "move" | "copy"; from: string; path: string };

export type FaultKind =
  | "service_unavailable"
  | "timeout"
  | "rate_limit"
  | "malformed_response"
  | "truncated_response"
  | "stale_read"
  | "latency";

/** A fault injected into one step, recorded so replays and viewers can show it. */
export interface FaultRecord {
  kind: FaultKind;
  /** Virtual latency added to the clock by this fault. */
  latencyMs?: number;
  /** `rate_limit`: the retry-after value given to the agent. */
  retryAfterMs?: number;
  /** `stale_read`: the step whose older result was served instead. */
  staleFromStep?: number;
}

/** Everything recorded about one `session.step` call; byte-identical across identical replays. */
export interface StepRecord {
  /** 0-based index in the episode. */
  index: number;
  tool: string;
  args: JsonValue;
  observation: Observation;
  /** Faults injected into this step (empty when none). */
  faults: FaultRecord[];
  /** RFC 6902 patch from the state before this step to the state after it. */
  patch: JsonPatchOp[];
  /** Virtual clock (epoch ms) at which the tool ran. */
  clockMs: number;
  /** Lines the environment printed with `console.log` during the call (capped). */
  logs?: string[];
}

/** Tool description as listed in a manifest (and sent to agents). */
export interface ToolManifest {
  name: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  /** Declared error codes with explanations. */
  errors: Record<string, string>;
  readOnly: boolean;
}

/** `manifest.json` of an environment package; derivable from the code with `buildManifest`. */
export interface Manifest {
  name: string;
  version: string;
  description: string;
  stateSchema: JsonSchema;
  tools: ToolManifest[];
}

/** Diagnostics from compiling or type-checking environment code (1-based lines and columns). */
export interface Diagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  code: string;
  severity: "error" | "warning" | "info";
}
