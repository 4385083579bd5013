import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { synthesizeJob } from "@/lib/server/jobs/synthesize";
import { enqueueJob } from "@/lib/server/services/jobs";
import { idOrNotFound } from "@/lib/server/validation";

/** Queues a synthesis of a domain's environment (from its spec, or with an LLM from its prose). */
export async function startSynthesis(actor: Actor, slug: string, domainId: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const domain = await db().domain.findFirst({
    where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
    select: { id: true },
  });
  if (!domain) throw notFound("domain");
  const options = (input ?? {}) as Record<string, unknown>;
  return enqueueJob(actor, slug, synthesizeJob, { ...options, domainId: domain.id });
}

/** Synthesis jobs of a domain, newest first, with their attempts. */
export async function listSynthesisJobs(actor: Actor, slug: string, domainId: string) {
  const access = await authorize(actor, { slug }, "read");
  const id = idOrNotFound(domainId, "domain");
  const jobs = await db().job.findMany({
    where: {
      workspaceId: access.workspace.id,
      kind: synthesizeJob.kind,
      payload: { path: ["domainId"], equals: id },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      status: true,
      progress: true,
      message: true,
      error: true,
      result: true,
      payload: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  return jobs;
}

export async function listSynthesisAttempts(actor: Actor, slug: string, jobId: string) {
  const access = await authorize(actor, { slug }, "read");
  return db().synthesisAttempt.findMany({
    where: { jobId: idOrNotFound(jobId, "job"), workspaceId: access.workspace.id },
    orderBy: [{ createdAt: "asc" }],
  });
}
