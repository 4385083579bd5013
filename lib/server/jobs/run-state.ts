import "server-only";
import type { Task } from "@/lib/tasks";
import { db } from "@/lib/server/db/client";
import { publish } from "@/lib/server/events";
import { PermanentJobError } from "./definition";

/** What the training and evaluation jobs share about the run they execute. */

/** `onFailed` of a run job: the run shows the error, live. */
export async function markRunFailed({
  workspaceId,
  payload,
  error,
}: {
  workspaceId: string;
  payload: { runId: string };
  error: string;
}): Promise<void> {
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
}

/** The run with its environment version, and the tasks of its set that were not rejected. */
export async function loadRun(workspaceId: string, runId: string) {
  const run = await db().run.findFirst({
    where: { id: runId, workspaceId },
    include: { environmentVersion: true },
  });
  if (!run) throw new PermanentJobError("the run no longer exists");
  const rows = await db().task.findMany({
    where: { taskSetId: run.taskSetId, status: { not: "rejected" } },
    orderBy: { key: "asc" },
  });
  return {
    run,
    tasks: rows.map((row) => row.data as unknown as Task),
    difficulties: new Map(rows.map((row) => [row.key, row.difficulty])),
  };
}

/** Marks the run running (keeping its first start time) and says so live. */
export async function markRunRunning(
  workspaceId: string,
  runId: string,
  startedAt: Date | null,
): Promise<void> {
  await db().run.update({
    where: { id: runId },
    data: { status: "running", startedAt: startedAt ?? new Date(), error: null },
  });
  await publish({ workspaceId, topic: "run", id: runId, data: { status: "running" } });
}
