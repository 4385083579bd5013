import type { LoadedEnvironment } from "@/lib/runtime";
import type { Task } from "@/lib/tasks";
import { grpoAdvantages, reinforceAdvantages, type BaselineState } from "./algorithms/advantages";
import { initialOptimizerState, optimizerStep, type OptimizerState } from "./algorithms/optimizer";
import { policyGradient, type GradientResult } from "./algorithms/policy-gradient";
import { tasksHash, type Checkpoint } from "./checkpoint";
import {
  evalFaultProfileOf,
  trainConfigSchema,
  type TrainConfig,
  type TrainConfigInput,
} from "./config";
import { initialCurriculum, updateCurriculum, type CurriculumState } from "./curriculum";
import type { FaultProfile } from "./episode";
import { TrainingError } from "./errors";
import { evaluateDuringTraining } from "./evaluate";
import { rolloutStats, type IterationMetrics, type RunEpisode } from "./metrics";
import { FEATURE_COUNT } from "./policy/features";
import { LinearPolicy } from "./policy/linear-policy";
import { hashSeed, Rng, sampleWithoutReplacement } from "./rng";
import { rolloutSync, type Rollout } from "./rollout";
import { SessionSet } from "./sessions";

export interface TrainOptions {
  env: LoadedEnvironment;
  /** All tasks; training samples the train split, evaluation uses the eval split. */
  tasks: readonly Task[];
  config: TrainConfigInput;
  /**
   * Called after every iteration with its metrics, its episodes (training rollouts and any
   * evaluation trials) and a checkpoint to resume from. Awaited before the next iteration.
   */
  onIteration?: (
    metrics: IterationMetrics,
    episodes: RunEpisode[],
    checkpoint: Checkpoint,
  ) => void | Promise<void>;
  /** Aborting stops the run after the current iteration (its checkpoint is returned). */
  signal?: AbortSignal;
  /** Continue a run; its config is kept, except `iterations` from `config` when given. */
  resumeFrom?: Checkpoint;
}

export interface TrainResult {
  status: "completed" | "stopped";
  checkpoint: Checkpoint;
  metrics: IterationMetrics[];
  policy: LinearPolicy;
}

interface RunState {
  iteration: number;
  policy: LinearPolicy;
  optimizer: OptimizerState;
  rng: Rng;
  curriculum: CurriculumState;
  baseline: BaselineState;
}

function startState(config: TrainConfig, resume: Checkpoint | undefined): RunState {
  if (resume) {
    return {
      iteration: resume.iteration,
      policy: LinearPolicy.fromJSON(resume.policy, { trainable: true }),
      optimizer: resume.optimizer,
      rng: Rng.restore(resume.rng),
      curriculum: resume.curriculum,
      baseline: resume.baseline,
    };
  }
  return {
    iteration: 0,
    policy: new LinearPolicy(undefined, { trainable: true }),
    optimizer: initialOptimizerState(config.optimizer, FEATURE_COUNT),
    rng: new Rng(hashSeed(config.seed, "tasks")),
    curriculum: initialCurriculum(config),
    baseline: { clean: null, faulty: null },
  };
}

function resolveConfig(options: TrainOptions): TrainConfig {
  const resume = options.resumeFrom;
  if (!resume) return trainConfigSchema.parse(options.config);
  if (resume.envHash !== options.env.hash) {
    throw new TrainingError(
      "CHECKPOINT_MISMATCH",
      "the checkpoint was trained on another version of this environment",
    );
  }
  if (resume.tasksHash !== tasksHash(options.tasks)) {
    throw new TrainingError(
      "CHECKPOINT_MISMATCH",
      "the checkpoint was trained on another task set",
    );
  }
  // The run continues with its own settings; only its length may change.
  return { ...resume.config, iterations: options.config.iterations ?? resume.config.iterations };
}

/** Rounds x up or down at random so the expectation is x (fault counts per group). */
function stochasticRound(x: number, rng: Rng): number {
  const floor = Math.floor(x);
  return floor + (rng.next() < x - floor ? 1 : 0);
}

interface Job {
  task: Task;
  group: number;
  member: number;
  faulty: boolean;
}

function planIteration(config: TrainConfig, train: readonly Task[], state: RunState): Job[] {
  const chosen = sampleWithoutReplacement(train, config.tasksPerIteration, state.rng);
  return chosen.flatMap((task, group) => {
    const faultyCount =
      config.faultProfile === "none"
        ? 0
        : stochasticRound(config.groupSize * state.curriculum.faultFraction, state.rng);
    return Array.from({ length: config.groupSize }, (_, member) => ({
      task,
      group,
      member,
      faulty: member < faultyCount,
    }));
  });
}

