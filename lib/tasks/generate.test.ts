import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAtPointer, type LoadedEnvironment } from "@/lib/runtime";
import { TaskError } from "./errors";
import { generateTasks, tierTargets } from "./generate";
import { tasksToJsonl, parseTasksJsonl } from "./jsonl";
import { exampleEnvironment, exampleNames } from "./test-support";
import { runNoop, runReference, scoreEpisode } from "./validate/episodes";
import { validateTask } from "./validate/validate-task";

describe("tierTargets", () => {
  it("splits by the mix, largest remainders first, every weighted tier present", () => {
    expect(tierTargets(200)).toEqual({ easy: 60, medium: 80, hard: 60 });
    expect(tierTargets(10, { easy: 1, medium: 1, hard: 1 })).toEqual({
      easy: 4,
      medium: 3,
      hard: 3,
    });
    expect(tierTargets(3, { easy: 0.98, medium: 0.01, hard: 0.01 })).toEqual({
      easy: 1,
      medium: 1,
      hard: 1,
    });
    expect(tierTargets(5, { easy: 1 })).toEqual({ easy: 5, medium: 0, hard: 0 });
    expect(() => tierTargets(5, { easy: 0, medium: 0, hard: 0 })).toThrow(TaskError);
  });
});

describe("generateTasks on the runtime examples", () => {
  const envs = new Map<string, LoadedEnvironment>();
  beforeAll(async () => {
    for (const name of exampleNames()) envs.set(name, (await exampleEnvironment(name)).env);
  });
  afterAll(() => envs.forEach((env) => env.dispose()));

  it("bank: goals never pin generated ids or timestamps (they move when an agent looks first)", async () => {
    const env = envs.get("bank")!;
    const { tasks, stats } = await generateTasks(env, { count: 60, seed: 3 });
    expect(tasks).toHaveLength(60);
    expect(stats.byTier.hard).toBeGreaterThan(0);
    for (const task of tasks) {
      for (const goal of task.checker.goals) {
        expect(goal.path).not.toMatch(/acc_(?!alice|bob)|txn_|\/id$|\/at$/);
      }
      expect((await runReference(env, task)).breakdown.score).toBe(1);
      expect((await runNoop(env, task)).breakdown.score).toBe(0);
      // An agent that stops one call short never gets full marks.
      const short = { ...task, solution: task.solution.slice(0, -1) };
      expect((await runReference(env, short)).breakdown.score).toBeLessThan(1);
    }
  });

  it("store: an out-of-stock order is recovered by restocking (a declared error, then another route)", async () => {
    if (!envs.has("store")) return;
    const env = envs.get("store")!;
    const { tasks } = await generateTasks(env, { count: 40, seed: 5, mix: { hard: 1 } });
    const recovery = tasks.filter((t) => t.tags.includes("error:OUT_OF_STOCK"));
    expect(recovery.length).toBeGreaterThan(0);
    const task = recovery[0];
    expect(task.difficulty).toBe("hard");
    expect(task.solution[0].tool).toBe("place_order");
    expect(task.instruction).toMatch(/^Try to .+ If that fails, .+ instead/);
    // The failing call is part of the reference but never required: only the route that works is.
    expect(task.checker.requiredCalls.some((c) => c.tool === "place_order")).toBe(false);
    const reference = await runReference(env, task);
    expect(reference.steps[0].observation).toMatchObject({
      ok: false,
      error: { code: "OUT_OF_STOCK" },
    });
    expect(reference.breakdown.score).toBe(1);
  });

  it("lookups report values the instruction does not give away, and the checker needs them", async () => {
    const env = envs.get("bank")!;
    const { tasks } = await generateTasks(env, { count: 30, seed: 9, mix: { easy: 1 } });
    const lookups = tasks.filter((t) => t.checker.requiredOutputs.length > 0);
    expect(lookups.length).toBeGreaterThan(0);
    for (const task of lookups) {
      const { steps, finalState, breakdown } = await runReference(env, task);
      expect(breakdown.score).toBe(1);
      // The same calls with an answer that omits the values lose the outcome share.
      expect(scoreEpisode(task, { steps, finalState, finalAnswer: "Done." }).score).toBeLessThan(1);
      for (const value of task.checker.requiredOutputs)
        expect(task.instruction).not.toContain(value);
    }
  });

  it("honours the mix, reports progress, and stops when cancelled", async () => {
    const env = envs.get("bank")!;
    const seen: number[] = [];
    const { stats } = await generateTasks(env, {
      count: 12,
      seed: 1,
      mix: { easy: 1, medium: 1 },
      onProgress: (p) => seen.push(p.accepted),
    });
    expect(stats.byTier).toEqual({ easy: 6, medium: 6, hard: 0 });
    expect(seen.at(-1)).toBe(12);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const controller = new AbortController();
    const run = generateTasks(env, {
      count: 50,
      seed: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: "GENERATION_CANCELLED" });
    await expect(generateTasks(env, { count: -1, seed: 0 })).rejects.toMatchObject({
      code: "BAD_OPTIONS",
    });
  });
});

describe("embedded seed states", () => {
  it("make a task self-contained: it validates and replays from its own initialState", async () => {
    const { env } = await exampleEnvironment("tracker");
    try {
      const { tasks } = await generateTasks(env, { count: 6, seed: 2, embedInitialState: true });
      for (const task of tasks) {
        expect(task.initialState).toBeDefined();
        expect(await validateTask(env, task)).toEqual({ ok: true });
        expect((await runReference(env, task)).breakdown.score).toBe(1);
      }
    } finally {
      env.dispose();
    }
  });
});

describe("reproducibility", () => {
  // The bank example draws random ids from the session seed and call index: the hardest case.
  it("the same seed gives byte-identical JSONL, from separately loaded environments", async () => {
    const first = await exampleEnvironment("bank");
    const second = await exampleEnvironment("bank");
    try {
      const a = tasksToJsonl((await generateTasks(first.env, { count: 40, seed: 21 })).tasks);
      const b = tasksToJsonl((await generateTasks(second.env, { count: 40, seed: 21 })).tasks);
      expect(b).toBe(a);
      const other = tasksToJsonl((await generateTasks(second.env, { count: 40, seed: 22 })).tasks);
      expect(other).not.toBe(a);
      const parsed = parseTasksJsonl(a);
      expect(parsed).toHaveLength(40);
      expect(tasksToJsonl(parsed)).toBe(a);
      // Goals are JSON pointers into the final state of the reference run.
      const reference = await runReference(first.env, parsed[0]);
      for (const goal of parsed[0].checker.goals)
        expect(getAtPointer(reference.finalState, goal.path)).toEqual(goal.equals);
    } finally {
      first.env.dispose();
      second.env.dispose();
    }
  });
});
