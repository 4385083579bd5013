/** Public API of EnvGen, the synthesis stage. See README.md in this folder. */
export {
  DomainSpec,
  SPEC_VERSION,
  type Action,
  type Entity,
  type Rule,
  type Step,
  type Effect,
} from "./spec/schema";
export {
  validateSpec,
  parseSpec,
  formatProblems,
  SpecInvalidError,
  type SpecProblem,
  type SpecValidation,
} from "./spec/validate";
export { domainSpecJsonSchema, JSON_SCHEMA_PATH } from "./spec/json-schema";
export { gallery, findGalleryEntry, type GalleryEntry } from "./gallery/index";
export { emitEnvironment, GENERATED_VERSION } from "./compiler/environment-source";
export { synthesizeFromSpec, type SynthesisResult } from "./synthesize";
export type { SynthesisWarning } from "./selftests/build";
export { verifyPackage, describeReport, type VerifyReport } from "./verify";
export { SynthesisError, type SynthesisErrorCode } from "./errors";
export {
  synthesizeFromDescription,
  type DescribeOptions,
  type DescribeResult,
} from "./llm/pipeline";
export { LlmProviderConfig, llmConfigFromEnv, LLM_ENV } from "./llm/config";
export { createChatModel, type ModelSource, type TokenUsage } from "./llm/model";
export type { SynthesisEvent, AttemptRecord } from "./llm/events";
