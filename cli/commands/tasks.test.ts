import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasksCommand } from "./tasks";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** Run `npx tsx cli/envf.ts …` as a user would; never rejects, returns the exit code and output. */
async function envf(args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "cli/envf.ts", ...args], {
      cwd: root,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "envf-tasks-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent("envf tasks", () => {
  it(
    "writes one task per line, reports progress on stderr and a summary per tier",
    { timeout: 120_000 },
    async () => {
      const out = path.join(dir, "bank.jsonl");
      const { code, stdout, stderr } = await envf([
        "tasks",
        "lib/runtime/examples/bank",
        "--count",
        "20",
        "--seed",
        "4",
        "--out",
        out,
      ]);
      expect(code, stderr).toBe(0);
      const lines = (await readFile(out, "utf8")).trim().split("\n");
      expect(lines).toHaveLength(20);
      for (const line of lines) {
        const task = JSON.parse(line);
        expect(task).toMatchObject({ id: expect.any(String), instruction: expect.any(String) });
        expect(["easy", "medium", "hard"]).toContain(task.difficulty);
      }
      expect(stderr).toMatch(/tasks: 20\/20 \(easy 6, medium 8, hard 6\)/);
      expect(stdout).toMatch(/wrote 20 tasks to .*bank\.jsonl/);
      expect(stdout).toMatch(/by tier: +easy 6, medium 8, hard 6/);
      expect(stdout).toMatch(/rejected: /);
    },
  );

  it(
    "fails clearly on a directory that is not an environment package",
    { timeout: 120_000 },
    async () => {
      const { code, stderr } = await envf(["tasks", path.join(dir, "missing"), "--count", "5"]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^error\[package_not_found\]: .*environment\.ts does not exist/m);
    },
  );

  it("rejects bad options before loading anything", async () => {
    const run = (values: Record<string, unknown>) =>
      tasksCommand.run({ positionals: ["lib/runtime/examples/bank"], values });
    await expect(run({ count: "many" })).rejects.toMatchObject({
      code: "bad_arguments",
      message: expect.stringMatching(/--count must be a whole number/),
    });
    await expect(run({ mix: "easy=1,tricky=2" })).rejects.toMatchObject({
      code: "bad_arguments",
      message: expect.stringMatching(/--mix expects tier=share pairs/),
    });
    await expect(tasksCommand.run({ positionals: [], values: {} })).rejects.toMatchObject({
      code: "bad_arguments",
    });
  });
});
