import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunEpisode } from "@/lib/training/metrics";

type Tx = Prisma.TransactionClient;

/** Rows per INSERT statement: large enough to cut round trips, under Postgres' parameter limit. */
const STEP_CHUNK = 2000;

/**
 * Writes one iteration's episodes and their steps with multi-row INSERTs (a handful of
 * statements per iteration, never a row per round trip).
 */
export async function insertEpisodes(
  tx: Tx,
  runId: string,
  episodes: RunEpisode[],
  difficulties: Map<string, string>,
) {
  const episodeRows: Prisma.EpisodeCreateManyInput[] = [];
  const stepRows: Prisma.StepCreateManyInput[] = [];
  for (const episode of episodes) {
    const id = randomUUID();
    episodeRows.push({
      id,
      runId,
      iteration: episode.iteration,
      phase: episode.phase,
      taskKey: episode.taskId,
      difficulty: difficulties.get(episode.taskId) ?? "unknown",
      trial: episode.trial,
      seed: episode.seed,
      faultProfile: episode.faultProfile,
      reward: episode.reward.score,
      components: episode.reward as unknown as object,
      success: episode.success,
      faultsHit: episode.faultsHit,
      recovered: episode.recoveredFromFault,
      stepCount: episode.steps.length,
      finalAnswer: episode.finalAnswer,
    });
    episode.steps.forEach((step, index) => {
      stepRows.push({
        episodeId: id,
        index,
        kind: "call",
        tool: step.tool,
        args: step.args as object,
        observation: step.observation as object,
        faults: step.faults as unknown as object,
        patch: step.patch as unknown as object,
        policy: step.policy as object,
        clockMs: step.clockMs,
        latencyMs: 0,
      });
    });
    if (episode.finish) {
      stepRows.push({
        episodeId: id,
        index: episode.steps.length,
        kind: "finish",
        args: { answer: episode.finish.answer },
        faults: [],
        patch: [],
        policy: { logprob: episode.finish.logprob, entropy: episode.finish.entropy },
        clockMs: episode.steps.at(-1)?.clockMs ?? 0,
        latencyMs: 0,
      });
    }
  }
  if (episodeRows.length) await tx.episode.createMany({ data: episodeRows });
  for (let i = 0; i < stepRows.length; i += STEP_CHUNK) {
    await tx.step.createMany({ data: stepRows.slice(i, i + STEP_CHUNK) });
  }
  return { episodes: episodeRows.length, steps: stepRows.length };
}
