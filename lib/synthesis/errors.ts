import type { Diagnostic } from "@/lib/runtime";

/** Codes a synthesis failure carries, shown the same way in the CLI, the API and the UI. */
export type SynthesisErrorCode =
  | "SPEC_INVALID"
  | "ENV_BROKEN"
  | "LLM_UNREACHABLE"
  | "LLM_MISCONFIGURED"
  | "LLM_BAD_RESPONSE"
  | "SYNTHESIS_CANCELLED";

/** A synthesis failure a user can act on; `message` starts with the code. */
export class SynthesisError extends Error {
  constructor(
    readonly code: SynthesisErrorCode,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(`${code}: ${message}`);
    this.name = "SynthesisError";
  }
}
