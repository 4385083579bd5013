import "server-only";
import { z } from "zod";
import { loadEnvironment } from "@/lib/runtime";
import type { Task } from "@/lib/tasks";
import type { Episode } from "@/lib/training/episode";
import { evaluate } from "@/lib/training/evaluate";
import { noopPolicy, randomPolicy, referencePolicy } from "@/lib/training/policy/baselines";
import type { Policy } from "@/lib/training/policy/policy";
import type { RunEpisode } from "@/lib/training/metrics";
import { db } from "@/lib/server/db/client";
import { publish } from "@/lib/server/events";
import { insertEpisodes } from "@/lib/server/runs/store";
import { defineJob, PermanentJobError } from "./definition";

export const evaluateRunPayload = z.object({ runId: z.string().uuid() });

function policyFor(name: string, tasks: readonly Task[]): Policy {
  if (name === "noop") return noopPolicy;
  if (name === "random") return randomPolicy();
  if (name === "reference") return referencePolicy(tasks);
  throw new PermanentJobError(`a "${name}" policy cannot run as an evaluation here`);
}

/**
 * An evaluation run (a baseline policy, no learning): every eval task for `trials` trials,
 * clean and under the run's fault profile. Stored as iteration 0 once complete; a retry after a
 * crash starts the evaluation over, so it never stores an episode twice.
 */
export const evaluateRunJob = defineJob({
  kind: "run.evaluate",
  title: "Evaluation run",
  payload: evaluateRunPayload,
  maxAttempts: 3,
  async onFailed({ workspaceId, payload, error }) {
    await db().run.updateMany({
      where: { id: payload.runId, workspaceId },
      data: { status: "failed", error, finishedAt: new Date() },
    });
    await publish({
      workspaceId,
      topic: "run",
      id: payload.runId,
      data: { status: "failed", error },
    });
  },
  async run(ctx) {
    const run = await db().run.findFirst({
      where: { id: ctx.payload.runId, workspaceId: ctx.workspaceId },
      include: { environmentVersion: true },
    });
    if (!run) throw new PermanentJobError("the run no longer exists");
    const config = run.config as {
      trials?: number;
      faultProfile?: string;
      maxSteps?: number;
      seed?: number;
      split?: string;
    };
    const rows = await db().task.findMany({
      where: { taskSetId: run.taskSetId, status: { not: "rejected" } },
      orderBy: { key: "asc" },
    });
    const all = rows.map((row) => row.data as unknown as Task);
    const tasks =
      config.split === "all" ? all : all.filter((t) => t.split === (config.split ?? "eval"));
    if (tasks.length === 0)
      throw new PermanentJobError(
        `the task set has no ${config.split ?? "eval"} tasks to evaluate on`,
      );
    const difficulties = new Map(rows.map((row) => [row.key, row.difficulty]));
    await db().episode.deleteMany({ where: { runId: run.id } });
    await db().iteration.deleteMany({ where: { runId: run.id } });
    await db().run.update({
      where: { id: run.id },
      data: { status: "running", startedAt: new Date(), error: null },
    });
    await publish({
      workspaceId: ctx.workspaceId,
      topic: "run",
      id: run.id,
      data: { status: "running" },
    });

    const env = await loadEnvironment({ source: run.environmentVersion.source });
    const trials = config.trials ?? 4;
    const total =
      tasks.length * trials * (config.faultProfile && config.faultProfile !== "none" ? 2 : 1);
    const episodes: RunEpisode[] = [];
    try {
      const report = await evaluate({
        env,
        tasks,
        policy: policyFor(run.policy, all),
        trials,
        faultProfile: (config.faultProfile ?? "none") as "none",
        maxSteps: config.maxSteps ?? 10,
        seed: config.seed ?? 0,
        onEpisode: async (episode: Episode, condition) => {
          if (ctx.signal.aborted) throw new Error("cancelled");
          episodes.push({
            ...episode,
            iteration: 0,
            phase: "eval",
            faulty: condition === "faulty",
            advantage: null,
          });
          if (episodes.length % 20 === 0)
            await ctx.progress(episodes.length / total, `${episodes.length}/${total} episodes`);
        },
      });
      await db().$transaction(
        async (tx) => {
          await tx.iteration.create({
            data: {
              runId: run.id,
              index: 0,
              metrics: { iteration: 0, eval: report } as unknown as object,
            },
          });
          await insertEpisodes(tx, run.id, episodes, difficulties);
          await tx.run.update({
            where: { id: run.id },
            data: { lastIteration: 0, status: "succeeded", finishedAt: new Date() },
          });
        },
        { timeout: 60_000 },
      );
      await publish({
        workspaceId: ctx.workspaceId,
        topic: "run",
        id: run.id,
        data: { status: "succeeded", iteration: 0 },
      });
      return {
        status: "succeeded",
        successRate: report.clean.successRate,
        faultySuccessRate: report.faulty?.successRate ?? null,
      };
    } catch (error) {
      if (ctx.signal.aborted) {
        await db().run.update({
          where: { id: run.id },
          data: { status: "cancelled", finishedAt: new Date() },
        });
        return { status: "cancelled" };
      }
      await db().run.update({
        where: { id: run.id },
        data: { error: error instanceof Error ? error.message : String(error) },
      });
      throw error;
    } finally {
      env.dispose();
    }
  },
});
