import "server-only";
import { hostname } from "node:os";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { publish } from "@/lib/server/events";
import { boss, type Delivery, deliver, QUEUE } from "./boss";
import { type JobDefinition, PermanentJobError } from "./definition";
import { findJobDefinition } from "./registry";
import { jobSummary } from "@/lib/server/services/jobs";

export interface WorkerOptions {
  concurrency: number;
  /** Extra job kinds (tests register their own). */
  definitions?: JobDefinition<never>[];
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this is taken to have lost its worker. */
  staleAfterMs?: number;
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

const RETRY_DELAY_SECONDS = [0, 2, 10, 30];

async function emit(jobId: string) {
  const job = await db().job.findUnique({
    where: { id: jobId },
    select: { ...jobSummary, workspaceId: true },
  });
  if (job) await publish({ workspaceId: job.workspaceId, topic: "job", id: job.id, data: job });
}

/**
 * Requeues a job whose attempt failed, or marks it failed with its error when it has no
 * attempts left (or the error is permanent).
 */
async function retryOrFail(
  jobId: string,
  error: unknown,
  log: (line: string) => void,
  definitions?: JobDefinition<never>[],
) {
  const message = error instanceof Error ? error.message : String(error);
  const job = await db().job.findUnique({ where: { id: jobId } });
  if (!job) return;
  const permanent = error instanceof PermanentJobError;
  if (!permanent && job.attempts < job.maxAttempts && !job.cancelRequested) {
    await db().job.update({
      where: { id: jobId },
      data: {
        status: "queued",
        error: message,
        message: `Attempt ${job.attempts} failed; retrying`,
        workerId: null,
      },
    });
    await deliver(
      jobId,
      RETRY_DELAY_SECONDS[Math.min(job.attempts, RETRY_DELAY_SECONDS.length - 1)],
    );
    log(`job ${jobId} attempt ${job.attempts} failed (${message}); retrying`);
  } else {
    await db().job.update({
      where: { id: jobId },
      data: {
        status: job.cancelRequested ? "cancelled" : "failed",
        error: message,
        message: job.cancelRequested ? "Cancelled" : "Failed",
        finishedAt: new Date(),
      },
    });
    log(`job ${jobId} failed: ${message}`);
    const definition = findJobDefinition(job.kind, definitions);
    const payload = definition?.payload.safeParse(job.payload);
    if (definition?.onFailed && payload?.success && !job.cancelRequested) {
      await definition
        .onFailed({ workspaceId: job.workspaceId, payload: payload.data, error: message })
        .catch((e: Error) => log(`onFailed of ${jobId}: ${e.message}`));
    }
  }
  await emit(jobId);
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const running = new Map<string, AbortController>();
  let shuttingDown = false;

  /** A job interrupted by a worker shutdown is not the job's fault: it runs again elsewhere. */
  async function requeue(jobId: string) {
    await db().job.update({
      where: { id: jobId },
      data: {
        status: "queued",
        workerId: null,
        attempts: { decrement: 1 },
        message: "Worker stopped; waiting for another",
      },
    });
    await deliver(jobId);
    await emit(jobId);
    log(`job ${jobId} requeued (worker stopping)`);
  }
  const b = await boss({ supervise: true });

  async function runJob(jobId: string) {
    // Claim: only one worker runs a job, even if pg-boss delivers it twice.
    const claimed = await db().job.updateManyAndReturn({
      where: { id: jobId, status: "queued", cancelRequested: false },
      data: {
        status: "running",
        workerId,
        heartbeatAt: new Date(),
        startedAt: new Date(),
        attempts: { increment: 1 },
        message: "Starting",
      },
    });
    const job = claimed[0];
    if (!job) return;
    await emit(jobId);
    const definition = findJobDefinition(job.kind, options.definitions);
    const controller = new AbortController();
    running.set(jobId, controller);
    let lastProgressWrite = 0;
    try {
      if (!definition)
        throw new PermanentJobError(`no worker handles job kind "${job.kind}"; upgrade the worker`);
      // The job acts for its creator: they must still be allowed to edit the workspace.
      await authorize(
        { userId: job.createdById, email: "", name: "" },
        { id: job.workspaceId },
        "edit",
      ).catch(() => {
        throw new PermanentJobError(
          "the user who started this job can no longer edit the workspace",
        );
      });
      const payload = definition.payload.parse(job.payload);
      const result = await definition.run({
        jobId,
        workspaceId: job.workspaceId,
        userId: job.createdById,
        payload,
        attempt: job.attempts,
        signal: controller.signal,
        progress: async (fraction, message) => {
          const now = Date.now();
          if (now - lastProgressWrite < 200 && fraction < 1) return;
          lastProgressWrite = now;
          await db().job.update({
            where: { id: jobId },
            data: { progress: Math.max(0, Math.min(1, fraction)), message },
          });
          await emit(jobId);
        },
      });
      if (shuttingDown) return await requeue(jobId);
      const cancelled = controller.signal.aborted;
      await db().job.update({
        where: { id: jobId },
        data: cancelled
          ? { status: "cancelled", message: "Cancelled", finishedAt: new Date() }
          : {
              status: "succeeded",
              progress: 1,
              message: "Done",
              result: (result ?? null) as object,
              error: null,
              finishedAt: new Date(),
            },
      });
      await emit(jobId);
      log(`job ${jobId} (${job.kind}) ${cancelled ? "cancelled" : "succeeded"}`);
    } catch (error) {
      if (shuttingDown) {
        await requeue(jobId);
      } else if (controller.signal.aborted) {
        await db().job.update({
          where: { id: jobId },
          data: { status: "cancelled", message: "Cancelled", finishedAt: new Date() },
        });
        await emit(jobId);
        log(`job ${jobId} cancelled`);
      } else {
        await retryOrFail(jobId, error, log, options.definitions);
      }
    } finally {
      running.delete(jobId);
    }
  }

  // Heartbeat for our jobs, and cancellation requests from users.
  const heartbeat = setInterval(() => {
    void (async () => {
      const ids = [...running.keys()];
      if (ids.length === 0) return;
      await db().job.updateMany({ where: { id: { in: ids } }, data: { heartbeatAt: new Date() } });
      const cancelled = await db().job.findMany({
        where: { id: { in: ids }, cancelRequested: true },
        select: { id: true },
      });
      for (const { id } of cancelled) running.get(id)?.abort(new Error("cancelled by a user"));
    })().catch((error: Error) => log(`heartbeat failed: ${error.message}`));
  }, heartbeatMs);

  // Jobs whose worker died (crash, SIGKILL, lost machine) go back to the queue.
  const reaper = setInterval(
    () => {
      void (async () => {
        const stale = await db().job.findMany({
          where: { status: "running", heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } },
          select: { id: true },
        });
        for (const { id } of stale) {
          const { count } = await db().job.updateMany({
            where: {
              id,
              status: "running",
              heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) },
            },
            data: { status: "queued", workerId: null },
          });
          if (count === 1) {
            const job = await db().job.findUniqueOrThrow({ where: { id } });
            if (job.attempts >= job.maxAttempts || job.cancelRequested) {
              await retryOrFail(
                id,
                new Error("the worker running this job stopped responding"),
                log,
              );
            } else {
              await deliver(id);
              log(`job ${id} lost its worker; requeued`);
              await emit(id);
            }
          }
        }
      })().catch((error: Error) => log(`reaper failed: ${error.message}`));
    },
    Math.max(1000, staleAfterMs / 3),
  );

  const workIds: string[] = [];
  for (let i = 0; i < options.concurrency; i++) {
    workIds.push(
      await b.work<Delivery>(
        QUEUE,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
        async ([delivery]) => {
          if (delivery) await runJob(delivery.data.jobId);
        },
      ),
    );
  }
  log(`worker ${workerId} started (concurrency ${options.concurrency})`);

  return {
    id: workerId,
    async stop() {
      shuttingDown = true;
      clearInterval(heartbeat);
      clearInterval(reaper);
      for (const controller of running.values())
        controller.abort(new Error("worker shutting down"));
      await b.offWork(QUEUE);
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
