/** Public API of the environment runtime. See README.md in this folder. */
export type {
  Diagnostic,
  FaultKind,
  FaultRecord,
  JsonPatchOp,
  JsonSchema,
  JsonValue,
  Manifest,
  Observation,
  ObservationError,
  StepRecord,
  ToolManifest,
} from "./types";
export { FaultErrorCode, RuntimeErrorCode } from "./types";
export { RuntimeError } from "./errors";

export { SDK_DTS } from "./sdk/dts.generated";
export { compileEnvironment, type CompileResult } from "./compile/compile";
export { typecheckEnvironment } from "./compile/typecheck";

export {
  loadPackage,
  writePackage,
  PACKAGE_FILES,
  type EnvironmentPackage,
} from "./package/package";
export { compareManifests } from "./package/manifest";
export {
  runSelfTests,
  type SelfTest,
  type SelfTestFile,
  type SelfTestResult,
} from "./package/self-tests";
export { EXAMPLE_NAMES, EXAMPLES_DIR, exampleDir, type ExampleName } from "./examples/index";

export {
  loadEnvironment,
  buildManifest,
  LoadedEnvironment,
  type EnvironmentInput,
} from "./session/environment";
export { createSession } from "./session/inline-session";
export type { Action, InlineSession, Session } from "./session/session";
export {
  DEFAULT_CLOCK_START_MS,
  type ResetOptions,
  type SessionOptions,
} from "./session/session-core";
export { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from "./sandbox/worker-pool";
export { DEFAULT_LIMITS, type SandboxLimits, type SandboxLimitsInput } from "./sandbox/limits";
export type { SandboxBackend, CallAnswer, ResetAnswer } from "./sandbox/backend";

export { diffState, applyPatch, reconstructState, PatchError } from "./state/json-patch";
export { getAtPointer, parsePointer } from "./state/json-pointer";
export { jsonEqual, partialDeepMatch } from "./state/json-equal";

export {
  FAULT_PROFILES,
  FAULT_PROFILE_NAMES,
  resolveFaultConfig,
  type FaultConfig,
  type FaultProfileName,
  type FaultRates,
} from "./faults/profiles";

export {
  computeReward,
  rewardSpecSchema,
  type RewardBreakdown,
  type RewardSpec,
  type EpisodeOutcome,
} from "./reward/reward";
