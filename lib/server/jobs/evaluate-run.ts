import "server-only";
import { z } from "zod";
import { loadEnvironment } from "@/lib/runtime";
import { createChatModel, type LlmProviderConfig } from "@/lib/synthesis";
import type { Task } from "@/lib/tasks";
import type { Episode } from "@/lib/training/episode";
import { TrainingError } from "@/lib/training/errors";
import { evaluate } from "@/lib/training/evaluate";
import { noopPolicy, randomPolicy, referencePolicy } from "@/lib/training/policy/baselines";
import { llmPolicy } from "@/lib/training/policy/llm-policy";
import type { Policy } from "@/lib/training/policy/policy";
import type { RunEpisode } from "@/lib/training/metrics";
import { db } from "@/lib/server/db/client";
import { publish } from "@/lib/server/events";
import { insertEpisodes } from "@/lib/server/runs/store";
import { resolveLlmProvider } from "@/lib/server/services/llm-settings";
import { defineJob, type JobContext, PermanentJobError } from "./definition";
import { loadRun, markRunFailed, markRunRunning } from "./run-state";

export const evaluateRunPayload = z.object({ runId: z.string().uuid() });

/** Per-request limit for the LLM agent's model calls: a stuck server fails the call, not the job. */
const LLM_REQUEST_TIMEOUT_MS = 120_000;

/**
 * The LLM agent on the workspace's provider: the same provider resolution (key decrypted on the
 * server) and LangChain model construction as LLM synthesis, at temperature 0 like `envf eval`.
 */
async function llmAgent(ctx: JobContext<{ runId: string }>) {
  let provider: LlmProviderConfig | null;
  try {
    provider = await resolveLlmProvider(ctx.workspaceId);
  } catch (error) {
    throw new PermanentJobError(
      `the workspace's LLM provider could not be loaded (${error instanceof Error ? error.message : String(error)}); save it again in Settings → LLM provider`,
    );
  }
  if (!provider)
    throw new PermanentJobError(
      "no LLM provider is configured: an owner can set one in Settings → LLM provider",
    );
  const model = createChatModel({
    ...provider,
    temperature: 0,
    timeoutMs: LLM_REQUEST_TIMEOUT_MS,
  });
  const policy = llmPolicy({ model, name: `llm:${provider.model}`, signal: ctx.signal });
  return { policy, provider };
}

async function policyFor(
  name: string,
  tasks: readonly Task[],
  ctx: JobContext<{ runId: string }>,
): Promise<{ policy: Policy; provider: LlmProviderConfig | null }> {
  if (name === "noop") return { policy: noopPolicy, provider: null };
  if (name === "random") return { policy: randomPolicy(), provider: null };
  if (name === "reference") return { policy: referencePolicy(tasks), provider: null };
  if (name === "llm") return llmAgent(ctx);
  throw new PermanentJobError(`a "${name}" policy cannot run as an evaluation here`);
}

/** The first error code found along an error's causes (e.g. ECONNREFUSED under "fetch failed"). */
function causeCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * A failed model call as a readable job error naming the endpoint. Configuration problems
 * (rejected key, unknown model, refused request) are permanent: retrying cannot help. An
 * unreachable or overloaded endpoint (connection error, timeout, 429, 5xx) is retried by the
 * job system; the last attempt's message is the run's error.
 */
function modelFailure(error: TrainingError, provider: LlmProviderConfig): Error {
  const cause = error.cause as { status?: unknown; message?: unknown; name?: unknown } | undefined;
  const where = `the model endpoint ${provider.baseURL ?? `(${provider.kind} default)`}`;
  const model = `model "${provider.model}"`;
  // The provider's first line, without LangChain's troubleshooting links or a final period.
  const detail = String(cause?.message ?? error.message)
    .split("\n")[0]!
    .trim()
    .replace(/\.$/, "");
  const status = typeof cause?.status === "number" ? cause.status : null;
  const settings = "Settings → LLM provider";
  if (status === 401 || status === 403)
    return new PermanentJobError(
      `${where} rejected the API key (HTTP ${status}: ${detail}); check the key in ${settings}`,
    );
  if (status === 404)
    return new PermanentJobError(
      `${where} does not know ${model} or this path (HTTP 404: ${detail}); check the model and base URL in ${settings}`,
    );
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429)
    return new PermanentJobError(
      `${where} refused the request for ${model} (HTTP ${status}: ${detail}); the LLM agent needs a model with tool calling`,
    );
  if (status !== null) return new Error(`${where} failed for ${model} (HTTP ${status}: ${detail})`);
  const code = causeCode(cause);
  return new Error(
    `could not reach ${where} for ${model}: ${detail}${code ? ` (${code})` : ""}; check that the server is up and the base URL in ${settings}`,
  );
}

