import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { QuickJSBackend } from "@/lib/runtime/sandbox/quickjs-backend";
import { singleToolSource } from "@/lib/runtime/testing";
import type { Task } from "@/lib/tasks";
import { db } from "@/lib/server/db/client";
import { sandboxPool } from "@/lib/server/sandbox";
import {
  checkEnvironmentSource,
  createEnvironment,
  saveEnvironmentVersion,
} from "@/lib/server/services/environments";
import { actInPlayground, startPlayground } from "@/lib/server/services/playground";
import { referenceTrace } from "@/lib/server/services/tasks";
import { workspaceWithRoles } from "./support/fixtures";

/**
 * The web process never evaluates environment code itself: checks on save, the playground and
 * reference traces all run in the sandbox pool's worker threads.
 */
describe("environment code in the web process", () => {
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let environmentId: string;
  let versionId: string;
  /** Any sandbox created in this thread (the app process) would go through this. */
  const inThread = vi.spyOn(QuickJSBackend, "create");

  beforeAll(async () => {
    ws = await workspaceWithRoles();
    const env = await createEnvironment(ws.editor, ws.slug, { name: "Bank", example: "bank" });
    environmentId = env.id;
    versionId = env.version.id;
  });
  afterAll(async () => {
    expect(inThread).not.toHaveBeenCalled();
    inThread.mockRestore();
    await sandboxPool().close();
    (globalThis as { envfPool?: unknown }).envfPool = undefined;
  });

  it("refuses to save code whose top level never finishes, quickly and with a clear error", async () => {
    const looping = singleToolSource("return 1;", { prelude: "while (true) {}" });
    const started = performance.now();
    const error = await saveEnvironmentVersion(ws.editor, ws.slug, environmentId, {
      source: looping,
    }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("ENV_TIMEOUT"),
    });
    expect((error as Error).message).toContain("top-level code ran longer than 50 ms");
    const check = await checkEnvironmentSource(ws.viewer, ws.slug, { source: looping });
    expect(check.ok).toBe(false);
    expect(check.diagnostics[0]).toMatchObject({ code: "ENV_TIMEOUT", severity: "error" });
    const versions = await db().environmentVersion.count({ where: { environmentId } });
    expect(versions).toBe(1);
  });

  it("saves healthy code with its manifest and self-test results", async () => {
    const source = singleToolSource("state.n = (state.n ?? 0) + 1; return state.n;");
    const saved = await saveEnvironmentVersion(ws.editor, ws.slug, environmentId, {
      source,
      message: "counter",
    });
    expect(saved.version.number).toBe(2);
    const stored = await db().environmentVersion.findUniqueOrThrow({
      where: { id: saved.version.id },
    });
    expect((stored.manifest as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual([
      "run",
    ]);
    // The bank's self-tests carried over and fail against the new code, without blocking.
    expect(saved.selfTests.length).toBeGreaterThan(0);
    expect(saved.selfTests.every((t) => !t.passed)).toBe(true);
  });

  it("the playground still works on a healthy environment", async () => {
    const started = await startPlayground(ws.viewer, ws.slug, { versionId, seed: 3 });
    expect(started.state).toMatchObject({ accounts: { acc_alice: { balance: 10_000 } } });
    const call = await actInPlayground(ws.viewer, ws.slug, started.sessionId, {
      action: "call",
      tool: "withdraw",
      args: { account_id: "acc_alice", amount: 2500 },
    });
    expect(call.step.observation).toMatchObject({ ok: true, result: { balance: 7500 } });
    expect(call.state).toMatchObject({ accounts: { acc_alice: { balance: 7500 } } });
    const reset = await actInPlayground(ws.viewer, ws.slug, started.sessionId, {
      action: "reset",
      faults: "flaky",
    });
    expect(reset).toMatchObject({ faults: "flaky", state: started.state });
  });

  it("the reference trace runs in the pool and earns the full reward", async () => {
    const task: Task = {
      id: "withdraw-1",
      instruction: "Withdraw 2500 from Alice's account and report the new balance.",
      difficulty: "easy",
      tags: [],
      split: "train",
      seed: 0,
      solution: [{ tool: "withdraw", args: { account_id: "acc_alice", amount: 2500 } }],
      checker: {
        goals: [{ path: "/accounts/acc_alice/balance", equals: 7500 }],
        requiredCalls: [{ tool: "withdraw", args: { account_id: "acc_alice", amount: 2500 } }],
        requiredOutputs: ["7500"],
        tau: 0.5,
      },
      provenance: {
        generator: "test",
        envName: "bank",
        envVersion: "1.0.0",
        chain: ["withdraw"],
        seed: 0,
      },
    };
    const set = await db().taskSet.create({
      data: {
        workspaceId: ws.workspace.id,
        environmentVersionId: versionId,
        name: "Hand-written",
        seed: 0,
        createdById: ws.editor.userId,
        tasks: {
          create: {
            key: task.id,
            instruction: task.instruction,
            difficulty: task.difficulty,
            split: task.split,
            tags: [],
            tools: ["withdraw"],
            data: task as object,
          },
        },
      },
      include: { tasks: true },
    });
    const trace = await referenceTrace(ws.viewer, ws.slug, set.tasks[0]!.id);
    expect(trace.initialState).toMatchObject({ accounts: { acc_alice: { balance: 10_000 } } });
    expect(trace.steps).toHaveLength(1);
    expect(trace.steps[0]!.observation).toMatchObject({ ok: true, result: { balance: 7500 } });
    expect(trace.steps[0]!.patch.length).toBeGreaterThan(0);
    expect(trace.finalAnswer).toBe("7500");
    expect(trace.reward.score).toBe(1);
  });
});
