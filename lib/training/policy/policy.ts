import type { JsonValue, StepRecord, ToolManifest } from "@/lib/runtime";
import type { Rng } from "../rng";
import type { Factor } from "./softmax";

/** What an agent sees before each decision. Never the task's solution or checker. */
export interface PolicyContext {
  taskId: string;
  instruction: string;
  environment: { name: string; description: string };
  tools: readonly ToolManifest[];
  /** This episode's steps so far (runtime records, oldest first). */
  steps: readonly StepRecord[];
  maxSteps: number;
}

export type AgentAction =
  | { kind: "call"; tool: string; args: Record<string, JsonValue> }
  | { kind: "finish"; answer: string };

/** A decision with what learners and viewers need to know about how it was taken. */
export interface Decision {
  action: AgentAction;
  /** log π(action | context); null for policies without a distribution (LLM, scripted). */
  logprob: number | null;
  /** Sum of the entropies of the choices made for this action (tool, then each argument). */
  entropy: number | null;
  /** The learner's choices (features of every candidate), for the update; never serialised. */
  factors?: Factor[];
}

/** An agent. Synchronous policies run on the fast path (`stepSync`); others are awaited. */
export interface Policy {
  readonly name: string;
  act(context: PolicyContext, rng: Rng): Decision | Promise<Decision>;
}

export interface SyncPolicy extends Policy {
  act(context: PolicyContext, rng: Rng): Decision;
}
