import type { z } from "zod";

/** What a running job can do: report progress, notice cancellation, and know who started it. */
export interface JobContext<P> {
  jobId: string;
  workspaceId: string;
  /** The user who started the job; the runner re-checks their access before running. */
  userId: string;
  payload: P;
  /** 1 for the first try; more after a crash or a retried failure. */
  attempt: number;
  /** Aborted when a user cancels the job (or the worker shuts down). */
  signal: AbortSignal;
  /** fraction in [0, 1]; `message` is shown beside the progress bar. */
  progress(fraction: number, message: string): Promise<void>;
}

export interface JobDefinition<P = unknown> {
  kind: string;
  /** A sentence for the jobs list, e.g. "Synthesize environment". */
  title: string;
  payload: z.ZodType<P>;
  maxAttempts?: number;
  run(ctx: JobContext<P>): Promise<unknown>;
  /** Called once when the job has failed for good (no attempts left), e.g. to mark its run failed. */
  onFailed?(info: { workspaceId: string; payload: P; error: string }): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** Thrown by a job that must not be retried (bad input, lost access). */
export class PermanentJobError extends Error {}
