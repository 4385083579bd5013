import type { Diagnostic } from "./types";

/**
 * A failure of the caller's request to the runtime (bad package, compile error, bad option) —
 * as opposed to an agent's or environment's mistake, which becomes an observation instead.
 */
export class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = "RuntimeError";
  }
}