/**
 * An evaluation run (a baseline policy or the LLM agent, no learning): every eval task for
 * `trials` trials, clean and under the run's fault profile. Stored as iteration 0 once
 * complete; a retry after a crash starts the evaluation over, so it never stores an episode
 * twice.
 */
export const evaluateRunJob = defineJob({
  kind: "run.evaluate",
  title: "Evaluation run",
  payload: evaluateRunPayload,
  maxAttempts: 3,
  onFailed: markRunFailed,
  async run(ctx) {
    const { run, tasks: all, difficulties } = await loadRun(ctx.workspaceId, ctx.payload.runId);
    const config = run.config as {
      trials?: number;
      faultProfile?: string;
      maxSteps?: number;
      seed?: number;
      split?: string;
    };
    const tasks =
      config.split === "all" ? all : all.filter((t) => t.split === (config.split ?? "eval"));
    if (tasks.length === 0)
      throw new PermanentJobError(
        `the task set has no ${config.split ?? "eval"} tasks to evaluate on`,
      );
    const { policy, provider } = await policyFor(run.policy, all, ctx);
    // Model calls are slow: report every LLM episode, every 20th of the fast baselines.
    const progressEvery = provider ? 1 : 20;
    await db().episode.deleteMany({ where: { runId: run.id } });
    await db().iteration.deleteMany({ where: { runId: run.id } });
    await markRunRunning(ctx.workspaceId, run.id, null);

    const env = await loadEnvironment({ source: run.environmentVersion.source });
    const trials = config.trials ?? 4;
    const total =
      tasks.length * trials * (config.faultProfile && config.faultProfile !== "none" ? 2 : 1);
    const episodes: RunEpisode[] = [];
    try {
      const report = await evaluate({
        env,
        tasks,
        policy,
        trials,
        faultProfile: (config.faultProfile ?? "none") as "none",
        maxSteps: config.maxSteps ?? 10,
        seed: config.seed ?? 0,
        onEpisode: async (episode: Episode, condition) => {
          if (ctx.signal.aborted) throw new Error("cancelled");
          episodes.push({
            ...episode,
            iteration: 0,
            phase: "eval",
            faulty: condition === "faulty",
            advantage: null,
          });
          if (episodes.length % progressEvery === 0)
            await ctx.progress(episodes.length / total, `${episodes.length}/${total} episodes`);
        },
      });
      await db().$transaction(
        async (tx) => {
          await tx.iteration.create({
            data: {
              runId: run.id,
              index: 0,
              metrics: { iteration: 0, eval: report } as unknown as object,
            },
          });
          await insertEpisodes(tx, run.id, episodes, difficulties);
          await tx.run.update({
            where: { id: run.id },
            data: { lastIteration: 0, status: "succeeded", finishedAt: new Date() },
          });
        },
        { timeout: 60_000 },
      );
      await publish({
        workspaceId: ctx.workspaceId,
        topic: "run",
        id: run.id,
        data: { status: "succeeded", iteration: 0 },
      });
      return {
        status: "succeeded",
        successRate: report.clean.successRate,
        faultySuccessRate: report.faulty?.successRate ?? null,
      };
    } catch (error) {
      if (ctx.signal.aborted) {
        await db().run.update({
          where: { id: run.id },
          data: { status: "cancelled", finishedAt: new Date() },
        });
        return { status: "cancelled" };
      }
      const failure =
        provider && error instanceof TrainingError && error.code === "LLM_FAILED"
          ? modelFailure(error, provider)
          : error;
      await db().run.update({
        where: { id: run.id },
        data: { error: failure instanceof Error ? failure.message : String(failure) },
      });
      throw failure;
    } finally {
      env.dispose();
    }
  },
});
