/** Codes a task-generation failure carries, shown the same way in the CLI, the API and the UI. */
export type TaskErrorCode =
  /** The environment has no tools, or none that a task can use. */
  | "ENV_UNSUPPORTED"
  /** A task does not match the task schema. */
  | "TASK_INVALID"
  /** The caller cancelled generation through its `AbortSignal`. */
  | "GENERATION_CANCELLED"
  /** A generation option is out of range. */
  | "BAD_OPTIONS";

/** A failure the caller of `lib/tasks` can act on; `message` starts with the code. */
export class TaskError extends Error {
  constructor(
    readonly code: TaskErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "TaskError";
  }
}

/** Why a sampled or hand-made task was rejected (counted per code in generation stats). */
export type RejectionCode =
  | "TASK_INVALID"
  | "CHECKS_NOTHING"
  | "VALUE_NOT_IN_INSTRUCTION"
  | "OUTPUT_IN_INSTRUCTION"
  | "NOOP_SCORES"
  | "REFERENCE_FAILS"
  | "DUPLICATE";
