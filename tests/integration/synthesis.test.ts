import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { stopBoss } from "@/lib/server/jobs/boss";
import { type RunningWorker, startWorker } from "@/lib/server/jobs/runner";
import {
  createDomainFromGallery,
  getDomain,
  saveDomainRevision,
} from "@/lib/server/services/domains";
import { getEnvironment } from "@/lib/server/services/environments";
import { startSynthesis } from "@/lib/server/services/synthesis";
import { workspaceWithRoles } from "./support/fixtures";

async function finished(jobId: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.status}: ${job.message}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("domains and synthesis", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({ concurrency: 1, log: () => undefined });
  });
  afterAll(async () => {
    await worker.stop();
    await stopBoss();
  });

  it("a gallery domain synthesizes offline into a verified environment version", async () => {
    const ws = await workspaceWithRoles();
    const domain = await createDomainFromGallery(ws.editor, ws.slug, { gallery: "banking" });
    const job = await finished(
      (await startSynthesis(ws.editor, ws.slug, domain.id, { mode: "spec" })).id,
    );
    expect(job.error).toBeNull();
    expect(job.status).toBe("succeeded");
    const result = job.result as {
      environmentId: string;
      version: number;
      passed: number;
      total: number;
    };
    expect(result.version).toBe(1);
    expect(result.passed).toBe(result.total);
    const env = await getEnvironment(ws.viewer, ws.slug, result.environmentId);
    expect(env.domain?.id).toBe(domain.id);
    expect(env.versions.map((v) => v.origin)).toEqual(["synthesized"]);

    // Synthesizing again publishes the next version of the same environment.
    const again = await finished(
      (await startSynthesis(ws.editor, ws.slug, domain.id, { mode: "spec" })).id,
    );
    expect((again.result as { version: number }).version).toBe(2);
  });

  it("an invalid spec is refused with every problem and its path, and the domain keeps its revision", async () => {
    const ws = await workspaceWithRoles();
    const domain = await createDomainFromGallery(ws.editor, ws.slug, { gallery: "clinic" });
    const before = await getDomain(ws.editor, ws.slug, domain.id);
    const broken = { ...(before.spec as object), entities: "not a list" };
    const error = await saveDomainRevision(ws.editor, ws.slug, domain.id, {
      spec: broken,
      message: "oops",
    }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("invalid_input");
    const problems = (error as { details: { problems: { path: string; message: string }[] } })
      .details.problems;
    expect(problems.some((p) => p.path.startsWith("entities"))).toBe(true);
    const after = await getDomain(ws.editor, ws.slug, domain.id);
    expect(after.revision).toBe(before.revision);
    expect(after.spec).toEqual(before.spec);
  });

  it("without an LLM provider, synthesis from prose fails with a clear error and publishes nothing", async () => {
    const ws = await workspaceWithRoles();
    const domain = await createDomainFromGallery(ws.editor, ws.slug, { gallery: "helpdesk" });
    const saved = process.env.ENVF_LLM_MODEL;
    delete process.env.ENVF_LLM_MODEL;
    try {
      const job = await finished(
        (await startSynthesis(ws.editor, ws.slug, domain.id, { mode: "llm" })).id,
      );
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/no LLM provider is configured/);
      expect(await db().environment.count({ where: { domainId: domain.id } })).toBe(0);
    } finally {
      if (saved) process.env.ENVF_LLM_MODEL = saved;
    }
  });

  it("viewers cannot start a synthesis", async () => {
    const ws = await workspaceWithRoles();
    const domain = await createDomainFromGallery(ws.editor, ws.slug, { gallery: "flights" });
    await expect(startSynthesis(ws.viewer, ws.slug, domain.id, { mode: "spec" })).rejects.toThrow(
      /this needs editor/,
    );
  });
});
