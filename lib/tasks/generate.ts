import type { JsonValue, LoadedEnvironment } from "@/lib/runtime";
import { buildTask } from "./build/build-task";
import { TaskError, type RejectionCode } from "./errors";
import { hashSeed, Rng } from "./rng";
import { sampleChain } from "./sampler/chain";
import { createSamplerContext } from "./sampler/context";
import { difficulties, type Difficulty, type Task } from "./task";
import { DuplicateFilter } from "./validate/dedupe";
import { validateTask } from "./validate/validate-task";

export type TierMix = Record<Difficulty, number>;

export const DEFAULT_MIX: TierMix = { easy: 0.3, medium: 0.4, hard: 0.3 };

export interface GenerateProgress {
  accepted: number;
  requested: number;
  attempts: number;
  byTier: Record<Difficulty, number>;
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Share of each tier (normalized); every tier with a share gets at least one task. */
  mix?: Partial<TierMix>;
  /** The package's `spec.json`, for phrase templates (optional). */
  spec?: JsonValue;
  /**
   * Store each task's seed state in `initialState`, so the task replays even if a later
   * environment version seeds differently (larger files). Default false: the seed suffices.
   */
  embedInitialState?: boolean;
  /** Called after each accepted task, and every 50 attempts while none is found. */
  onProgress?: (progress: GenerateProgress) => void;
  signal?: AbortSignal;
  /** Sampling attempts before giving up on the count (default 40 per task + 200). */
  maxAttempts?: number;
}

export interface RejectedTask {
  task: Task;
  code: RejectionCode;
  reason: string;
}

export interface GenerateStats {
  requested: number;
  accepted: number;
  attempts: number;
  byTier: Record<Difficulty, number>;
  split: { train: number; eval: number };
  /** Validated-and-rejected tasks per reason code. */
  rejectedByCode: Partial<Record<RejectionCode, number>>;
  /** Chains that never became a task (no next step, an effect the checker could not see, …). */
  discardedByReason: Record<string, number>;
  /** Tiers the environment could not supply enough of; their share went to the others. */
  exhaustedTiers: Difficulty[];
}

export interface GenerateResult {
  tasks: Task[];
  rejected: RejectedTask[];
  stats: GenerateStats;
}

/** Splits `count` by the mix, largest remainders first, at least one per weighted tier. */
export function tierTargets(
  count: number,
  mix: Partial<TierMix> = DEFAULT_MIX,
): Record<Difficulty, number> {
  const weights = difficulties.map((d) => Math.max(0, mix[d] ?? 0));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0))
    throw new TaskError("BAD_OPTIONS", "mix must give a positive share to at least one tier");
  const exact = weights.map((w) => (count * w) / total);
  const targets = exact.map(Math.floor);
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; targets.reduce((a, b) => a + b, 0) < count; k++) targets[order[k % 3].i]++;
  // Every weighted tier present: take from the largest tier when one rounded to zero.
  for (let i = 0; i < 3; i++) {
    if (weights[i] > 0 && targets[i] === 0 && count >= weights.filter((w) => w > 0).length) {
      const largest = targets.indexOf(Math.max(...targets));
      targets[largest]--;
      targets[i]++;
    }
  }
  return { easy: targets[0], medium: targets[1], hard: targets[2] };
}

/** Consecutive misses after which a tier counts as exhausted for this environment. */
const TIER_PATIENCE = 150;

/**
 * Samples, builds and validates tasks until `count` are accepted (or the attempt budget runs
 * out), keeping the tier mix, dropping near-duplicates. Deterministic for (environment, seed,
 * options): the same call returns byte-identical tasks.
 */
