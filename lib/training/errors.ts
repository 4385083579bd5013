/** Training failures a caller can act on; the code shows in the CLI, the API and the UI. */
export type TrainingErrorCode =
  "NO_TRAIN_TASKS" | "NO_TASKS" | "CHECKPOINT_MISMATCH" | "CHECKPOINT_INVALID" | "LLM_FAILED";

export class TrainingError extends Error {
  constructor(
    readonly code: TrainingErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "TrainingError";
  }
}
