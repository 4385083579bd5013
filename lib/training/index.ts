/** Public API of the training stage: policies, rollouts, GRPO / REINFORCE, evaluation. See README.md. */
export { train, type TrainOptions, type TrainResult } from "./train";
export {
  trainConfigSchema,
  curriculumSchema,
  type TrainConfig,
  type TrainConfigInput,
} from "./config";
export { checkpointSchema, type Checkpoint } from "./checkpoint";
export type { IterationMetrics, RunEpisode } from "./metrics";
export { SUCCESS_THRESHOLD, type Episode, type EpisodeStep, type FaultProfile } from "./episode";
export {
  evaluate,
  type EvaluateOptions,
  type EvaluationReport,
  type ConditionReport,
} from "./evaluate";
export { rollout, rolloutSync, type Rollout, type RolloutOptions } from "./rollout";
export { SessionSet } from "./sessions";
export { TrainingError, type TrainingErrorCode } from "./errors";

export type { Policy, SyncPolicy, PolicyContext, AgentAction, Decision } from "./policy/policy";
export {
  LinearPolicy,
  topFeatures,
  type PolicyWeights,
  type LinearPolicyOptions,
} from "./policy/linear-policy";
export { FEATURES } from "./policy/features";
export { noopPolicy, randomPolicy, referencePolicy } from "./policy/baselines";
export { llmPolicy, type LlmPolicyOptions } from "./policy/llm-policy";
export { chatModel, llmSettingsSchema, type LlmSettings } from "./policy/llm-models";

export { passHatK, passHatKTable } from "./algorithms/pass-hat-k";
export {
  groupAdvantages,
  grpoAdvantages,
  reinforceAdvantages,
  sampleStd,
  STD_EPSILON,
  type BaselineState,
} from "./algorithms/advantages";
export {
  clipGradNorm,
  optimizerStep,
  initialOptimizerState,
  type OptimizerState,
} from "./algorithms/optimizer";
export { Rng, hashSeed } from "./rng";
