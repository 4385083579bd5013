import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { invalidInput, notFound } from "@/lib/server/errors";
import { publish } from "@/lib/server/events";
import { evaluateRunJob } from "@/lib/server/jobs/evaluate-run";
import { trainRunJob } from "@/lib/server/jobs/train-run";
import { cancelJob, enqueueJob } from "@/lib/server/services/jobs";
import { getLlmSettings } from "@/lib/server/services/llm-settings";
import { idOrNotFound, parseInput } from "@/lib/server/validation";
import { MAX_EPISODE_STEPS } from "@/lib/training/episode";

const profile = z.enum(["none", "flaky", "hostile"], {
  error: "fault profile must be none, flaky or hostile",
});

/**
 * The launch form. Learner runs train; the baselines and the LLM agent (the workspace's LLM
 * provider through tool calling) run an evaluation, with no weight updates.
 */
export const launchRunInput = z.object({
  name: z.string().trim().min(1, "name the run").max(80),
  environmentVersionId: z.string(),
  taskSetId: z.string(),
  policy: z.enum(["learner", "random", "noop", "reference", "llm"], {
    error: "policy must be learner, random, noop, reference or llm",
  }),
  algorithm: z.enum(["grpo", "reinforce"]).default("grpo"),
  iterations: z.number().int().min(1).max(1000).default(50),
  groupSize: z.number().int().min(1).max(64).default(8),
  tasksPerIteration: z.number().int().min(1).max(256).default(8),
  learningRate: z.number().positive().max(10).default(0.1),
  entropyCoef: z.number().min(0).max(1).default(0.01),
  drGrpo: z.boolean().default(false),
  faultProfile: profile.default("none"),
  faultFraction: z.number().min(0).max(1).default(0),
  curriculum: z.boolean().default(false),
  evalEvery: z.number().int().min(0).max(1000).default(10),
  evalTrials: z.number().int().min(1).max(32).default(4),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  maxSteps: z.number().int().min(1).max(MAX_EPISODE_STEPS).default(10),
});

