import { spawn } from "node:child_process";
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
  dir = await mkdtemp(path.join(tmpdir(), "envf-train-"));
  tasksFile = path.join(dir, "tasks.jsonl");
  await writeFile(tasksFile, tasksToJsonl(BANK_TASKS));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = async (file: string) =>
  (await readFile(file, "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
const small = [
  "--group",
  "2",
  "--tasks-per-iteration",
  "2",
  "--eval-every",
  "1",
  "--eval-trials",
  "1",
  "--faults",
  "flaky",
  "--fault-fraction",
  "0.5",
];

describe.concurrent("envf train", () => {
  it(
    "writes metrics, episodes, a checkpoint and named weights, and resumes",
    { timeout: 180_000 },
    async () => {
      const out = path.join(dir, "run");
      const first = await runEnvf([
        "train",
        BANK,
        "--tasks",
        tasksFile,
        "--iterations",
        "2",
        ...small,
        "--out",
        out,
      ]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(
        /completed 2\/2 iterations, eval success [\d.]+% clean \/ [\d.]+% flaky/,
      );
      // Not a terminal: one progress line per iteration.
      expect(first.stderr).toMatch(/\] 1\/2 reward [\d.]+ success \d+%/);
      expect((await lines(path.join(out, "metrics.jsonl"))).map((m) => m.iteration)).toEqual([
        0, 1,
      ]);
      const episodes = await lines(path.join(out, "episodes.jsonl"));
      expect(episodes.filter((e) => e.phase === "train")).toHaveLength(2 * 2 * 2);
      expect(episodes.some((e) => e.phase === "eval" && e.faulty)).toBe(true);
      expect(JSON.parse(await readFile(path.join(out, "checkpoint.json"), "utf8")).iteration).toBe(
        2,
      );
      const policy = JSON.parse(await readFile(path.join(out, "policy.json"), "utf8"));
      expect(
        policy.features.find((f: { name: string }) => f.name === "tool_repeat_transient"),
      ).toMatchObject({ about: expect.any(String), weight: expect.any(Number) });

      const resumed = await runEnvf([
        "train",
        BANK,
        "--tasks",
        tasksFile,
        "--iterations",
        "3",
        "--out",
        out,
        "--resume",
      ]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect((await lines(path.join(out, "metrics.jsonl"))).map((m) => m.iteration)).toEqual([
        0, 1, 2,
      ]);
      expect(JSON.parse(await readFile(path.join(out, "checkpoint.json"), "utf8")).iteration).toBe(
        3,
      );
    },
  );

  it(
    "stops after the current iteration on Ctrl+C, leaving a run to resume",
    { timeout: 180_000 },
    async () => {
      const out = path.join(dir, "interrupted");
      // Node with tsx as a loader, not the tsx wrapper: the wrapper relays a signal and kills a
      // child that has not acknowledged it within 30 ms, which a loaded machine can miss.
      const child = spawn(process.execPath, [
        "--import",
        "tsx",
        "cli/envf.ts",
        "train",
        BANK,
        "--tasks",
        tasksFile,
        "--iterations",
        "200",
        "--group",
        "2",
        "--tasks-per-iteration",
        "2",
        "--eval-every",
        "0",
        "--out",
        out,
      ]);
      let stdout = "";
      let stderr = "";
      let interrupted = false;
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!interrupted && /\] 1\/200 /.test(stderr)) {
          interrupted = true;
          child.kill("SIGINT");
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/stopping after this iteration/);
      expect(stdout).toMatch(/stopped \d+\/200 iterations/);
      expect(stdout).toMatch(/resume with: .*--resume/);
      const checkpoint = JSON.parse(await readFile(path.join(out, "checkpoint.json"), "utf8"));
      expect(checkpoint.iteration).toBeGreaterThanOrEqual(1);
      expect(checkpoint.iteration).toBeLessThan(200);
      expect(await lines(path.join(out, "metrics.jsonl"))).toHaveLength(checkpoint.iteration);
    },
  );

  it("refuses to overwrite a run and rejects bad options", { timeout: 180_000 }, async () => {
    const out = path.join(dir, "existing");
    await runEnvf([
      "train",
      BANK,
      "--tasks",
      tasksFile,
      "--iterations",
      "1",
      "--group",
      "1",
      "--tasks-per-iteration",
      "1",
      "--eval-every",
      "0",
      "--out",
      out,
    ]);
    const [again, algo, fraction] = await Promise.all([
      runEnvf(["train", BANK, "--tasks", tasksFile, "--out", out]),
      runEnvf(["train", BANK, "--tasks", tasksFile, "--algo", "ppo", "--out", path.join(dir, "x")]),
      runEnvf([
        "train",
        BANK,
        "--tasks",
        tasksFile,
        "--fault-fraction",
        "1.5",
        "--out",
        path.join(dir, "y"),
      ]),
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error\[run_exists\]: .*--resume/m);
    expect(algo.code).toBe(2);
    expect(algo.stderr).toMatch(/--algo must be grpo or reinforce/);
    expect(fraction.code).toBe(2);
    expect(fraction.stderr).toMatch(/--fault-fraction must be a number ≥ 0 and ≤ 1/);
  });
});
