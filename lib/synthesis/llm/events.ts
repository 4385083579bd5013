import type { Diagnostic } from "@/lib/runtime";
import type { SynthesisWarning } from "../selftests/build";
import type { SpecProblem } from "../spec/validate";
import type { TokenUsage } from "./model";

/**
 * Progress of one LLM synthesis, streamed to `onEvent` as it happens so the studio can store
 * every attempt and show it live. `attempt` counts from 1 within its stage.
 */
export type SynthesisEvent =
  | {
      stage: "spec";
      attempt: number;
      status: "valid" | "invalid" | "unparseable";
      problems: SpecProblem[];
      tokens: TokenUsage;
      latencyMs: number;
    }
  | { stage: "baseline"; tests: number; warnings: SynthesisWarning[]; latencyMs: number }
  | { stage: "code"; attempt: number; code: string | null; tokens: TokenUsage; latencyMs: number }
  | {
      stage: "verify";
      attempt: number;
      ok: boolean;
      passed: number;
      total: number;
      diagnostics: Diagnostic[];
      failedTests: { name: string; failures: string[] }[];
      /** The feedback sent back to the model. */
      summary: string;
      latencyMs: number;
    }
  | {
      stage: "done";
      status: "published" | "failed";
      attempts: number;
      passed: number;
      total: number;
    };

/** Everything recorded about one code attempt. */
export interface AttemptRecord {
  attempt: number;
  /** The code the model returned (null when the answer held no code block). */
  code: string | null;
  diagnostics: Diagnostic[];
  failedTests: { name: string; failures: string[] }[];
  summary: string;
  passed: number;
  total: number;
  ok: boolean;
  tokens: TokenUsage;
  latencyMs: number;
}
