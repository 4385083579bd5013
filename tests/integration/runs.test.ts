import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopBoss } from "@/lib/server/jobs/boss";
import { type RunningWorker, startWorker } from "@/lib/server/jobs/runner";
import { createEnvironment } from "@/lib/server/services/environments";
import * as runs from "@/lib/server/services/runs";
import { startTaskGeneration } from "@/lib/server/services/tasks";
import { findGalleryEntry, synthesizeFromSpec } from "@/lib/synthesis";
import { workspaceWithRoles } from "./support/fixtures";

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const runDone = (runId: string) =>
  waitFor(`run ${runId}`, async () => {
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    if (run.status === "failed") throw new Error(`run failed: ${run.error}`);
    return run.status === "succeeded" ? run : null;
  });

const TRAIN = {
  policy: "learner",
  algorithm: "grpo",
  iterations: 8,
  groupSize: 4,
  tasksPerIteration: 4,
  faultProfile: "flaky",
  faultFraction: 0.5,
  evalEvery: 4,
  evalTrials: 2,
  seed: 11,
} as const;

/** What must not change when a run is interrupted and resumed: everything but wall-clock timing. */
async function fingerprint(runId: string) {
  const iterations = await db().iteration.findMany({ where: { runId }, orderBy: { index: "asc" } });
  const episodes = await db().episode.findMany({
    where: { runId },
    orderBy: [
      { iteration: "asc" },
      { phase: "asc" },
      { taskKey: "asc" },
      { faultProfile: "asc" },
      { trial: "asc" },
    ],
    select: {
      iteration: true,
      phase: true,
      taskKey: true,
      trial: true,
      faultProfile: true,
      reward: true,
      success: true,
      stepCount: true,
    },
  });
  return {
    metrics: iterations.map((i) => {
      const { timing: _timing, ...rest } = i.metrics as Record<string, unknown>;
      return rest;
    }),
    episodes,
  };
}

describe("runs", () => {
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let versionId: string;
  let taskSetId: string;
  let worker: RunningWorker | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    ws = await workspaceWithRoles();
    const { pkg } = await synthesizeFromSpec(findGalleryEntry("banking")!.spec);
    const env = await createEnvironment(
      ws.editor,
      ws.slug,
      { name: "Banking" },
      { source: pkg.source, tests: pkg.tests, spec: pkg.spec },
      "synthesized",
    );
    versionId = env.version.id;
    worker = await startWorker({ concurrency: 1, log: () => undefined });
    const job = await startTaskGeneration(ws.editor, ws.slug, {
      environmentVersionId: versionId,
      name: "Tasks",
      count: 40,
      seed: 3,
    });
    const done = await waitFor("tasks", async () => {
      const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
      return row.status === "succeeded"
        ? row
        : row.status === "failed"
          ? Promise.reject(new Error(row.error ?? ""))
          : null;
    });
    taskSetId = (done.result as { taskSetId: string }).taskSetId;
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await worker?.stop();
    await stopBoss();
  });

  it("a baseline evaluation run stores its episodes: reference succeeds, noop never does", async () => {
    const reference = await runs.launchRun(ws.editor, ws.slug, {
      name: "reference",
      environmentVersionId: versionId,
      taskSetId,
      policy: "reference",
      evalTrials: 2,
    });
    const noop = await runs.launchRun(ws.editor, ws.slug, {
      name: "noop",
      environmentVersionId: versionId,
      taskSetId,
      policy: "noop",
      evalTrials: 2,
    });
    await runDone(reference.id);
    await runDone(noop.id);
    const ref = await runs.listEpisodes(ws.viewer, ws.slug, reference.id, { pageSize: "200" });
    expect(ref.total).toBeGreaterThan(0);
    expect(ref.episodes.every((e) => e.success)).toBe(true);
    const none = await runs.listEpisodes(ws.viewer, ws.slug, noop.id, { success: "true" });
    expect(none.total).toBe(0);
    const episode = await runs.getEpisode(ws.viewer, ws.slug, reference.id, ref.episodes[0]!.id);
    expect(episode.steps.at(-1)?.kind).toBe("finish");
    expect(episode.task?.instruction).toBeTruthy();
  });

  it("training stores every iteration, and a worker killed mid-run loses and duplicates nothing", async () => {
    // Uninterrupted reference run.
    const straight = await runs.launchRun(ws.editor, ws.slug, {
      name: "straight",
      environmentVersionId: versionId,
      taskSetId,
      ...TRAIN,
    });
    await runDone(straight.id);
    const expected = await fingerprint(straight.id);
    expect(expected.metrics).toHaveLength(TRAIN.iterations);
    expect(expected.episodes.filter((e) => e.phase === "train")).toHaveLength(
      TRAIN.iterations * TRAIN.groupSize * TRAIN.tasksPerIteration,
    );
    await worker!.stop();
    worker = undefined;

    // The same run on a worker process that is SIGKILLed after a few iterations.
    child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/integration/support/test-worker.ts"],
      { env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) =>
      child!.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()),
    );
    const interrupted = await runs.launchRun(ws.editor, ws.slug, {
      name: "interrupted",
      environmentVersionId: versionId,
      taskSetId,
      ...TRAIN,
    });
    await waitFor(
      "a few iterations",
      async () =>
        (await db().run.findUniqueOrThrow({ where: { id: interrupted.id } })).lastIteration >= 2,
    );
    child.kill("SIGKILL");
    const killedAt = (await db().run.findUniqueOrThrow({ where: { id: interrupted.id } }))
      .lastIteration;
    expect(killedAt).toBeLessThan(TRAIN.iterations - 1);

    worker = await startWorker({
      concurrency: 1,
      staleAfterMs: 2000,
      heartbeatMs: 300,
      log: () => undefined,
    });
    await runDone(interrupted.id);
    const resumed = await fingerprint(interrupted.id);
    expect(resumed.metrics).toEqual(expected.metrics);
    expect(resumed.episodes).toEqual(expected.episodes);
    const job = await db().job.findUniqueOrThrow({
      where: { id: (await db().run.findUniqueOrThrow({ where: { id: interrupted.id } })).jobId! },
    });
    expect(job.attempts).toBe(2);
  });

  it("runs of another workspace are not found, and viewers cannot launch", async () => {
    const other = await workspaceWithRoles();
    const list = await runs.listRuns(ws.viewer, ws.slug);
    await expect(runs.getRun(other.owner, other.slug, list[0]!.id)).rejects.toThrow(
      /run not found/,
    );
    await expect(
      runs.launchRun(ws.viewer, ws.slug, {
        name: "x",
        environmentVersionId: versionId,
        taskSetId,
        policy: "noop",
      }),
    ).rejects.toThrow(/this needs editor/);
  });
});
