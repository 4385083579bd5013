import "server-only";
import { z } from "zod";
import { loadEnvironment } from "@/lib/runtime";
import { checkpointSchema, type Checkpoint } from "@/lib/training/checkpoint";
import type { IterationMetrics, RunEpisode } from "@/lib/training/metrics";
import { train } from "@/lib/training/train";
import { db } from "@/lib/server/db/client";
import { publish } from "@/lib/server/events";
import { insertEpisodes } from "@/lib/server/runs/store";
import { defineJob, PermanentJobError } from "./definition";
import { loadRun, markRunFailed, markRunRunning } from "./run-state";

export const trainRunPayload = z.object({ runId: z.string().uuid() });

/** Another worker already stored this iteration: this one lost the run and must stop. */
class LostRunError extends PermanentJobError {}

/**
 * Trains the built-in learner for a run. Each iteration's metrics, episodes, steps and the
 * checkpoint are written in one transaction, so a worker that dies at any moment leaves the
 * run at its last completed iteration and the next worker resumes exactly there.
 */
export const trainRunJob = defineJob({
  kind: "run.train",
  title: "Training run",
  payload: trainRunPayload,
  maxAttempts: 5,
  onFailed: markRunFailed,
  async run(ctx) {
    const { run, tasks, difficulties } = await loadRun(ctx.workspaceId, ctx.payload.runId);
    if (run.status === "succeeded" || run.status === "cancelled") return { status: run.status };
    const resumeFrom: Checkpoint | undefined = run.checkpoint
      ? checkpointSchema.parse(run.checkpoint)
      : undefined;

    // Episodes of an iteration that never completed (a crash mid-write is impossible — one
    // transaction — but be strict): nothing beyond the checkpoint may stay.
    await db().episode.deleteMany({
      where: { runId: run.id, iteration: { gt: run.lastIteration } },
    });
    await db().iteration.deleteMany({ where: { runId: run.id, index: { gt: run.lastIteration } } });
    await markRunRunning(ctx.workspaceId, run.id, run.startedAt);

    const config = run.config as Record<string, unknown>;
    const iterations = Number(config.iterations ?? 50);
    const env = await loadEnvironment({ source: run.environmentVersion.source });
    try {
      await ctx.progress(
        Math.max(0, run.lastIteration + 1) / iterations,
        resumeFrom ? `Resuming after iteration ${run.lastIteration + 1}` : "Starting",
      );
      const result = await train({
        env,
        tasks,
        config,
        resumeFrom,
        signal: ctx.signal,
        onIteration: async (
          metrics: IterationMetrics,
          episodes: RunEpisode[],
          checkpoint: Checkpoint,
        ) => {
          await db().$transaction(
            async (tx) => {
              const claimed = await tx.run.updateMany({
                where: { id: run.id, lastIteration: metrics.iteration - 1 },
                data: {
                  lastIteration: metrics.iteration,
                  checkpoint: checkpoint as unknown as object,
                },
              });
              if (claimed.count === 0)
                throw new LostRunError(
                  `iteration ${metrics.iteration} of this run was already stored by another worker`,
                );
              await tx.iteration.create({
                data: {
                  runId: run.id,
                  index: metrics.iteration,
                  metrics: metrics as unknown as object,
                },
              });
              await insertEpisodes(tx, run.id, episodes, difficulties);
            },
            { timeout: 60_000 },
          );
          await publish({
            workspaceId: ctx.workspaceId,
            topic: "run",
            id: run.id,
            data: { status: "running", iteration: metrics.iteration, metrics },
          });
          await ctx.progress(
            (metrics.iteration + 1) / iterations,
            `Iteration ${metrics.iteration + 1}/${iterations}: success ${(metrics.success.all * 100).toFixed(0)}%`,
          );
        },
      });
      const status = result.status === "completed" ? "succeeded" : "cancelled";
      await db().run.update({ where: { id: run.id }, data: { status, finishedAt: new Date() } });
      await publish({ workspaceId: ctx.workspaceId, topic: "run", id: run.id, data: { status } });
      return { status, iterations: result.metrics.length };
    } catch (error) {
      if (!(error instanceof LostRunError)) {
        await db().run.update({
          where: { id: run.id },
          data: { error: error instanceof Error ? error.message : String(error) },
        });
      }
      throw error;
    } finally {
      env.dispose();
    }
  },
});
