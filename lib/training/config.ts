import { z } from "zod";
import { resolveFaultConfig, type FaultConfig, type FaultProfileName } from "@/lib/runtime";
import { MAX_EPISODE_STEPS, type FaultProfile } from "./episode";

const faultProfile = z.custom<FaultProfileName | FaultConfig>(
  (value) => {
    try {
      resolveFaultConfig(value as FaultProfile);
      return value !== undefined;
    } catch {
      return false;
    }
  },
  { message: 'expected a fault profile ("none", "flaky", "hostile") or a fault config' },
);

export const curriculumSchema = z.object({
  enabled: z.boolean().default(false),
  /** Fault fraction added each time the clean/faulty success gap has closed. */
  step: z.number().min(0).max(1).default(0.1),
  maxFraction: z.number().min(0).max(1).default(0.8),
  /** The gap (clean − faulty success, smoothed) counts as closed below this. */
  gapThreshold: z.number().min(0).max(1).default(0.1),
});

/** A training run's settings; every field has a default so `{}` is a valid config. */
export const trainConfigSchema = z.object({
  algorithm: z.enum(["grpo", "reinforce"]).default("grpo"),
  iterations: z.number().int().min(1).default(50),
  /** Rollouts per task per iteration (GRPO's G). */
  groupSize: z.number().int().min(1).default(8),
  tasksPerIteration: z.number().int().min(1).default(16),
  optimizer: z.enum(["adam", "sgd"]).default("adam"),
  learningRate: z.number().positive().default(0.1),
  entropyCoef: z.number().min(0).default(0.01),
  maxGradNorm: z.number().positive().default(1),
  /** Gradient steps per batch of rollouts (GRPO's μ); later steps use the clipped ratio. */
  updateEpochs: z.number().int().min(1).max(32).default(4),
  /** Trust region of the probability ratio (PPO/GRPO's ε). */
  clipEpsilon: z.number().positive().max(1).default(0.2),
  /** Dr. GRPO: no std normalisation of advantages and a constant length normaliser. */
  drGrpo: z.boolean().default(false),
  /** REINFORCE: weight of the old baseline in its moving average. */
  baselineDecay: z.number().min(0).max(1).default(0.9),
  faultProfile: faultProfile.default("none"),
  /** Share of rollouts run with `faultProfile` (the rest run clean). */
  faultFraction: z.number().min(0).max(1).default(0),
  curriculum: curriculumSchema.prefault({}),
  /** Evaluate on the eval split every N iterations (and after the last); 0 never. */
  evalEvery: z.number().int().min(0).default(10),
  evalTrials: z.number().int().min(1).default(4),
  /** Faults for the faulty half of evaluation; default the run's profile, or flaky when none. */
  evalFaultProfile: faultProfile.optional(),
  /** Evaluate by sampling (like training) or by always taking the most likely choice. */
  evalMode: z.enum(["sample", "greedy"]).default("sample"),
  seed: z.number().int().default(0),
  maxSteps: z.number().int().min(1).max(MAX_EPISODE_STEPS).default(10),
});

export type TrainConfig = z.infer<typeof trainConfigSchema>;
export type TrainConfigInput = z.input<typeof trainConfigSchema>;

export function evalFaultProfileOf(config: TrainConfig): FaultProfile {
  return (
    config.evalFaultProfile ?? (config.faultProfile === "none" ? "flaky" : config.faultProfile)
  );
}
