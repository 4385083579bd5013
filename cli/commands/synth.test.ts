import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banking } from "@/lib/synthesis/gallery/banking";
import { cloud } from "@/lib/synthesis/gallery/cloud";
import type { DomainSpec } from "@/lib/synthesis/spec/schema";

/** A deep copy to break on purpose; the tests poke at arbitrary paths, so it is untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- corrupting arbitrary paths is the point
const editable = (spec: DomainSpec): any => structuredClone(spec);

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** Run `npx tsx cli/envf.ts …` as a user would; never rejects, returns the exit code and output. */
async function envf(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "cli/envf.ts", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 110_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "envf-synth-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each run starts a fresh tsx process (several seconds on a busy machine).
describe.concurrent("envf gallery", { timeout: 120_000 }, () => {
  it("lists one domain per line, short name first", async () => {
    const { code, stdout } = await envf(["gallery", "list"]);
    expect(code).toBe(0);
    const names = stdout
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual([
      "procurement",
      "banking",
      "flights",
      "calendar",
      "ecommerce",
      "helpdesk",
      "clinic",
      "cloud",
    ]);
    expect(stdout).toMatch(/^procurement\s+Corporate procurement — /m);
  });

  it("exports a package whose spec.json synth --spec turns into the same environment", async () => {
    // The two commands run side by side: export, and synth from the same spec written as JSON;
    // the exported spec.json must then be that JSON, and the packages identical.
    const exported = path.join(dir, "banking");
    const specFile = path.join(dir, "banking-spec.json");
    await writeFile(specFile, JSON.stringify(banking, null, 2));
    const synthesized = path.join(dir, "banking-synth");
    const [first, second] = await Promise.all([
      envf(["gallery", "export", "banking", "--out", exported]),
      envf(["synth", "--spec", specFile, "--out", synthesized]),
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${exported}: environment.ts`);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/check: (\d+)\/\1 self-tests pass/);
    const read = (dirname: string, file: string) => readFile(path.join(dirname, file), "utf8");
    expect(JSON.parse(await read(exported, "spec.json"))).toEqual(banking);
    for (const file of ["environment.ts", "manifest.json", "tests.json"]) {
      expect(await read(synthesized, file), file).toBe(await read(exported, file));
    }
  });
});

describe.concurrent("envf synth", { timeout: 120_000 }, () => {
  it("prints every problem of an invalid spec with its path, exits 1 and writes nothing", async () => {
    const bad = editable(cloud);
    bad.actions[3].inputs.size.type = "choice";
    bad.actions[4].preconditions[1].error = "NOT_ON";
    const file = path.join(dir, "bad-spec.json");
    await writeFile(file, JSON.stringify(bad));
    const out = path.join(dir, "bad-out");
    const { code, stderr } = await envf(["synth", "--spec", file, "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toContain("error[spec_invalid]");
    expect(stderr).toMatch(/^actions\[3\]\.inputs\.size\.type: expected one of /m);
    expect(stderr).toMatch(
      /^actions\[4\]\.preconditions\[1\]\.error: error code "NOT_ON" is not declared in the errors of stop_server$/m,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("reports an unreachable LLM clearly and writes nothing", async () => {
    const out = path.join(dir, "llm-out");
    const { code, stderr } = await envf(
      ["synth", "--describe", "A tiny library that lends books", "--out", out],
      {
        ENVF_LLM_BASE_URL: "http://127.0.0.1:9/v1",
        ENVF_LLM_MODEL: "any",
        ENVF_LLM_PROVIDER: "openai-compatible",
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      "error[LLM_UNREACHABLE]: could not reach http://127.0.0.1:9/v1 — check ENVF_LLM_BASE_URL",
    );
    expect(existsSync(out)).toBe(false);
  });
});
