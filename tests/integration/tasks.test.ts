import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopBoss } from "@/lib/server/jobs/boss";
import { type RunningWorker, startWorker } from "@/lib/server/jobs/runner";
import { createEnvironment } from "@/lib/server/services/environments";
import { findGalleryEntry, synthesizeFromSpec } from "@/lib/synthesis";
import * as tasks from "@/lib/server/services/tasks";
import { workspaceWithRoles } from "./support/fixtures";

async function finished(jobId: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.status}: ${job.message}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("task sets", () => {
  let worker: RunningWorker;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let taskSetId: string;

  beforeAll(async () => {
    worker = await startWorker({ concurrency: 1, log: () => undefined });
    ws = await workspaceWithRoles();
    const { pkg } = await synthesizeFromSpec(findGalleryEntry("procurement")!.spec);
    const env = await createEnvironment(
      ws.editor,
      ws.slug,
      { name: "Procurement" },
      { source: pkg.source, tests: pkg.tests, spec: pkg.spec },
      "synthesized",
    );
    const job = await finished(
      (
        await tasks.startTaskGeneration(ws.editor, ws.slug, {
          environmentVersionId: env.version.id,
          name: "First set",
          count: 40,
          seed: 7,
        })
      ).id,
    );
    expect(job.error).toBeNull();
    taskSetId = (job.result as { taskSetId: string }).taskSetId;
  });
  afterAll(async () => {
    await worker.stop();
    await stopBoss();
  });

  it("generation in the worker stores a validated set with all three tiers", async () => {
    const set = await tasks.getTaskSet(ws.viewer, ws.slug, taskSetId);
    const byTier = Object.fromEntries(
      ["easy", "medium", "hard"].map((d) => [
        d,
        set.counts.filter((c) => c.difficulty === d).reduce((n, c) => n + c.count, 0),
      ]),
    );
    expect(byTier.easy! + byTier.medium! + byTier.hard!).toBe(40);
    expect(byTier.easy).toBeGreaterThan(0);
    expect(byTier.medium).toBeGreaterThan(0);
    expect(byTier.hard).toBeGreaterThan(0);
    expect(set.counts.every((c) => c.status === "pending")).toBe(true);
  });

  it("the table filters and pages on the server", async () => {
    const hard = await tasks.listTasks(ws.viewer, ws.slug, taskSetId, {
      difficulty: "hard",
      pageSize: "5",
    });
    expect(hard.tasks.length).toBeLessThanOrEqual(5);
    expect(hard.tasks.every((t) => t.difficulty === "hard")).toBe(true);
    const all = await tasks.listTasks(ws.viewer, ws.slug, taskSetId, { pageSize: "200" });
    expect(all.total).toBe(40);
    const tool = all.tasks[0]!.tools[0]!;
    const withTool = await tasks.listTasks(ws.viewer, ws.slug, taskSetId, {
      tool,
      pageSize: "200",
    });
    expect(withTool.tasks.every((t) => t.tools.includes(tool))).toBe(true);
  });

  it("reviewers approve, reject, reword and bulk-update; viewers cannot", async () => {
    const page = await tasks.listTasks(ws.editor, ws.slug, taskSetId, { pageSize: "10" });
    const [first, second, ...rest] = page.tasks;
    await tasks.updateTask(ws.editor, ws.slug, first!.id, { status: "approved" });
    await tasks.updateTask(ws.editor, ws.slug, second!.id, {
      status: "rejected",
      reviewNote: "ambiguous",
    });
    const reworded = await tasks.updateTask(ws.editor, ws.slug, rest[0]!.id, {
      instruction: `Please: ${rest[0]!.instruction}`,
    });
    expect(reworded.instruction).toMatch(/^Please: /);
    const stored = await tasks.getTask(ws.viewer, ws.slug, rest[0]!.id);
    expect((stored.data as { instruction: string }).instruction).toBe(reworded.instruction);
    const bulk = await tasks.bulkUpdateTasks(ws.editor, ws.slug, taskSetId, {
      taskIds: rest.map((t) => t.id),
      status: "approved",
    });
    expect(bulk.updated).toBe(rest.length);
    const approved = await tasks.listTasks(ws.viewer, ws.slug, taskSetId, {
      status: "approved",
      pageSize: "200",
    });
    expect(approved.total).toBe(1 + rest.length);
    await expect(
      tasks.updateTask(ws.viewer, ws.slug, first!.id, { status: "rejected" }),
    ).rejects.toThrow(/this needs editor/);
  });

  it("the reference solution replays step by step with state changes and full reward", async () => {
    const hard = await tasks.listTasks(ws.viewer, ws.slug, taskSetId, {
      difficulty: "hard",
      pageSize: "1",
    });
    const trace = await tasks.referenceTrace(ws.viewer, ws.slug, hard.tasks[0]!.id);
    expect(trace.steps.length).toBeGreaterThanOrEqual(2);
    expect(trace.steps.some((s) => s.patch.length > 0)).toBe(true);
    expect(trace.reward.score).toBe(1);
  });

  it("another workspace's task set is not found", async () => {
    const other = await workspaceWithRoles();
    await expect(tasks.getTaskSet(other.owner, other.slug, taskSetId)).rejects.toThrow(
      /task set not found/,
    );
    await expect(tasks.listTasks(ws.outsider, ws.slug, taskSetId, {})).rejects.toThrow(
      /workspace not found/,
    );
  });
});
