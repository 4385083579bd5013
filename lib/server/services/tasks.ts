import "server-only";
import { z } from "zod";
import type { Manifest } from "@/lib/runtime";
import {
  buildToolGraph,
  GENERATION_LIMITS,
  layoutToolGraph,
  referenceAnswer,
  scoreEpisode,
  type Task,
} from "@/lib/tasks";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { sandboxPool } from "@/lib/server/sandbox";
import { generateTasksJob } from "@/lib/server/jobs/generate-tasks";
import { findVersionInWorkspace } from "@/lib/server/services/environments";
import { enqueueJob } from "@/lib/server/services/jobs";
import { idOrNotFound, parseInput } from "@/lib/server/validation";

export const taskFilterInput = z.object({
  difficulty: z.enum(["easy", "medium", "hard"]).optional(),
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  split: z.enum(["train", "eval"]).optional(),
  tool: z.string().optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const taskUpdateInput = z.object({
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  instruction: z
    .string()
    .trim()
    .min(5, "an instruction needs at least 5 characters")
    .max(4000)
    .optional(),
  reviewNote: z.string().max(2000).nullable().optional(),
});

export const bulkUpdateInput = z.object({
  taskIds: z.array(z.string()).min(1, "select at least one task").max(1000),
  status: z.enum(["pending", "approved", "rejected"]),
});

async function taskSetIn(workspaceId: string, taskSetId: string) {
  const set = await db().taskSet.findFirst({
    where: { id: idOrNotFound(taskSetId, "task set"), workspaceId },
    include: {
      environmentVersion: {
        select: { id: true, number: true, environment: { select: { id: true, name: true } } },
      },
    },
  });
  if (!set) throw notFound("task set");
  return set;
}

export async function listTaskSets(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "read");
  const sets = await db().taskSet.findMany({
    where: { workspaceId: access.workspace.id },
    orderBy: { createdAt: "desc" },
    include: {
      environmentVersion: {
        select: { id: true, number: true, environment: { select: { id: true, name: true } } },
      },
      _count: { select: { tasks: true } },
    },
  });
  // Review progress per set: one grouped count for the whole list.
  const groups = await db().task.groupBy({
    by: ["taskSetId", "status"],
    where: { taskSet: { workspaceId: access.workspace.id } },
    _count: { _all: true },
  });
  const byStatus = (setId: string, status: string) =>
    groups.find((g) => g.taskSetId === setId && g.status === status)?._count._all ?? 0;
  return sets.map(({ _count, ...set }) => ({
    ...set,
    taskCount: _count.tasks,
    statusCounts: {
      pending: byStatus(set.id, "pending"),
      approved: byStatus(set.id, "approved"),
      rejected: byStatus(set.id, "rejected"),
    },
  }));
}

export async function startTaskGeneration(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const payload = parseInput(generateTasksJob.payload, input);
  await findVersionInWorkspace(access.workspace.id, payload.environmentVersionId);
  return enqueueJob(actor, slug, generateTasksJob, payload);
}

/** A set with its counts per difficulty and status. */
export async function getTaskSet(actor: Actor, slug: string, taskSetId: string) {
  const access = await authorize(actor, { slug }, "read");
  const set = await taskSetIn(access.workspace.id, taskSetId);
  const groups = await db().task.groupBy({
    by: ["difficulty", "status"],
    where: { taskSetId: set.id },
    _count: { _all: true },
  });
  const counts = groups.map((g) => ({
    difficulty: g.difficulty,
    status: g.status,
    count: g._count._all,
  }));
  const tools = await db().$queryRaw<
    { tool: string }[]
  >`select distinct unnest(tools) as tool from task where "taskSetId" = ${set.id}::uuid order by 1`;
  return { ...set, counts, tools: tools.map((t) => t.tool) };
}

/** One page of a set's tasks (summaries; the full task is loaded one at a time). */
export async function listTasks(actor: Actor, slug: string, taskSetId: string, query: unknown) {
  const access = await authorize(actor, { slug }, "read");
  const set = await taskSetIn(access.workspace.id, taskSetId);
  const f = parseInput(taskFilterInput, query);
  const where: Prisma.TaskWhereInput = {
    taskSetId: set.id,
    difficulty: f.difficulty,
    status: f.status,
    split: f.split,
    ...(f.tool ? { tools: { has: f.tool } } : {}),
    ...(f.q ? { instruction: { contains: f.q, mode: "insensitive" } } : {}),
  };
  const [total, tasks] = await Promise.all([
    db().task.count({ where }),
    db().task.findMany({
      where,
      orderBy: [{ tier: "asc" }, { key: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true,
        key: true,
        instruction: true,
        difficulty: true,
        split: true,
        status: true,
        tools: true,
        tags: true,
        reviewNote: true,
      },
    }),
  ]);
  return { total, page: f.page, pageSize: f.pageSize, tasks };
}

async function taskIn(workspaceId: string, taskId: string) {
  const task = await db().task.findFirst({
    where: { id: idOrNotFound(taskId, "task"), taskSet: { workspaceId } },
  });
  if (!task) throw notFound("task");
  return task;
}

export async function getTask(actor: Actor, slug: string, taskId: string) {
  const access = await authorize(actor, { slug }, "read");
  return taskIn(access.workspace.id, taskId);
}

/** Review: approve, reject, or edit the wording. The checker never changes with the wording. */
export async function updateTask(actor: Actor, slug: string, taskId: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(taskUpdateInput, input);
  const task = await taskIn(access.workspace.id, taskId);
  const stored = task.data as unknown as Task;
  return db().task.update({
    where: { id: task.id },
    data: {
      ...data,
      ...(data.instruction ? { data: { ...stored, instruction: data.instruction } as object } : {}),
    },
    select: {
      id: true,
      key: true,
      instruction: true,
      difficulty: true,
      split: true,
      status: true,
      tools: true,
      tags: true,
      reviewNote: true,
    },
  });
}

export async function bulkUpdateTasks(
  actor: Actor,
  slug: string,
  taskSetId: string,
  input: unknown,
) {
  const access = await authorize(actor, { slug }, "edit");
  const set = await taskSetIn(access.workspace.id, taskSetId);
  const data = parseInput(bulkUpdateInput, input);
  const ids = data.taskIds.map((id) => idOrNotFound(id, "task"));
  const { count } = await db().task.updateMany({
    where: { id: { in: ids }, taskSetId: set.id },
    data: { status: data.status },
  });
  return { updated: count };
}

/**
 * The reference solution, executed in the sandbox (a worker of the pool, never this process)
 * from the task's initial state, step by step with each step's state change and the reward it
 * earns (scored here from the recorded steps).
 */
export async function referenceTrace(actor: Actor, slug: string, taskId: string) {
  const access = await authorize(actor, { slug }, "read");
  const task = await taskIn(access.workspace.id, taskId);
  const set = await db().taskSet.findUniqueOrThrow({
    where: { id: task.taskSetId },
    include: { environmentVersion: true },
  });
  const data = task.data as unknown as Task;
  const episode = await sandboxPool().runEpisode(set.environmentVersion.source, {
    seed: data.seed,
    initialState: data.initialState,
    actions: data.solution,
    faults: "none",
    limits: GENERATION_LIMITS,
  });
  const finalAnswer = referenceAnswer(data);
  const reward = scoreEpisode(data, {
    steps: episode.steps,
    finalState: episode.finalState,
    finalAnswer,
  });
  return { initialState: episode.initialState, steps: episode.steps, finalAnswer, reward };
}

/** The tool-dependency graph of an environment version, laid out for drawing. */
export async function toolGraph(actor: Actor, slug: string, versionId: string) {
  const access = await authorize(actor, { slug }, "read");
  const version = await findVersionInWorkspace(access.workspace.id, versionId);
  const graph = buildToolGraph(version.manifest as unknown as Manifest);
  return { graph, layout: layoutToolGraph(graph) };
}