/**
 * Trains the built-in learner with GRPO or REINFORCE, iteration by iteration. Deterministic
 * for a seed; a run resumed from the checkpoint of iteration i produces the same episodes
 * and metrics as an uninterrupted run from there on.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const config = resolveConfig(options);
  const trainTasks = options.tasks.filter((t) => t.split === "train");
  const evalTasks = options.tasks.filter((t) => t.split === "eval");
  if (trainTasks.length === 0)
    throw new TrainingError("NO_TRAIN_TASKS", "the task set has no task in the train split");
  const state = startState(config, options.resumeFrom);
  const evalProfile: FaultProfile = evalFaultProfileOf(config);
  const sessions = new SessionSet(options.env);
  const metrics: IterationMetrics[] = [];
  let checkpoint = options.resumeFrom ?? snapshot(config, state, options);
  try {
    for (const profile of new Set<FaultProfile>(["none", config.faultProfile, evalProfile]))
      await sessions.open(profile);
    while (state.iteration < config.iterations) {
      if (options.signal?.aborted)
        return { status: "stopped", checkpoint, metrics, policy: state.policy };
      const { metrics: m, episodes } = await runIteration(
        config,
        state,
        trainTasks,
        evalTasks,
        evalProfile,
        sessions,
      );
      state.iteration++;
      checkpoint = snapshot(config, state, options);
      metrics.push(m);
      await options.onIteration?.(m, episodes, checkpoint);
    }
  } finally {
    await sessions.close();
  }
  return { status: "completed", checkpoint, metrics, policy: state.policy };
}

/**
 * Lets the event loop run about every 10 ms of synchronous rollouts, so signals (Ctrl+C),
 * cancellations and heartbeats are handled promptly during long iterations.
 */
const YIELD_EVERY_MS = 10;

function eventLoopYielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < YIELD_EVERY_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

async function runIteration(
  config: TrainConfig,
  state: RunState,
  trainTasks: readonly Task[],
  evalTasks: readonly Task[],
  evalProfile: FaultProfile,
  sessions: SessionSet,
): Promise<{ metrics: IterationMetrics; episodes: RunEpisode[] }> {
  const started = performance.now();
  const it = state.iteration;
  const jobs = planIteration(config, trainTasks, state);
  const faultFraction = state.curriculum.faultFraction;
  const breathe = eventLoopYielder();
  const rollouts: Rollout[] = [];
  for (const [slot, job] of jobs.entries()) {
    const profile = job.faulty ? config.faultProfile : "none";
    const seed = hashSeed(config.seed, "train", it, slot);
    rollouts.push(
      rolloutSync(sessions, state.policy, new Rng(seed), {
        task: job.task,
        trial: job.member,
        maxSteps: config.maxSteps,
        faultProfile: profile,
        faultSeed: seed,
      }),
    );
    await breathe();
  }
  const rolloutMs = performance.now() - started;

  const rewards = rollouts.map((r, i) => ({
    group: String(jobs[i].group),
    faulty: jobs[i].faulty,
    reward: r.episode.reward.score,
  }));
  let advantages: number[];
  if (config.algorithm === "grpo") {
    advantages = grpoAdvantages(rewards, config.drGrpo);
  } else {
    const result = reinforceAdvantages(rewards, state.baseline, config.baselineDecay);
    advantages = result.advantages;
    state.baseline = result.baseline;
  }
  let first: GradientResult | null = null;
  let clipFraction = 0;
  for (let epoch = 0; epoch < config.updateEpochs; epoch++) {
    const gradient = policyGradient(state.policy.weights, rollouts, advantages, config);
    first ??= gradient;
    clipFraction = gradient.clipFraction;
    state.optimizer = optimizerStep(state.policy.weights, gradient.lossGrad, state.optimizer, {
      kind: config.optimizer,
      learningRate: config.learningRate,
    });
    await breathe();
  }
  const gradient = first!;

  const episodes: RunEpisode[] = rollouts.map((r, i) => ({
    ...r.episode,
    iteration: it,
    phase: "train",
    faulty: jobs[i].faulty,
    advantage: advantages[i],
  }));
  const stats = rolloutStats(episodes);
  state.curriculum = updateCurriculum(
    state.curriculum,
    config,
    stats.success.clean,
    stats.success.faulty,
  );

  let evaluation: IterationMetrics["eval"] = null;
  const due =
    config.evalEvery > 0 && ((it + 1) % config.evalEvery === 0 || it + 1 === config.iterations);
  if (due && evalTasks.length > 0) {
    const policy = new LinearPolicy(state.policy.weights, { greedy: config.evalMode === "greedy" });
    const result = await evaluateDuringTraining(
      {
        env: sessions.env,
        tasks: evalTasks,
        policy,
        trials: config.evalTrials,
        faultProfile: evalProfile,
        maxSteps: config.maxSteps,
        seed: hashSeed(config.seed, "eval", it),
        sessions,
      },
      breathe,
    );
    evaluation = result.report;
    for (const { episode, condition } of result.episodes)
      episodes.push({
        ...episode,
        iteration: it,
        phase: "eval",
        faulty: condition === "faulty",
        advantage: null,
      });
  }

  const wallMs = performance.now() - started;
  const metrics: IterationMetrics = {
    iteration: it,
    ...stats,
    faultFraction,
    entropy: gradient.entropy,
    loss: gradient.loss,
    gradNorm: gradient.gradNorm,
    clipFraction,
    eval: evaluation,
    timing: {
      wallMs,
      rolloutMs,
      envStepsPerSec: rolloutMs > 0 ? (stats.envSteps / rolloutMs) * 1000 : 0,
      endedAt: Date.now(),
    },
  };
  return { metrics, episodes };
}

function snapshot(config: TrainConfig, state: RunState, options: TrainOptions): Checkpoint {
  return {
    version: 1,
    iteration: state.iteration,
    config,
    policy: state.policy.toJSON(),
    optimizer: state.optimizer,
    rng: state.rng.save(),
    curriculum: state.curriculum,
    baseline: state.baseline,
    envHash: options.env.hash,
    tasksHash: tasksHash(options.tasks),
  };
}
