import type { FaultConfig, FaultProfileName, RewardBreakdown, StepRecord } from "@/lib/runtime";

/** A runtime step plus how the policy chose it. */
export interface EpisodeStep extends StepRecord {
  policy: { logprob: number | null; entropy: number | null };
}

/**
 * One episode as stored (Postgres `episodes` / `episodes.jsonl`). Steps keep the runtime's
 * records (observation, faults, state patch) so the studio can replay them.
 */
export interface Episode {
  taskId: string;
  /** Which repetition of the task this is (group member in training, trial in evaluation). */
  trial: number;
  /** The environment seed (the task's seed). */
  seed: number;
  /** Seeds the faults this episode met (each trial of a task meets its own). */
  faultSeed: number;
  faultProfile: string;
  steps: EpisodeStep[];
  /** The finish decision; null when the episode ran out of steps. */
  finish: { answer: string; logprob: number | null; entropy: number | null } | null;
  finalAnswer: string;
  reward: RewardBreakdown;
  /** reward.score ≥ SUCCESS_THRESHOLD: every goal, call and output met with no penalty. */
  success: boolean;
  /** Steps where an injected fault (other than pure latency) changed what the agent saw. */
  faultsHit: number;
  /** Hit at least one fault and still succeeded. */
  recoveredFromFault: boolean;
  /** Stopped by the step budget instead of a finish decision. */
  truncated: boolean;
}

/** The most tool calls one episode may make (runs, `envf train` / `envf eval`). */
export const MAX_EPISODE_STEPS = 500;

/** Scores are in [0, 1] and a perfect episode scores exactly 1; the margin absorbs rounding. */
export const SUCCESS_THRESHOLD = 1 - 1e-9;

export type FaultProfile = FaultProfileName | FaultConfig;

export function faultProfileName(profile: FaultProfile): string {
  return typeof profile === "string" ? profile : "custom";
}