export async function generateTasks(
  env: LoadedEnvironment,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new TaskError("BAD_OPTIONS", `count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(seed))
    throw new TaskError("BAD_OPTIONS", `seed must be an integer, got ${seed}`);
  const ctx = await createSamplerContext(env, options.spec);
  const targets = tierTargets(count, options.mix);
  const maxAttempts = options.maxAttempts ?? count * 40 + 200;
  const tasks: Task[] = [];
  const rejected: RejectedTask[] = [];
  const byTier: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
  const misses: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
  const exhausted = new Set<Difficulty>();
  const stats: GenerateStats = {
    requested: count,
    accepted: 0,
    attempts: 0,
    byTier,
    split: { train: 0, eval: 0 },
    rejectedByCode: {},
    discardedByReason: {},
    exhaustedTiers: [],
  };
  const duplicates = new DuplicateFilter();
  const discard = (reason: string) => {
    stats.discardedByReason[reason] = (stats.discardedByReason[reason] ?? 0) + 1;
  };

  const nextTier = (): Difficulty | undefined => {
    const open = difficulties.filter((d) => !exhausted.has(d));
    const short = open.filter((d) => byTier[d] < targets[d]);
    if (short.length)
      return short.reduce((a, b) => (targets[b] - byTier[b] > targets[a] - byTier[a] ? b : a));
    // An exhausted tier's share goes to the tiers that can still grow, the most wanted first.
    return open.sort(
      (a, b) => (options.mix?.[b] ?? DEFAULT_MIX[b]) - (options.mix?.[a] ?? DEFAULT_MIX[a]),
    )[0];
  };

  /** One sub-seed: sample, build, validate, de-duplicate. True when a task was accepted. */
  const attempt = async (tier: Difficulty, attemptSeed: number): Promise<boolean> => {
    const sampled = sampleChain(ctx, tier, attemptSeed);
    if (!sampled.ok) {
      discard(sampled.reason);
      return false;
    }
    const { calls, args } = sampled.chain;
    if (duplicates.seen(calls.map((c, i) => ({ tool: c.tool, args: args[i] })))) {
      discard("DUPLICATE_SOLUTION");
      return false;
    }
    const built = buildTask(
      ctx,
      sampled.chain,
      attemptSeed,
      new Rng(hashSeed(attemptSeed, "build")),
    );
    if (!built.ok) {
      discard(built.reason);
      return false;
    }
    const task = options.embedInitialState
      ? { ...built.task, initialState: sampled.chain.initialState }
      : built.task;
    const { steps, finalState } = sampled.chain;
    const validation = await validateTask(env, task, { reference: { steps, finalState } });
    if (!validation.ok) {
      rejected.push({ task, code: validation.code, reason: validation.reason });
      stats.rejectedByCode[validation.code] = (stats.rejectedByCode[validation.code] ?? 0) + 1;
      return false;
    }
    const duplicate = duplicates.check(task);
    if (duplicate) {
      rejected.push({ task, code: "DUPLICATE", reason: duplicate });
      stats.rejectedByCode.DUPLICATE = (stats.rejectedByCode.DUPLICATE ?? 0) + 1;
      return false;
    }
    tasks.push(task);
    byTier[task.difficulty]++;
    stats.split[task.split]++;
    return true;
  };

  while (tasks.length < count && stats.attempts < maxAttempts) {
    if (options.signal?.aborted)
      throw new TaskError(
        "GENERATION_CANCELLED",
        `cancelled after ${tasks.length} of ${count} tasks`,
      );
    // Let timers and abort handlers run between attempts; the sandbox itself is synchronous.
    if (stats.attempts % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    const tier = nextTier();
    if (!tier) break;
    const attemptSeed = hashSeed(seed, "attempt", stats.attempts);
    stats.attempts++;
    const accepted = await attempt(tier, attemptSeed);
    if (accepted) misses[tier] = 0;
    else if (++misses[tier] >= TIER_PATIENCE) exhausted.add(tier);
    if (accepted || stats.attempts % 50 === 0) {
      const { attempts } = stats;
      options.onProgress?.({
        accepted: tasks.length,
        requested: count,
        attempts,
        byTier: { ...byTier },
      });
    }
  }

  stats.accepted = tasks.length;
  stats.exhaustedTiers = difficulties.filter((d) => exhausted.has(d));
  return { tasks, rejected, stats };
}
