import type { EvaluationReport } from "./evaluate";
import type { Episode } from "./episode";

/**
 * One line of `metrics.jsonl` / one row per iteration. Everything but `timing` is
 * deterministic for a given seed (resume equivalence compares it).
 */
export interface IterationMetrics {
  /** 0-based index of the iteration. */
  iteration: number;
  episodes: number;
  reward: { mean: number; trace: number; state: number; penalty: number };
  success: { all: number; clean: number | null; faulty: number | null };
  /** Share of this iteration's rollouts that ran with faults. */
  faultFraction: number;
  /** Of the rollouts that hit a fault, the share that still succeeded; null when none did. */
  faultRecoveryRate: number | null;
  stepsPerEpisode: number;
  /** Mean entropy per decision (summed over the decision's choices). */
  entropy: number;
  /** The surrogate loss and its gradient norm (before clipping) at the batch's first update. */
  loss: number;
  gradNorm: number;
  /** Share of decisions outside the trust region at the last update (0 with one update). */
  clipFraction: number;
  envSteps: number;
  /** Evaluation on the eval split after this iteration's update, when scheduled. */
  eval: EvaluationReport | null;
  /** `endedAt`: epoch ms when the iteration's work ended, before it was stored. */
  timing: { wallMs: number; rolloutMs: number; envStepsPerSec: number; endedAt: number };
}

/** An episode of a run: a training rollout or an evaluation trial. */
export interface RunEpisode extends Episode {
  iteration: number;
  phase: "train" | "eval";
  faulty: boolean;
  /** The advantage the update gave it (training rollouts only). */
  advantage: number | null;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function rate(episodes: Episode[]): number | null {
  return episodes.length === 0 ? null : mean(episodes.map((e) => Number(e.success)));
}

export function rolloutStats(episodes: RunEpisode[]) {
  const hit = episodes.filter((e) => e.faultsHit > 0);
  return {
    episodes: episodes.length,
    reward: {
      mean: mean(episodes.map((e) => e.reward.score)),
      trace: mean(episodes.map((e) => e.reward.trace)),
      state: mean(episodes.map((e) => e.reward.state)),
      penalty: mean(episodes.map((e) => e.reward.penalty)),
    },
    success: {
      all: rate(episodes) ?? 0,
      clean: rate(episodes.filter((e) => !e.faulty)),
      faulty: rate(episodes.filter((e) => e.faulty)),
    },
    faultRecoveryRate: rate(hit),
    stepsPerEpisode: mean(episodes.map((e) => e.steps.length)),
    envSteps: episodes.reduce((a, e) => a + e.steps.length, 0),
  };
}
