import "server-only";
import { z } from "zod";
import { loadEnvironment, type JsonValue } from "@/lib/runtime";
import { GENERATION_LIMITS, generateTasks } from "@/lib/tasks";
import { db } from "@/lib/server/db/client";
import { defineJob, PermanentJobError } from "./definition";

const TIERS = ["easy", "medium", "hard"];

export const generateTasksPayload = z.object({
  environmentVersionId: z.string().uuid(),
  name: z.string().trim().min(1).max(80),
  count: z
    .number()
    .int()
    .min(1, "generate at least one task")
    .max(2000, "at most 2,000 tasks per set"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  mix: z
    .object({ easy: z.number().min(0), medium: z.number().min(0), hard: z.number().min(0) })
    .optional(),
});

/**
 * Generates and validates a task set in the worker. The set is written only when generation
 * finishes: a cancelled or failed job leaves no half-made set behind.
 */
export const generateTasksJob = defineJob({
  kind: "tasks.generate",
  title: "Generate tasks",
  payload: generateTasksPayload,
  maxAttempts: 2,
  async run(ctx) {
    const { payload } = ctx;
    const version = await db().environmentVersion.findFirst({
      where: { id: payload.environmentVersionId, environment: { workspaceId: ctx.workspaceId } },
    });
    if (!version) throw new PermanentJobError("the environment version no longer exists");
    await ctx.progress(0.02, "Loading the environment in the sandbox");
    const env = await loadEnvironment({ source: version.source }, { limits: GENERATION_LIMITS });
    try {
      let lastReport = 0;
      const result = await generateTasks(env, {
        count: payload.count,
        seed: payload.seed,
        mix: payload.mix,
        spec: (version.spec ?? undefined) as JsonValue | undefined,
        signal: ctx.signal,
        onProgress: (p) => {
          if (Date.now() - lastReport < 250) return;
          lastReport = Date.now();
          void ctx.progress(
            0.05 + 0.85 * (p.accepted / p.requested),
            `${p.accepted}/${p.requested} tasks (easy ${p.byTier.easy}, medium ${p.byTier.medium}, hard ${p.byTier.hard}) after ${p.attempts} samples`,
          );
        },
      });
      if (ctx.signal.aborted) return { status: "cancelled" };
      await ctx.progress(0.92, `Saving ${result.tasks.length} tasks`);
      const set = await db().$transaction(async (tx) => {
        const taskSet = await tx.taskSet.create({
          data: {
            workspaceId: ctx.workspaceId,
            environmentVersionId: version.id,
            name: payload.name,
            seed: payload.seed,
            stats: {
              ...result.stats,
              rejected: result.rejected
                .slice(0, 50)
                .map((r) => ({ reason: r.reason, code: r.code, instruction: r.task.instruction })),
            } as object,
            createdById: ctx.userId,
          },
        });
        await tx.task.createMany({
          data: result.tasks.map((task) => ({
            taskSetId: taskSet.id,
            key: task.id,
            instruction: task.instruction,
            difficulty: task.difficulty,
            tier: TIERS.indexOf(task.difficulty),
            split: task.split,
            tags: task.tags,
            tools: [...new Set(task.solution.map((s) => s.tool))],
            data: task as unknown as object,
          })),
        });
        return taskSet;
      });
      return {
        status: "created",
        taskSetId: set.id,
        tasks: result.tasks.length,
        byTier: result.stats.byTier,
        rejected: result.rejected.length,
      };
    } finally {
      env.dispose();
    }
  },
});
