import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedEnvironment } from "@/lib/runtime";
import { checkpointSchema, type Checkpoint } from "./checkpoint";
import { evaluate } from "./evaluate";
import type { IterationMetrics, RunEpisode } from "./metrics";
import { LinearPolicy } from "./policy/linear-policy";
import { BANK_TASKS, loadBank } from "./testing/bank-tasks";
import { train } from "./train";
import type { TrainConfigInput } from "./config";

let env: LoadedEnvironment;
beforeAll(async () => {
  env = await loadBank();
});
afterAll(() => env.dispose());

const evalTasks = BANK_TASKS.filter((t) => t.split === "eval");

async function evalSuccess(policy: LinearPolicy): Promise<number> {
  const report = await evaluate({
    env,
    tasks: evalTasks,
    policy,
    trials: 4,
    faultProfile: "none",
    maxSteps: 8,
    seed: 99,
  });
  return report.clean.successRate;
}

/** Metrics without wall-clock timings, which are the only nondeterministic part. */
const withoutTiming = (m: IterationMetrics) => ({ ...m, timing: null });

/** Runs (or resumes) training, optionally killed after `stopAfter` iterations. */
async function record(
  config: TrainConfigInput,
  options: { resumeFrom?: Checkpoint; stopAfter?: number } = {},
) {
  const metrics: IterationMetrics[] = [];
  const episodes: RunEpisode[] = [];
  const controller = new AbortController();
  const result = await train({
    env,
    tasks: BANK_TASKS,
    config,
    resumeFrom: options.resumeFrom,
    signal: controller.signal,
    onIteration: (m, e) => {
      metrics.push(m);
      episodes.push(...e);
      if (metrics.length === options.stopAfter) controller.abort();
    },
  });
  return { result, metrics, episodes };
}

describe("train", () => {
  it("raises success on unseen tasks of the environment", async () => {
    const untrained = await evalSuccess(new LinearPolicy());
    const result = await train({
      env,
      tasks: BANK_TASKS,
      config: {
        iterations: 30,
        groupSize: 8,
        tasksPerIteration: 8,
        seed: 3,
        maxSteps: 8,
        evalEvery: 0,
      },
    });
    const trained = await evalSuccess(new LinearPolicy(result.policy.weights));
    expect(untrained).toBeLessThanOrEqual(0.3);
    expect(trained).toBeGreaterThanOrEqual(0.7);
    expect(result.status).toBe("completed");
    // The learned weights are inspectable by name.
    expect(
      result.policy
        .topFeatures(3)
        .every((f) => typeof f.name === "string" && Math.abs(f.weight) > 0),
    ).toBe(true);
  });

  it("resumed from a checkpoint, produces exactly the episodes and metrics of an uninterrupted run", async () => {
    const config: TrainConfigInput = {
      iterations: 6,
      groupSize: 4,
      tasksPerIteration: 3,
      faultProfile: "flaky",
      faultFraction: 0.5,
      curriculum: { enabled: true },
      evalEvery: 2,
      evalTrials: 2,
      seed: 11,
      maxSteps: 6,
    };
    const straight = await record(config);
    const firstHalf = await record(config, { stopAfter: 3 });
    expect(firstHalf.result.status).toBe("stopped");
    // The checkpoint goes through JSON, as it would through a file or a database column.
    const saved = checkpointSchema.parse(JSON.parse(JSON.stringify(firstHalf.result.checkpoint)));
    const resumed = await record({}, { resumeFrom: saved });

    expect([...firstHalf.metrics, ...resumed.metrics].map(withoutTiming)).toEqual(
      straight.metrics.map(withoutTiming),
    );
    expect(JSON.stringify([...firstHalf.episodes, ...resumed.episodes])).toBe(
      JSON.stringify(straight.episodes),
    );
    expect(resumed.result.checkpoint).toEqual(straight.result.checkpoint);
    // The run really did inject faults and evaluate side by side.
    expect(straight.episodes.some((e) => e.faultsHit > 0)).toBe(true);
    expect(straight.metrics[1].eval?.faulty?.faultProfile).toBe("flaky");
  });

  it("REINFORCE resumes exactly too (its moving baseline is in the checkpoint)", async () => {
    const config: TrainConfigInput = {
      algorithm: "reinforce",
      iterations: 4,
      groupSize: 2,
      tasksPerIteration: 4,
      seed: 5,
      maxSteps: 6,
      evalEvery: 0,
    };
    const straight = await record(config);
    const firstHalf = await record(config, { stopAfter: 2 });
    const resumed = await record({}, { resumeFrom: firstHalf.result.checkpoint });
    expect(firstHalf.result.checkpoint.baseline.clean).not.toBeNull();
    expect([...firstHalf.metrics, ...resumed.metrics].map(withoutTiming)).toEqual(
      straight.metrics.map(withoutTiming),
    );
  });

  it("stops after the current iteration when aborted, with a checkpoint to resume from", async () => {
    const controller = new AbortController();
    const result = await train({
      env,
      tasks: BANK_TASKS,
      config: { iterations: 50, groupSize: 2, tasksPerIteration: 2, evalEvery: 0 },
      signal: controller.signal,
      onIteration: (m) => {
        if (m.iteration === 1) controller.abort();
      },
    });
    expect(result.status).toBe("stopped");
    expect(result.metrics).toHaveLength(2);
    expect(result.checkpoint.iteration).toBe(2);
  });
});
