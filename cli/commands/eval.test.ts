import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasksToJsonl } from "@/lib/tasks";
import { BANK_TASKS } from "@/lib/training/testing/bank-tasks";
import { runEnvf } from "./cli-test-support";

const BANK = "lib/runtime/examples/bank";
let dir: string;
let tasksFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "envf-eval-"));
  tasksFile = path.join(dir, "tasks.jsonl");
  await writeFile(tasksFile, tasksToJsonl(BANK_TASKS));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The one JSON object `--json` prints as the last line of stdout. */
function lastJson(stdout: string) {
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe.concurrent("envf eval", () => {
  it(
    "scores the reference 100% and doing nothing 0%, with pass^k and reward components",
    { timeout: 180_000 },
    async () => {
      const [reference, noop] = await Promise.all([
        runEnvf([
          "eval",
          BANK,
          "--tasks",
          tasksFile,
          "--policy",
          "reference",
          "--trials",
          "3",
          "--json",
        ]),
        runEnvf([
          "eval",
          BANK,
          "--tasks",
          tasksFile,
          "--policy",
          "noop",
          "--trials",
          "3",
          "--json",
        ]),
      ]);
      expect(reference.code, reference.stderr).toBe(0);
      expect(lastJson(reference.stdout)).toEqual({
        tasks: 6,
        trials: 3,
        policy: "reference",
        success_rate: 1,
        mean_reward: 1,
        pass_hat_k: { "1": 1, "3": 1 },
        reward_components: { trace: 1, state: 1, penalty: 0 },
        clean_success: 1,
        faulty_success: null,
        fault_recovery_rate: null,
      });
      expect(noop.code, noop.stderr).toBe(0);
      expect(lastJson(noop.stdout)).toMatchObject({
        success_rate: 0,
        mean_reward: 0,
        pass_hat_k: { "1": 0, "3": 0 },
        clean_success: 0,
      });
    },
  );

  it(
    "reports clean and faulty success side by side and writes the episodes",
    { timeout: 180_000 },
    async () => {
      const episodes = path.join(dir, "episodes.jsonl");
      const result = await runEnvf([
        "eval",
        BANK,
        "--tasks",
        tasksFile,
        "--policy",
        "reference",
        "--split",
        "all",
        "--trials",
        "2",
        "--faults",
        "flaky",
        "--episodes",
        episodes,
        "--json",
      ]);
      expect(result.code, result.stderr).toBe(0);
      const summary = lastJson(result.stdout);
      expect(summary).toMatchObject({
        tasks: BANK_TASKS.length,
        clean_success: 1,
        faulty_success: 1,
        fault_recovery_rate: 1,
      });
      expect(result.stdout).toMatch(/flaky +success 100\.0%/);
      const written = (await readFile(episodes, "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(written).toHaveLength(BANK_TASKS.length * 2 * 2);
      expect(written.some((e) => e.condition === "faulty" && e.faultsHit > 0)).toBe(true);
    },
  );

  it("evaluates a trained run from its directory", { timeout: 180_000 }, async () => {
    const run = path.join(dir, "run");
    const trained = await runEnvf([
      "train",
      BANK,
      "--tasks",
      tasksFile,
      "--iterations",
      "2",
      "--group",
      "2",
      "--tasks-per-iteration",
      "2",
      "--eval-every",
      "0",
      "--out",
      run,
    ]);
    expect(trained.code, trained.stderr).toBe(0);
    const result = await runEnvf([
      "eval",
      BANK,
      "--tasks",
      tasksFile,
      "--policy",
      run,
      "--trials",
      "2",
      "--json",
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(lastJson(result.stdout)).toMatchObject({
      policy: "trained",
      tasks: 6,
      trials: 2,
      pass_hat_k: { "1": expect.any(Number), "2": expect.any(Number) },
    });
  });

  it("explains a policy that cannot be loaded", { timeout: 180_000 }, async () => {
    const result = await runEnvf([
      "eval",
      BANK,
      "--tasks",
      tasksFile,
      "--policy",
      path.join(dir, "nowhere"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error\[checkpoint_invalid\]: .*does not exist/m);
  });
});
