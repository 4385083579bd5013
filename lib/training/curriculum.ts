import type { TrainConfig } from "./config";

export interface CurriculumState {
  faultFraction: number;
  /** Smoothed clean − faulty success gap; null until both were measured. */
  gap: number | null;
}

const GAP_SMOOTHING = 0.7;

export function initialCurriculum(config: TrainConfig): CurriculumState {
  const start =
    config.curriculum.enabled && config.faultFraction === 0
      ? config.curriculum.step
      : config.faultFraction;
  return { faultFraction: start, gap: null };
}

/**
 * Adaptive robustness curriculum: once the policy does about as well with faults as without
 * (the smoothed success gap is under the threshold), expose more rollouts to faults.
 */
export function updateCurriculum(
  state: CurriculumState,
  config: TrainConfig,
  cleanSuccess: number | null,
  faultySuccess: number | null,
): CurriculumState {
  if (!config.curriculum.enabled || cleanSuccess === null || faultySuccess === null) return state;
  const observed = cleanSuccess - faultySuccess;
  const gap =
    state.gap === null ? observed : GAP_SMOOTHING * state.gap + (1 - GAP_SMOOTHING) * observed;
  if (gap >= config.curriculum.gapThreshold) return { ...state, gap };
  const faultFraction = Math.min(
    config.curriculum.maxFraction,
    state.faultFraction + config.curriculum.step,
  );
  // A new level starts with a fresh gap estimate.
  return { faultFraction, gap: faultFraction === state.faultFraction ? gap : null };
}
