import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopBoss } from "@/lib/server/jobs/boss";
import { type RunningWorker, startWorker } from "@/lib/server/jobs/runner";
import { createEnvironment } from "@/lib/server/services/environments";
import { clearLlmSettings, saveLlmSettings } from "@/lib/server/services/llm-settings";
import * as runs from "@/lib/server/services/runs";
import { startTaskGeneration } from "@/lib/server/services/tasks";
import { findGalleryEntry, synthesizeFromSpec } from "@/lib/synthesis";
import {
  type ChatRequest,
  type ScriptedReply,
  startScriptedChatServer,
} from "@/lib/training/testing/scripted-chat-server";
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

/** The run once it has ended, however it ended. */
const runEnded = (runId: string) =>
  waitFor(`run ${runId} to end`, async () => {
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    return ["succeeded", "failed", "cancelled"].includes(run.status) ? run : null;
  });

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

  describe("the LLM agent as an evaluation policy", () => {
    const API_KEY = "sk-scripted-runs-test";
    const LLM_RUN = { policy: "llm", evalTrials: 1, faultProfile: "none", maxSteps: 5 } as const;
    let savedModel: string | undefined;

    beforeAll(() => {
      // The provider's key is stored encrypted with a key derived from this secret.
      process.env.BETTER_AUTH_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
      // "No provider" must mean none: not even the server's ENVF_LLM_* fallback.
      savedModel = process.env.ENVF_LLM_MODEL;
      delete process.env.ENVF_LLM_MODEL;
    });
    afterAll(async () => {
      if (savedModel !== undefined) process.env.ENVF_LLM_MODEL = savedModel;
      await clearLlmSettings(ws.owner, ws.slug);
    });

    const useProvider = (baseUrl: string, model = "scripted-agent") =>
      saveLlmSettings(ws.owner, ws.slug, {
        kind: "openai-compatible",
        baseUrl,
        model,
        apiKey: API_KEY,
      });

    /**
     * The scripted agent, by how many tool results the conversation holds: list the accounts,
     * then look up customer CUS-0001, then answer in text.
     */
    function agent(request: ChatRequest): ScriptedReply {
      const results = request.messages.filter((m) => m.role === "tool").length;
      if (results === 0) return { call: { name: "list_accounts", args: {} } };
      if (results === 1)
        return { call: { name: "get_customer", args: { customer_id: "CUS-0001" } } };
      return { text: "Scripted answer after two calls." };
    }

    it("is refused at launch with no LLM provider, pointing to Settings, and creates no run", async () => {
      await clearLlmSettings(ws.owner, ws.slug);
      const before = await db().run.count({ where: { workspaceId: ws.workspace.id } });
      const error = await runs
        .launchRun(ws.editor, ws.slug, {
          name: "llm without provider",
          environmentVersionId: versionId,
          taskSetId,
          ...LLM_RUN,
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "invalid_input", status: 400 });
      expect((error as Error).message).toMatch(
        /^policy: the LLM agent needs the workspace's LLM provider and none is configured/,
      );
      expect((error as Error).message).toContain("Settings → LLM provider");
      expect(await db().run.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
      expect(await db().run.count({ where: { name: "llm without provider" } })).toBe(0);
    });

    it("evaluates through the real job queue and stores the scripted tool calls as steps", async () => {
      const server = await startScriptedChatServer(agent);
      try {
        await useProvider(server.baseUrl);
        const launched = await runs.launchRun(ws.editor, ws.slug, {
          name: "llm agent",
          environmentVersionId: versionId,
          taskSetId,
          ...LLM_RUN,
        });
        expect(launched.policy).toBe("llm");
        expect(launched.algorithm).toBeNull();
        expect(launched.config).toMatchObject({
          llm: { kind: "openai-compatible", model: "scripted-agent", baseUrl: server.baseUrl },
        });
        expect(JSON.stringify(launched.config)).not.toContain(API_KEY);
        await runDone(launched.id);

        const evalTasks = await db().task.findMany({
          where: { taskSetId, status: { not: "rejected" } },
          select: { key: true, instruction: true, data: true },
        });
        const instructions = new Set(
          evalTasks
            .filter((t) => (t.data as { split?: string }).split === "eval")
            .map((t) => t.instruction),
        );
        expect(instructions.size).toBeGreaterThan(0);

        const page = await runs.listEpisodes(ws.viewer, ws.slug, launched.id, { pageSize: "200" });
        expect(page.total).toBe(instructions.size); // one clean trial per eval task
        expect(page.episodes.every((e) => e.phase === "eval" && e.iteration === 0)).toBe(true);
        for (const row of page.episodes) {
          const episode = await runs.getEpisode(ws.viewer, ws.slug, launched.id, row.id);
          expect(
            episode.steps.map((step) => ({ kind: step.kind, tool: step.tool, args: step.args })),
          ).toEqual([
            { kind: "call", tool: "list_accounts", args: {} },
            { kind: "call", tool: "get_customer", args: { customer_id: "CUS-0001" } },
            {
              kind: "finish",
              tool: null,
              args: { answer: "Scripted answer after two calls." },
            },
          ]);
          // The calls ran in the environment: real observations, not the script's.
          expect(episode.steps[1]!.observation).toMatchObject({
            ok: true,
            result: { customer_id: "CUS-0001" },
          });
          expect(episode.finalAnswer).toBe("Scripted answer after two calls.");
        }

        // Three model turns per episode, each with the stored key, the configured model,
        // the environment's tools and a task's instruction; later turns carry real results.
        expect(server.requests).toHaveLength(3 * page.total);
        for (const request of server.requests) {
          expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
          expect(request.model).toBe("scripted-agent");
          expect(request.tools?.map((t) => t.function.name)).toContain("get_customer");
          expect(instructions.has(request.messages.find((m) => m.role === "user")!.content!)).toBe(
            true,
          );
        }
        const secondTurn = server.requests.find(
          (r) => r.messages.filter((m) => m.role === "tool").length === 1,
        )!;
        const toolResult = JSON.parse(secondTurn.messages.find((m) => m.role === "tool")!.content!);
        expect(toolResult).toMatchObject({ ok: true });

        const run = await runs.getRun(ws.viewer, ws.slug, launched.id);
        expect(run.iterations).toHaveLength(1);
        const report = (run.iterations[0]!.metrics as { eval: { policy: string } }).eval;
        expect(report.policy).toBe("llm:scripted-agent");
      } finally {
        await server.close();
      }
    });

    it("fails the run with a message naming the model endpoint when it cannot be reached", async () => {
      // A port that was just free: nothing listens there.
      const gone = await startScriptedChatServer(agent);
      await gone.close();
      await useProvider(gone.baseUrl);
      const launched = await runs.launchRun(ws.editor, ws.slug, {
        name: "llm unreachable",
        environmentVersionId: versionId,
        taskSetId,
        ...LLM_RUN,
      });
      const run = await runEnded(launched.id);
      expect(run.status).toBe("failed");
      expect(run.error).toContain(`could not reach the model endpoint ${gone.baseUrl}`);
      expect(run.error).toMatch(/Settings → LLM provider/);
      expect(await db().episode.count({ where: { runId: run.id } })).toBe(0);
      // Unreachable is taken as transient: the job system retried it before giving up.
      const job = await db().job.findUniqueOrThrow({ where: { id: run.jobId! } });
      expect(job.status).toBe("failed");
      expect(job.attempts).toBe(job.maxAttempts);
      expect(job.error).toBe(run.error);
    });

    it("fails at once, without retries, when the endpoint rejects the key", async () => {
      const server = await startScriptedChatServer(() => ({
        status: 401,
        error: "invalid API key",
      }));
      try {
        await useProvider(server.baseUrl);
        const launched = await runs.launchRun(ws.editor, ws.slug, {
          name: "llm bad key",
          environmentVersionId: versionId,
          taskSetId,
          ...LLM_RUN,
        });
        const run = await runEnded(launched.id);
        expect(run.status).toBe("failed");
        expect(run.error).toContain(`the model endpoint ${server.baseUrl} rejected the API key`);
        expect(run.error).toContain("invalid API key");
        const job = await db().job.findUniqueOrThrow({ where: { id: run.jobId! } });
        expect(job.attempts).toBe(1);
      } finally {
        await server.close();
      }
    });

    it("a cancelled run stops a model call in flight", async () => {
      const server = await startScriptedChatServer(() => ({ hang: true }));
      try {
        await useProvider(server.baseUrl);
        const launched = await runs.launchRun(ws.editor, ws.slug, {
          name: "llm cancelled",
          environmentVersionId: versionId,
          taskSetId,
          ...LLM_RUN,
        });
        await waitFor("the first model call", async () => server.requests.length > 0);
        await runs.cancelRun(ws.editor, ws.slug, launched.id);
        const run = await runEnded(launched.id);
        expect(run.status).toBe("cancelled");
        expect(server.requests).toHaveLength(1);
      } finally {
        await server.close();
      }
    });
  });
});
