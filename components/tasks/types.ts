import type { JsonValue, RewardBreakdown, StepRecord } from "@/lib/runtime";
import type { GenerateStats, RejectionCode, Task } from "@/lib/tasks";

/** The job kind of task generation (`lib/server/jobs/generate-tasks.ts`). */
export const GENERATE_KIND = "tasks.generate";

export type Difficulty = "easy" | "medium" | "hard";
export type TaskStatus = "pending" | "approved" | "rejected";
export type TaskSplit = "train" | "eval";

export const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];
export const STATUSES: readonly TaskStatus[] = ["pending", "approved", "rejected"];
export const SPLITS: readonly TaskSplit[] = ["train", "eval"];

export const STATUS_TONE = { pending: "neutral", approved: "success", rejected: "danger" } as const;
export const DIFFICULTY_TONE = { easy: "neutral", medium: "accent", hard: "warning" } as const;

/** What the generation job stored beside a set: counts, and a sample of rejected tasks. */
export type SetStats = Partial<GenerateStats> & {
  rejected?: { reason: string; code: RejectionCode; instruction: string }[];
};

export interface TaskSetSummary {
  id: string;
  name: string;
  seed: number;
  createdAt: string;
  environment: { id: string; name: string };
  version: { id: string; number: number };
  taskCount: number;
  statusCounts: Record<TaskStatus, number>;
  stats: SetStats | null;
}

/** A row of the task table (the summary the list endpoint sends). */
export interface TaskRow {
  id: string;
  key: string;
  instruction: string;
  difficulty: Difficulty;
  split: TaskSplit;
  status: TaskStatus;
  tools: string[];
  tags: string[];
  reviewNote: string | null;
}

export interface TaskDetail extends TaskRow {
  taskSetId: string;
  data: Task;
}

export interface ReferenceTrace {
  initialState: JsonValue;
  steps: StepRecord[];
  finalAnswer: string;
  reward: RewardBreakdown;
}

/** Environments offered by the generation form, newest version first. */
export interface EnvironmentChoice {
  id: string;
  name: string;
  versions: { id: string; number: number; message: string }[];
}
