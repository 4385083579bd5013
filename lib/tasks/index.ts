/** Public API of QueryGen: tool graph, task sampling, validation. See README.md in this folder. */
export {
  taskSchema,
  checkerSchema,
  goalSchema,
  requiredCallSchema,
  provenanceSchema,
  Difficulty,
  Split,
  difficulties,
  rewardSpecOf,
  type Task,
  type Checker,
} from "./task";
export { TaskError, type TaskErrorCode, type RejectionCode } from "./errors";

export { isKeyName } from "./graph/keys";
export {
  buildToolGraph,
  type ToolGraph,
  type ToolNode,
  type ToolEdge,
  type EdgeMatch,
} from "./graph/tool-graph";
export {
  layoutToolGraph,
  type GraphLayout,
  type LayoutOptions,
  type PositionedNode,
  type PositionedLink,
} from "./graph/layout";

export {
  generateTasks,
  tierTargets,
  DEFAULT_MIX,
  type GenerateOptions,
  type GenerateResult,
  type GenerateStats,
  type GenerateProgress,
  type RejectedTask,
  type TierMix,
} from "./generate";
export { GENERATOR } from "./build/build-task";
export { validateTask, type Validation } from "./validate/validate-task";
export { dedupeTasks, DuplicateFilter } from "./validate/dedupe";
export {
  scoreEpisode,
  runReference,
  runNoop,
  referenceAnswer,
  type EpisodeInput,
  type EpisodeRun,
} from "./validate/episodes";
export { splitOf, EVAL_SHARE } from "./split";
export { refineInstructions, type RewriteContext, type RefineResult } from "./refine";
export { tasksToJsonl, parseTasksJsonl } from "./jsonl";
export { loadTaskEnvironment, GENERATION_LIMITS, type TaskEnvironment } from "./load";
