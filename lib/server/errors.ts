/**
 * The one error taxonomy. Every failure a user can act on is an AppError with a stable code
 * (`<kind>:<surface>` style codes are avoided — the code alone says what happened); route
 * handlers, the CLI and the studio show the same code and message.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "job_not_cancellable";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  job_not_cancellable: 409,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const unauthenticated = () => new AppError("unauthenticated", "sign in to continue");
export const invalidInput = (message: string, details?: unknown) =>
  new AppError("invalid_input", message, details);
export const conflict = (message: string) => new AppError("conflict", message);
