import type { JsonPatchOp, JsonValue, Observation, RewardBreakdown } from "@/lib/runtime";
import type { Task } from "@/lib/tasks";
import type { ConditionReport, EvaluationReport } from "@/lib/training/evaluate";
import type { IterationMetrics } from "@/lib/training/metrics";

export type { ConditionReport, EvaluationReport, IterationMetrics, RewardBreakdown };

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type Policy = "learner" | "random" | "noop" | "reference" | "llm";

/** The workspace's LLM provider as the launch form may see it (never the key). */
export interface LlmChoice {
  kind: "openai-compatible" | "anthropic";
  model: string;
  /** "environment": the server's ENVF_LLM_* settings, no workspace provider saved. */
  source: "workspace" | "environment";
}

export const STATUS_TONE = {
  queued: "neutral",
  running: "accent",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
} as const;

export const isActive = (status: RunStatus) => status === "queued" || status === "running";

/** A run as lists and headers show it (dates as ISO strings, ready for the client). */
export interface RunSummary {
  id: string;
  name: string;
  policy: Policy;
  algorithm: string | null;
  status: RunStatus;
  config: Record<string, unknown>;
  lastIteration: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  environment: { id: string; name: string; version: number };
  taskSet: { id: string; name: string };
}

/**
 * One stored iteration. Training stores full `IterationMetrics`; an evaluation run stores only
 * `{ iteration: 0, eval }`, hence the partial.
 */
export type StoredMetrics = Partial<IterationMetrics> & { iteration: number };

export interface IterationPoint {
  index: number;
  metrics: StoredMetrics;
}

export interface RunDetail extends RunSummary {
  iterations: IterationPoint[];
  job: { status: string; progress: number; message: string | null } | null;
}

/** The live event the training job publishes after each iteration and on status changes. */
export interface RunEvent {
  status?: RunStatus;
  iteration?: number;
  metrics?: StoredMetrics;
  error?: string;
}

export interface EpisodeRow {
  id: string;
  iteration: number;
  phase: "train" | "eval";
  taskKey: string;
  difficulty: string;
  trial: number;
  seed: number;
  faultProfile: string;
  reward: number;
  success: boolean;
  faultsHit: number;
  recovered: boolean;
  stepCount: number;
}

export interface FaultInfo {
  kind: string;
  latencyMs?: number;
  retryAfterMs?: number;
  staleFromStep?: number;
}

/** A stored step: a tool call, or the final "finish" decision (`args.answer`). */
export interface StepRow {
  index: number;
  kind: "call" | "finish";
  tool: string | null;
  args: JsonValue | null;
  observation: Observation | null;
  faults: FaultInfo[];
  patch: JsonPatchOp[];
  policy: { logprob: number | null; entropy: number | null } | null;
  clockMs: number;
}

export interface EpisodeDetail extends EpisodeRow {
  components: RewardBreakdown;
  finalAnswer: string | null;
  steps: StepRow[];
  task: { id: string; instruction: string; data: Task } | null;
}

/** A task set the launch form can pick; its environment version comes with it. */
export interface TaskSetChoice {
  id: string;
  name: string;
  taskCount: number;
  environmentVersionId: string;
  environment: string;
  version: number;
}
