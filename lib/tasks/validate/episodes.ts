import {
  computeReward,
  type JsonValue,
  type LoadedEnvironment,
  type RewardBreakdown,
  type StepRecord,
} from "@/lib/runtime";
import { seedState, sessionFor, startEpisode } from "../session-cache";
import { rewardSpecOf, type Task } from "../task";

export interface EpisodeInput {
  steps: readonly StepRecord[];
  finalState: JsonValue;
  finalAnswer?: string;
}

export interface EpisodeRun extends Required<EpisodeInput> {
  breakdown: RewardBreakdown;
}

/** Scores an episode against the task's checker (the runtime's reward, every component kept). */
export function scoreEpisode(task: Task, episode: EpisodeInput): RewardBreakdown {
  return computeReward(rewardSpecOf(task), episode);
}

/** The answer a correct agent gives: every required output, one per line. */
export function referenceAnswer(task: Task): string {
  return task.checker.requiredOutputs.join("\n");
}

/** Executes the reference solution and answers with the required outputs. */
export async function runReference(env: LoadedEnvironment, task: Task): Promise<EpisodeRun> {
  const session = await sessionFor(env);
  startEpisode(session, task.seed, task.initialState);
  for (const call of task.solution) session.stepSync(call.tool, call.args);
  const episode = {
    steps: [...session.steps],
    finalState: session.state(),
    finalAnswer: referenceAnswer(task),
  };
  return { ...episode, breakdown: scoreEpisode(task, episode) };
}

/** An agent that does nothing and says nothing: its final state is the starting state. */
export async function runNoop(env: LoadedEnvironment, task: Task): Promise<EpisodeRun> {
  const finalState = task.initialState ?? (await seedState(env, task.seed));
  const episode = { steps: [], finalState, finalAnswer: "" };
  return { ...episode, breakdown: scoreEpisode(task, episode) };
}
