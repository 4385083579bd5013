import type { LoadedEnvironment } from "@/lib/runtime";
import type { Task } from "@/lib/tasks";
import { passHatKTable } from "./algorithms/pass-hat-k";
import { faultProfileName, type Episode, type FaultProfile } from "./episode";
import type { Policy, SyncPolicy } from "./policy/policy";
import { hashSeed, Rng } from "./rng";
import { rollout, rolloutSync } from "./rollout";
import { SessionSet } from "./sessions";

/** Results under one condition (clean, or one fault profile). */
export interface ConditionReport {
  faultProfile: string;
  episodes: number;
  successRate: number;
  meanReward: number;
  rewardComponents: { trace: number; state: number; penalty: number };
  /** pass^k for k = 1..trials. */
  passHatK: Record<string, number>;
  /** Successes per task, in task order. */
  successCounts: number[];
  /** Of the episodes that hit a fault, the share that still succeeded; null when none did. */
  faultRecoveryRate: number | null;
  stepsPerEpisode: number;
}

export interface EvaluationReport {
  tasks: number;
  trials: number;
  policy: string;
  clean: ConditionReport;
  /** The same tasks and trials under faults; null when evaluated clean only. */
  faulty: ConditionReport | null;
}

export interface EvaluateOptions {
  env: LoadedEnvironment;
  tasks: readonly Task[];
  policy: Policy;
  trials: number;
  /** Faults for the faulty condition; "none" evaluates clean only. */
  faultProfile: FaultProfile;
  maxSteps: number;
  seed: number;
  /** Reuse open sessions (training evaluates often). */
  sessions?: SessionSet;
  /** Called with each finished episode (to store or stream it). */
  onEpisode?: (episode: Episode, condition: "clean" | "faulty") => void | Promise<void>;
}

interface Job {
  task: Task;
  taskIndex: number;
  trial: number;
  condition: "clean" | "faulty";
  profile: FaultProfile;
  rngSeed: number;
}

function plan(options: EvaluateOptions): Job[] {
  const conditions: { condition: "clean" | "faulty"; profile: FaultProfile }[] = [
    { condition: "clean", profile: "none" },
  ];
  if (options.faultProfile !== "none")
    conditions.push({ condition: "faulty", profile: options.faultProfile });
  return conditions.flatMap(({ condition, profile }) =>
    options.tasks.flatMap((task, taskIndex) =>
      Array.from({ length: options.trials }, (_, trial) => ({
        task,
        taskIndex,
        trial,
        condition,
        profile,
        rngSeed: hashSeed(options.seed, "eval", condition, taskIndex, trial),
      })),
    ),
  );
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function conditionReport(
  profile: string,
  taskCount: number,
  trials: number,
  results: { taskIndex: number; episode: Episode }[],
): ConditionReport {
  const successCounts = new Array<number>(taskCount).fill(0);
  for (const { taskIndex, episode } of results) if (episode.success) successCounts[taskIndex]++;
  const episodes = results.map((r) => r.episode);
  const hit = episodes.filter((e) => e.faultsHit > 0);
  return {
    faultProfile: profile,
    episodes: episodes.length,
    successRate: mean(episodes.map((e) => Number(e.success))),
    meanReward: mean(episodes.map((e) => e.reward.score)),
    rewardComponents: {
      trace: mean(episodes.map((e) => e.reward.trace)),
      state: mean(episodes.map((e) => e.reward.state)),
      penalty: mean(episodes.map((e) => e.reward.penalty)),
    },
    passHatK: taskCount === 0 ? {} : passHatKTable(successCounts, trials),
    successCounts,
    faultRecoveryRate: hit.length === 0 ? null : hit.filter((e) => e.success).length / hit.length,
    stepsPerEpisode: mean(episodes.map((e) => e.steps.length)),
  };
}

function report(options: EvaluateOptions, jobs: Job[], episodes: Episode[]): EvaluationReport {
  const part = (condition: "clean" | "faulty") => {
    const results = jobs.flatMap((job, i) =>
      job.condition === condition ? [{ taskIndex: job.taskIndex, episode: episodes[i] }] : [],
    );
    return conditionReport(
      condition === "clean" ? "none" : faultProfileName(options.faultProfile),
      options.tasks.length,
      options.trials,
      results,
    );
  };
  return {
    tasks: options.tasks.length,
    trials: options.trials,
    policy: options.policy.name,
    clean: part("clean"),
    faulty: options.faultProfile === "none" ? null : part("faulty"),
  };
}

/**
 * Runs every task `trials` times clean and, unless the profile is "none", as many times
 * under faults, and reports both side by side with pass^k. Deterministic by `seed`.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluationReport> {
  const sessions = options.sessions ?? new SessionSet(options.env);
  const jobs = plan(options);
  const episodes: Episode[] = [];
  try {
    for (const job of jobs) {
      const run = await rollout(sessions, options.policy, new Rng(job.rngSeed), {
        task: job.task,
        trial: job.trial,
        maxSteps: options.maxSteps,
        faultProfile: job.profile,
        faultSeed: job.rngSeed,
      });
      episodes.push(run.episode);
      await options.onEpisode?.(run.episode, job.condition);
    }
  } finally {
    if (!options.sessions) await sessions.close();
  }
  return report(options, jobs, episodes);
}

/**
 * `evaluate` for the training loop: the learner on the synchronous fast path, sessions already open;
 * `breathe` lets the event loop run between episodes.
 */
export async function evaluateDuringTraining(
  options: EvaluateOptions & { policy: SyncPolicy; sessions: SessionSet },
  breathe: () => Promise<void>,
): Promise<{
  report: EvaluationReport;
  episodes: { episode: Episode; condition: "clean" | "faulty" }[];
}> {
  const jobs = plan(options);
  const episodes: Episode[] = [];
  for (const job of jobs) {
    const run = rolloutSync(options.sessions, options.policy, new Rng(job.rngSeed), {
      task: job.task,
      trial: job.trial,
      maxSteps: options.maxSteps,
      faultProfile: job.profile,
      faultSeed: job.rngSeed,
    });
    episodes.push(run.episode);
    await breathe();
  }
  return {
    report: report(options, jobs, episodes),
    episodes: episodes.map((episode, i) => ({ episode, condition: jobs[i].condition })),
  };
}
