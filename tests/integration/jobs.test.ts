import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopBoss } from "@/lib/server/jobs/boss";
import { type RunningWorker, startWorker } from "@/lib/server/jobs/runner";
import * as jobs from "@/lib/server/services/jobs";
import { workspaceWithRoles } from "./support/fixtures";
import { countJob, flakyJob, testJobs } from "./support/test-jobs";

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const jobRow = (id: string) => db().job.findUniqueOrThrow({ where: { id } });

describe("job queue and worker", () => {
  let worker: RunningWorker;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;

  beforeAll(async () => {
    ws = await workspaceWithRoles();
    worker = await startWorker({
      concurrency: 2,
      definitions: testJobs as never[],
      staleAfterMs: 3000,
      heartbeatMs: 300,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await worker.stop();
    await stopBoss();
  });

  it("runs a job to completion, reporting progress along the way", async () => {
    const job = await jobs.enqueueJob(ws.editor, ws.slug, countJob, { steps: 5, stepMs: 250 });
    expect(job.status).toBe("queued");
    const midway = await waitFor("progress", async () => {
      const row = await jobRow(job.id);
      return row.status === "running" && row.progress > 0 && row.progress < 1 ? row : null;
    });
    expect(midway.message).toMatch(/step \d of 5/);
    const done = await waitFor("success", async () => {
      const row = await jobRow(job.id);
      return row.status === "succeeded" ? row : null;
    });
    expect(done.result).toEqual({ counted: 5 });
    expect(done.progress).toBe(1);
  });

  it("a user can cancel a running job; it stops early and is marked cancelled", async () => {
    const job = await jobs.enqueueJob(ws.editor, ws.slug, countJob, { steps: 200, stepMs: 50 });
    await waitFor("running", async () => (await jobRow(job.id)).status === "running");
    await jobs.cancelJob(ws.editor, ws.slug, job.id);
    const row = await waitFor("cancelled", async () => {
      const r = await jobRow(job.id);
      return r.status === "cancelled" ? r : null;
    });
    expect(row.progress).toBeLessThan(1);
    await expect(jobs.cancelJob(ws.editor, ws.slug, job.id)).rejects.toThrow(
      /already been cancelled/,
    );
  });

  it("a failing job is retried, and succeeds when a later attempt works", async () => {
    const job = await jobs.enqueueJob(ws.editor, ws.slug, flakyJob, { failures: 1 });
    const row = await waitFor("success", async () => {
      const r = await jobRow(job.id);
      return r.status === "succeeded" ? r : null;
    });
    expect(row.attempts).toBe(2);
    expect(row.result).toEqual({ attempt: 2 });
  });

  it("a job that keeps failing ends as failed with its error visible", async () => {
    const job = await jobs.enqueueJob(ws.editor, ws.slug, flakyJob, { failures: 99 });
    const row = await waitFor(
      "failure",
      async () => {
        const r = await jobs.getJob(ws.viewer, ws.slug, job.id);
        return r.status === "failed" ? r : null;
      },
      60_000,
    );
    expect(row.attempts).toBe(3);
    expect(row.error).toBe("boom on attempt 3");
  });

  it("a permanent error is not retried", async () => {
    const job = await jobs.enqueueJob(ws.editor, ws.slug, flakyJob, {
      failures: 1,
      permanent: true,
    });
    const row = await waitFor("failure", async () => {
      const r = await jobRow(job.id);
      return r.status === "failed" ? r : null;
    });
    expect(row.attempts).toBe(1);
    expect(row.error).toBe("input can never work");
  });
});

describe("a worker killed mid-job", () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill("SIGKILL");
    await stopBoss();
  });

  it("loses nothing: another worker picks the job up after the heartbeat goes stale", async () => {
    const ws = await workspaceWithRoles();
    child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/integration/support/test-worker.ts"],
      {
        env: { ...process.env },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((resolve) =>
      child!.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()),
    );
    const job = await jobs.enqueueJob(ws.editor, ws.slug, countJob, { steps: 40, stepMs: 100 });
    await waitFor("the child to run it", async () => {
      const row = await jobRow(job.id);
      return row.status === "running" && row.progress > 0;
    });
    child.kill("SIGKILL");
    const rescuer = await startWorker({
      concurrency: 1,
      definitions: testJobs as never[],
      staleAfterMs: 2000,
      heartbeatMs: 300,
      log: () => undefined,
    });
    try {
      const row = await waitFor(
        "the rescue",
        async () => {
          const r = await jobRow(job.id);
          return r.status === "succeeded" ? r : null;
        },
        60_000,
      );
      expect(row.attempts).toBe(2);
      expect(row.result).toEqual({ counted: 40 });
    } finally {
      await rescuer.stop();
    }
  });
});
