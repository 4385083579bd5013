import type { InlineSession } from "@/lib/runtime";
import { scoreEpisode, type Task } from "@/lib/tasks";
import {
  faultProfileName,
  SUCCESS_THRESHOLD,
  type Episode,
  type EpisodeStep,
  type FaultProfile,
} from "./episode";
import type { Decision, Policy, PolicyContext, SyncPolicy } from "./policy/policy";
import type { Factor } from "./policy/softmax";
import type { Rng } from "./rng";
import type { SessionSet } from "./sessions";

export interface RolloutOptions {
  task: Task;
  trial: number;
  maxSteps: number;
  faultProfile: FaultProfile;
  /** Seeds fault injection, separately from the task's environment seed. */
  faultSeed: number;
}

/** An episode with the learner's decisions (each a list of choices) kept for the update. */
export interface Rollout {
  episode: Episode;
  decisions: LearnerDecision[];
}

export interface LearnerDecision {
  factors: Factor[];
  /** log π(action) when it was sampled. */
  logprob: number;
}

/** Drives one episode; the same code serves the synchronous and the awaited loop. */
class EpisodeRecorder {
  private readonly steps: EpisodeStep[] = [];
  private readonly decisions: LearnerDecision[] = [];
  private finish: Episode["finish"] = null;
  private readonly session: InlineSession;

  constructor(
    sessions: SessionSet,
    private readonly options: RolloutOptions,
  ) {
    this.session = sessions.get(options.faultProfile);
    sessions.reset(this.session, options.task.seed, options.task.initialState, options.faultSeed);
  }

  get done(): boolean {
    return this.finish !== null || this.steps.length >= this.options.maxSteps;
  }

  context(): PolicyContext {
    return {
      taskId: this.options.task.id,
      instruction: this.options.task.instruction,
      environment: this.session.env.manifest,
      tools: this.session.env.manifest.tools,
      steps: this.steps,
      maxSteps: this.options.maxSteps,
    };
  }

  apply(decision: Decision): void {
    if (decision.factors)
      this.decisions.push({ factors: decision.factors, logprob: decision.logprob ?? 0 });
    const policy = { logprob: decision.logprob, entropy: decision.entropy };
    const { action } = decision;
    if (action.kind === "finish") {
      this.finish = { answer: action.answer, ...policy };
      return;
    }
    const record = this.session.stepSync(action.tool, action.args);
    this.steps.push({ ...record, policy });
  }

  result(): Rollout {
    const { task, trial, faultProfile } = this.options;
    const finalAnswer = this.finish?.answer ?? "";
    const reward = scoreEpisode(task, {
      steps: this.steps,
      finalState: this.session.state(),
      finalAnswer,
    });
    const success = reward.score >= SUCCESS_THRESHOLD;
    const faultsHit = this.steps.filter((s) => s.faults.some((f) => f.kind !== "latency")).length;
    const episode: Episode = {
      taskId: task.id,
      trial,
      seed: task.seed,
      faultSeed: this.options.faultSeed,
      faultProfile: faultProfileName(faultProfile),
      steps: this.steps,
      finish: this.finish,
      finalAnswer,
      reward,
      success,
      faultsHit,
      recoveredFromFault: faultsHit > 0 && success,
      truncated: this.finish === null,
    };
    return { episode, decisions: this.decisions };
  }
}

/** Runs one episode on the synchronous fast path (`stepSync`, no awaits); sessions must be open. */
export function rolloutSync(
  sessions: SessionSet,
  policy: SyncPolicy,
  rng: Rng,
  options: RolloutOptions,
): Rollout {
  const recorder = new EpisodeRecorder(sessions, options);
  while (!recorder.done) recorder.apply(policy.act(recorder.context(), rng));
  return recorder.result();
}

/** Runs one episode with a policy that may answer asynchronously (an LLM). */
export async function rollout(
  sessions: SessionSet,
  policy: Policy,
  rng: Rng,
  options: RolloutOptions,
): Promise<Rollout> {
  await sessions.open(options.faultProfile);
  const recorder = new EpisodeRecorder(sessions, options);
  while (!recorder.done) recorder.apply(await policy.act(recorder.context(), rng));
  return recorder.result();
}