export const episodeFilterInput = z.object({
  iteration: z.coerce.number().int().min(0).optional(),
  phase: z.enum(["train", "eval"]).optional(),
  success: z.enum(["true", "false"]).optional(),
  faultHit: z.enum(["true", "false"]).optional(),
  task: z.string().max(200).optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const runSummary = {
  id: true,
  name: true,
  policy: true,
  algorithm: true,
  status: true,
  config: true,
  lastIteration: true,
  error: true,
  jobId: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  taskSetId: true,
  environmentVersion: {
    select: { id: true, number: true, environment: { select: { id: true, name: true } } },
  },
  taskSet: { select: { id: true, name: true } },
} as const;

async function runIn(workspaceId: string, runId: string) {
  const run = await db().run.findFirst({
    where: { id: idOrNotFound(runId, "run"), workspaceId },
    select: runSummary,
  });
  if (!run) throw notFound("run");
  return run;
}

export async function launchRun(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(launchRunInput, input);
  const taskSet = await db().taskSet.findFirst({
    where: { id: idOrNotFound(data.taskSetId, "task set"), workspaceId: access.workspace.id },
    select: { id: true, environmentVersionId: true },
  });
  if (!taskSet) throw notFound("task set");
  if (
    taskSet.environmentVersionId !== idOrNotFound(data.environmentVersionId, "environment version")
  ) {
    throw invalidInput(
      "the task set was generated for another environment version; choose its version (tasks are checked against that code)",
    );
  }
  const { name, environmentVersionId, taskSetId, policy, curriculum, ...settings } = data;
  // The LLM agent needs a provider; refuse now rather than queue a run that can only fail.
  const llm = policy === "llm" ? await getLlmSettings(actor, slug) : null;
  if (policy === "llm" && !llm) {
    const message =
      "the LLM agent needs the workspace's LLM provider and none is configured: an owner can set one in Settings → LLM provider";
    throw invalidInput(`policy: ${message}`, [{ path: "policy", message }]);
  }
  const config =
    policy === "learner"
      ? { ...settings, curriculum: { enabled: curriculum } }
      : {
          trials: settings.evalTrials,
          faultProfile: settings.faultProfile,
          maxSteps: settings.maxSteps,
          seed: settings.seed,
          split: "eval",
          // Which model was configured at launch (never the key); the job uses the provider
          // configured when it runs, and its report names the model it called.
          ...(llm ? { llm: { kind: llm.kind, model: llm.model, baseUrl: llm.baseUrl } } : {}),
        };
  const run = await db().run.create({
    data: {
      workspaceId: access.workspace.id,
      environmentVersionId,
      taskSetId,
      name,
      policy,
      algorithm: policy === "learner" ? settings.algorithm : null,
      config,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  const job = await enqueueJob(actor, slug, policy === "learner" ? trainRunJob : evaluateRunJob, {
    runId: run.id,
  });
  await db().run.update({ where: { id: run.id }, data: { jobId: job.id } });
  return runIn(access.workspace.id, run.id);
}

export async function listRuns(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "read");
  return db().run.findMany({
    where: { workspaceId: access.workspace.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: runSummary,
  });
}

/** A run with every iteration's metrics (small: one row per iteration). */
export async function getRun(actor: Actor, slug: string, runId: string) {
  const access = await authorize(actor, { slug }, "read");
  const run = await runIn(access.workspace.id, runId);
  const iterations = await db().iteration.findMany({
    where: { runId: run.id },
    orderBy: { index: "asc" },
    select: { index: true, metrics: true, createdAt: true },
  });
  const job = run.jobId
    ? await db().job.findUnique({
        where: { id: run.jobId },
        select: { status: true, progress: true, message: true, attempts: true },
      })
    : null;
  return { ...run, iterations, job };
}

export async function cancelRun(actor: Actor, slug: string, runId: string) {
  const access = await authorize(actor, { slug }, "edit");
  const run = await runIn(access.workspace.id, runId);
  if (!run.jobId) throw invalidInput("this run has no job to cancel");
  const job = await cancelJob(actor, slug, run.jobId);
  if (job.status === "cancelled") {
    await db().run.update({
      where: { id: run.id },
      data: { status: "cancelled", finishedAt: new Date() },
    });
    await publish({
      workspaceId: access.workspace.id,
      topic: "run",
      id: run.id,
      data: { status: "cancelled" },
    });
  }
  return runIn(access.workspace.id, run.id);
}

/** One page of a run's episodes (summaries), filtered on the server. */
export async function listEpisodes(actor: Actor, slug: string, runId: string, query: unknown) {
  const access = await authorize(actor, { slug }, "read");
  const run = await runIn(access.workspace.id, runId);
  const f = parseInput(episodeFilterInput, query);
  const where: Prisma.EpisodeWhereInput = {
    runId: run.id,
    iteration: f.iteration,
    phase: f.phase,
    difficulty: f.difficulty,
    ...(f.success ? { success: f.success === "true" } : {}),
    ...(f.faultHit ? { faultsHit: f.faultHit === "true" ? { gt: 0 } : 0 } : {}),
    ...(f.task ? { taskKey: { contains: f.task } } : {}),
  };
  const [total, episodes] = await Promise.all([
    db().episode.count({ where }),
    db().episode.findMany({
      where,
      orderBy: [
        { iteration: "desc" },
        { phase: "asc" },
        { taskKey: "asc" },
        { faultProfile: "asc" },
        { trial: "asc" },
      ],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true,
        iteration: true,
        phase: true,
        taskKey: true,
        difficulty: true,
        trial: true,
        seed: true,
        faultProfile: true,
        reward: true,
        success: true,
        faultsHit: true,
        recovered: true,
        stepCount: true,
      },
    }),
  ]);
  return { total, page: f.page, pageSize: f.pageSize, episodes };
}

/** An episode with all its steps and the task it ran, for the replay viewer. */
export async function getEpisode(actor: Actor, slug: string, runId: string, episodeId: string) {
  const access = await authorize(actor, { slug }, "read");
  const run = await runIn(access.workspace.id, runId);
  const episode = await db().episode.findFirst({
    where: { id: idOrNotFound(episodeId, "episode"), runId: run.id },
    include: { steps: { orderBy: { index: "asc" } } },
  });
  if (!episode) throw notFound("episode");
  const task = await db().task.findFirst({
    where: { taskSetId: run.taskSetId, key: episode.taskKey },
    select: { id: true, instruction: true, data: true },
  });
  return { ...episode, task };
}

/** Two runs side by side: their metric curves and the success difference per task. */
export async function compareRuns(actor: Actor, slug: string, runIdA: string, runIdB: string) {
  const access = await authorize(actor, { slug }, "read");
  const [a, b] = await Promise.all([
    runIn(access.workspace.id, runIdA),
    runIn(access.workspace.id, runIdB),
  ]);
  const curves = async (runId: string) =>
    db().iteration.findMany({
      where: { runId },
      orderBy: { index: "asc" },
      select: { index: true, metrics: true },
    });
  const successByTask = async (runId: string, lastIteration: number) => {
    const rows = await db().$queryRaw<{ taskKey: string; success: number; episodes: bigint }[]>`
      select "taskKey", avg(case when success then 1.0 else 0.0 end)::float as success, count(*) as episodes
      from episode where "runId" = ${runId}::uuid and phase = 'eval' and iteration = ${lastIteration}
      group by "taskKey"`;
    return new Map(rows.map((r) => [r.taskKey, r.success]));
  };
  const [curvesA, curvesB, successA, successB] = await Promise.all([
    curves(a.id),
    curves(b.id),
    successByTask(a.id, a.lastIteration),
    successByTask(b.id, b.lastIteration),
  ]);
  const keys = [...new Set([...successA.keys(), ...successB.keys()])].sort();
  return {
    a: { ...a, iterations: curvesA },
    b: { ...b, iterations: curvesB },
    tasks: keys.map((key) => ({
      taskKey: key,
      a: successA.get(key) ?? null,
      b: successB.get(key) ?? null,
      diff: (successB.get(key) ?? 0) - (successA.get(key) ?? 0),
    })),
  };
}
