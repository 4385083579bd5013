import "server-only";
import { z } from "zod";
import {
  describeReport,
  synthesizeFromDescription,
  synthesizeFromSpec,
  SynthesisError,
  verifyPackage,
  type SynthesisEvent,
} from "@/lib/synthesis";
import { db } from "@/lib/server/db/client";
import { publishEnvironmentVersion } from "@/lib/server/services/environments";
import { resolveLlmProvider } from "@/lib/server/services/llm-settings";
import { defineJob, type JobContext, PermanentJobError } from "./definition";

export const synthesizePayload = z.object({
  domainId: z.string().uuid(),
  /** "spec": the offline compiler from the domain's spec; "llm": from its prose description. */
  mode: z.enum(["spec", "llm"]),
  maxAttempts: z.number().int().min(1).max(10).default(3),
});
type Payload = z.infer<typeof synthesizePayload>;

async function loadDomain(ctx: JobContext<Payload>) {
  const domain = await db().domain.findFirst({
    where: { id: ctx.payload.domainId, workspaceId: ctx.workspaceId },
  });
  if (!domain) throw new PermanentJobError("the domain no longer exists");
  return domain;
}

function cancelled(ctx: JobContext<Payload>) {
  return ctx.signal.aborted ? { status: "cancelled", published: false } : null;
}

async function fromSpec(ctx: JobContext<Payload>) {
  const domain = await loadDomain(ctx);
  if (!domain.spec)
    throw new PermanentJobError(
      "this domain has no spec yet: write one (or draft it from the description with an LLM) first",
    );
  await ctx.progress(0.1, "Compiling the spec into environment code");
  const { pkg, warnings } = await synthesizeFromSpec(domain.spec).catch((error: unknown) => {
    throw new PermanentJobError(error instanceof Error ? error.message : String(error));
  });
  if (cancelled(ctx)) return cancelled(ctx);
  await ctx.progress(
    0.5,
    `Verifying: type-check, load in the sandbox, ${pkg.tests?.tests.length ?? 0} self-tests`,
  );
  const report = await verifyPackage(pkg);
  if (!report.ok)
    throw new PermanentJobError(
      `the generated environment did not pass its checks:\n${describeReport(report)}`,
    );
  // A cancelled synthesis publishes nothing: the previous version stays current.
  if (cancelled(ctx)) return cancelled(ctx);
  const published = await publishEnvironmentVersion(
    ctx.workspaceId,
    ctx.userId,
    { domainId: domain.id, name: domain.name },
    { source: pkg.source, manifest: report.manifest!, tests: pkg.tests, spec: pkg.spec },
    `Synthesized from the spec (domain revision ${domain.revision})`,
  );
  await ctx.progress(
    1,
    `Published v${published.version.number}: ${report.passed}/${report.total} self-tests pass`,
  );
  return {
    status: "published",
    environmentId: published.environmentId,
    version: published.version.number,
    passed: report.passed,
    total: report.total,
    warnings: warnings.length,
  };
}

function describeEvent(event: SynthesisEvent, maxAttempts: number): [number, string] {
  switch (event.stage) {
    case "spec":
      return [0.15, `Drafting the spec (try ${event.attempt}): ${event.status}`];
    case "baseline":
      return [0.25, `Baseline environment compiled with ${event.tests} self-tests`];
    case "code":
      return [
        0.25 + (0.7 * (event.attempt - 0.5)) / maxAttempts,
        `Attempt ${event.attempt}/${maxAttempts}: code received`,
      ];
    case "verify":
      return [
        0.25 + (0.7 * event.attempt) / maxAttempts,
        `Attempt ${event.attempt}/${maxAttempts}: ${event.passed}/${event.total} self-tests pass${event.ok ? " — all checks pass" : ""}`,
      ];
    case "done":
      return [
        1,
        event.status === "published" ? "Published" : `Stopped after ${event.attempts} attempt(s)`,
      ];
  }
}

async function fromDescription(ctx: JobContext<Payload>) {
  const domain = await loadDomain(ctx);
  if (!domain.description.trim())
    throw new PermanentJobError("this domain has no description to synthesize from");
  const provider = await resolveLlmProvider(ctx.workspaceId);
  if (!provider)
    throw new PermanentJobError(
      "no LLM provider is configured: an owner can set one in Settings → LLM provider",
    );
  const { maxAttempts } = ctx.payload;
  const pending: Promise<unknown>[] = [];
  let lastCode: string | null = null;
  let lastTokens = { input: 0, output: 0 };
  try {
    const result = await synthesizeFromDescription({
      description: domain.description,
      source: { provider },
      maxAttempts,
      signal: ctx.signal,
      onEvent: (event) => {
        const [fraction, message] = describeEvent(event, maxAttempts);
        pending.push(ctx.progress(fraction, message));
        if (event.stage === "code") {
          lastCode = event.code;
          lastTokens = { input: event.tokens.input, output: event.tokens.output };
        }
        if (event.stage === "spec" || event.stage === "verify") {
          pending.push(
            db().synthesisAttempt.create({
              data: {
                jobId: ctx.jobId,
                workspaceId: ctx.workspaceId,
                attempt: event.attempt,
                stage: event.stage,
                source: event.stage === "verify" ? lastCode : null,
                diagnostics: (event.stage === "verify"
                  ? event.diagnostics
                  : event.problems) as object,
                testResults:
                  event.stage === "verify"
                    ? ({
                        passed: event.passed,
                        total: event.total,
                        failed: event.failedTests,
                        summary: event.summary,
                      } as object)
                    : undefined,
                passed: event.stage === "verify" ? event.ok : event.status === "valid",
                tokensIn: event.stage === "verify" ? lastTokens.input : event.tokens.input,
                tokensOut: event.stage === "verify" ? lastTokens.output : event.tokens.output,
                latencyMs: event.latencyMs,
              },
            }),
          );
        }
      },
    });
    await Promise.all(pending);
    if (result.status !== "published" || !result.pkg) {
      throw new PermanentJobError(
        `the model did not produce an environment passing every check in ${result.attempts.length} attempt(s) (best: ${result.best?.passed ?? 0}/${result.best?.total ?? 0} self-tests); open the attempts to see why`,
      );
    }
    if (cancelled(ctx)) return cancelled(ctx);
    const report = await verifyPackage(result.pkg);
    const published = await publishEnvironmentVersion(
      ctx.workspaceId,
      ctx.userId,
      { domainId: domain.id, name: domain.name },
      {
        source: result.pkg.source,
        manifest: report.manifest!,
        tests: result.pkg.tests,
        spec: result.pkg.spec,
      },
      `Synthesized by ${provider.model} from the description (${result.attempts.length} attempt(s))`,
    );
    await db().domain.update({ where: { id: domain.id }, data: { spec: result.spec as object } });
    return {
      status: "published",
      environmentId: published.environmentId,
      version: published.version.number,
      attempts: result.attempts.length,
      tokens: result.tokens,
    };
  } catch (error) {
    await Promise.allSettled(pending);
    if (error instanceof SynthesisError) {
      if (error.code === "SYNTHESIS_CANCELLED") return { status: "cancelled", published: false };
      throw new PermanentJobError(`${error.code}: ${error.message}`);
    }
    throw error;
  }
}

export const synthesizeJob = defineJob({
  kind: "domain.synthesize",
  title: "Synthesize environment",
  payload: synthesizePayload,
  maxAttempts: 2,
  run: (ctx) => (ctx.payload.mode === "spec" ? fromSpec(ctx) : fromDescription(ctx)),
});
