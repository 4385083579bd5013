import type { IterationPoint, Policy, RunDetail, RunStatus, RunSummary } from "./types";

type Stamp = Date | string;
const iso = (value: Stamp) => new Date(value).toISOString();

/** The run as the service (server page) or the API (JSON) returns it. */
export interface RunRecord {
  id: string;
  name: string;
  policy: string;
  algorithm: string | null;
  status: string;
  config: unknown;
  lastIteration: number;
  error: string | null;
  createdAt: Stamp;
  startedAt: Stamp | null;
  finishedAt: Stamp | null;
  environmentVersion: { number: number; environment: { id: string; name: string } };
  taskSet: { id: string; name: string };
}

/** Plain, serializable summary for client components (pages and the live refetch share it). */
export function toRunSummary(run: RunRecord): RunSummary {
  return {
    id: run.id,
    name: run.name,
    policy: run.policy as Policy,
    algorithm: run.algorithm,
    status: run.status as RunStatus,
    config: (run.config ?? {}) as Record<string, unknown>,
    lastIteration: run.lastIteration,
    error: run.error,
    createdAt: iso(run.createdAt),
    startedAt: run.startedAt ? iso(run.startedAt) : null,
    finishedAt: run.finishedAt ? iso(run.finishedAt) : null,
    environment: {
      id: run.environmentVersion.environment.id,
      name: run.environmentVersion.environment.name,
      version: run.environmentVersion.number,
    },
    taskSet: run.taskSet,
  };
}

export function toRunDetail(
  run: RunRecord & {
    iterations: { index: number; metrics: unknown }[];
    job: { status: string; progress: number; message: string | null } | null;
  },
): RunDetail {
  return {
    ...toRunSummary(run),
    iterations: run.iterations.map(
      (i) => ({ index: i.index, metrics: i.metrics }) as IterationPoint,
    ),
    job: run.job
      ? { status: run.job.status, progress: run.job.progress, message: run.job.message }
      : null,
  };
}
