import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { AppError, invalidInput, notFound } from "@/lib/server/errors";
import { publish } from "@/lib/server/events";
import { deliver } from "@/lib/server/jobs/boss";
import type { JobDefinition } from "@/lib/server/jobs/definition";
import { idOrNotFound, parseInput } from "@/lib/server/validation";

export const jobSummary = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  message: true,
  error: true,
  attempts: true,
  maxAttempts: true,
  cancelRequested: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** Queues a job in a workspace (editors and owners). Returns its row; the worker picks it up. */
export async function enqueueJob<P>(
  actor: Actor,
  slug: string,
  definition: JobDefinition<P>,
  payload: unknown,
) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(definition.payload, payload);
  const job = await db().job.create({
    data: {
      workspaceId: access.workspace.id,
      kind: definition.kind,
      payload: data as object,
      maxAttempts: definition.maxAttempts ?? 3,
      createdById: actor.userId,
      message: "Queued",
    },
    select: jobSummary,
  });
  await deliver(job.id);
  await publish({ workspaceId: access.workspace.id, topic: "job", id: job.id, data: job });
  return job;
}

export async function listJobs(actor: Actor, slug: string, options: { limit?: number } = {}) {
  const access = await authorize(actor, { slug }, "read");
  return db().job.findMany({
    where: { workspaceId: access.workspace.id },
    select: jobSummary,
    orderBy: { createdAt: "desc" },
    take: Math.min(options.limit ?? 50, 200),
  });
}

export async function getJob(actor: Actor, slug: string, jobId: string) {
  const access = await authorize(actor, { slug }, "read");
  const job = await db().job.findFirst({
    where: { id: idOrNotFound(jobId, "job"), workspaceId: access.workspace.id },
    select: { ...jobSummary, result: true },
  });
  if (!job) throw notFound("job");
  return job;
}

/**
 * Cancels a job. A queued job is cancelled at once; a running one is asked to stop and the
 * worker marks it cancelled when the job notices (within a heartbeat, about a second).
 */
export async function cancelJob(actor: Actor, slug: string, jobId: string) {
  const access = await authorize(actor, { slug }, "edit");
  const id = idOrNotFound(jobId, "job");
  const job = await db().job.findFirst({ where: { id, workspaceId: access.workspace.id } });
  if (!job) throw notFound("job");
  if (job.status !== "queued" && job.status !== "running") {
    throw new AppError(
      "job_not_cancellable",
      `the job has already ${job.status === "cancelled" ? "been cancelled" : job.status}`,
    );
  }
  const updated = await db().job.update({
    where: { id },
    data:
      job.status === "queued"
        ? {
            status: "cancelled",
            cancelRequested: true,
            finishedAt: new Date(),
            message: "Cancelled",
          }
        : { cancelRequested: true, message: "Cancelling…" },
    select: jobSummary,
  });
  await publish({ workspaceId: access.workspace.id, topic: "job", id, data: updated });
  return updated;
}

export function assertKnownKind(kind: string, known: string[]) {
  if (!known.includes(kind))
    throw invalidInput(`unknown job kind "${kind}"; known kinds: ${known.join(", ")}`);
}
