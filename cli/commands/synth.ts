import { readFile } from "node:fs/promises";
import { writePackage, type EnvironmentPackage } from "@/lib/runtime";
import type { SynthesisEvent } from "@/lib/synthesis/llm/events";
import { SynthesisError } from "@/lib/synthesis/errors";
import { llmConfigFromEnv } from "@/lib/synthesis/llm/config";
import { formatProblems, validateSpec } from "@/lib/synthesis/spec/validate";
import { synthesizeFromSpec } from "@/lib/synthesis/synthesize";
import { describeReport, verifyPackage } from "@/lib/synthesis/verify";
import { CliError, type Command } from "../command";

const usage = `Usage:
  npm run envf -- synth --spec <spec.json> --out <dir>
  npm run envf -- synth --describe "<what the domain is about>" --out <dir> [--attempts 3]

--spec      offline: compile a domain spec (see lib/synthesis/README.md) into an environment
            package; an invalid spec prints every problem with its path and exits 1
--describe  with an LLM: draft a spec from the description, then write and repair the code until
            its self-tests pass. Reads ENVF_LLM_PROVIDER (openai-compatible | anthropic),
            ENVF_LLM_BASE_URL, ENVF_LLM_API_KEY and ENVF_LLM_MODEL. Nothing is written unless
            every check passes.
--out       the package directory to write (environment.ts, manifest.json, tests.json, spec.json)
--attempts  code attempts for --describe (default 3)`;

/** "wrote <dir>: …" — what a package holds, in one line. */
export function describeWritten(dir: string, pkg: EnvironmentPackage): string {
  const lines = pkg.source.split("\n").length;
  const tools = pkg.manifest?.tools.length ?? 0;
  const tests = pkg.tests?.tests.length ?? 0;
  return `wrote ${dir}: environment.ts (${lines} lines, ${tools} tools), manifest.json, tests.json (${tests} self-tests), spec.json`;
}

async function readSpecFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError("spec_not_found", `cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError("spec_invalid", `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function progress(event: SynthesisEvent): string {
  switch (event.stage) {
    case "spec":
      return `spec draft ${event.attempt}: ${event.status}${event.problems.length ? ` (${event.problems.length} problems)` : ""} — ${event.latencyMs} ms, ${event.tokens.total} tokens`;
    case "baseline":
      return `baseline compiled from the spec: ${event.tests} self-tests`;
    case "code":
      return `code attempt ${event.attempt}: ${event.code === null ? "no code in the answer" : `${event.code.split("\n").length} lines`} — ${event.latencyMs} ms, ${event.tokens.total} tokens`;
    case "verify":
      return `verify attempt ${event.attempt}: ${event.ok ? "all checks pass" : `${event.passed}/${event.total} self-tests pass, ${event.diagnostics.length} diagnostics`}`;
    case "done":
      return `${event.status} after ${event.attempts} attempt(s)`;
  }
}

export const synthCommand: Command = {
  name: "synth",
  summary: "Synthesize an environment package from a domain spec (offline) or a description (LLM)",
  usage,
  options: {
    spec: { type: "string", short: "s" },
    describe: { type: "string", short: "d" },
    out: { type: "string", short: "o" },
    attempts: { type: "string" },
  },
  async run({ values }) {
    const out = values.out;
    if (typeof out !== "string")
      throw new CliError("bad_arguments", `--out <dir> is required.\n\n${usage}`, 2);
    if ((typeof values.spec === "string") === (typeof values.describe === "string")) {
      throw new CliError(
        "bad_arguments",
        `give exactly one of --spec and --describe.\n\n${usage}`,
        2,
      );
    }

    if (typeof values.spec === "string") {
      const validation = validateSpec(await readSpecFile(values.spec));
      if (!validation.ok) {
        throw new CliError(
          "spec_invalid",
          `${values.spec} has ${validation.problems.length} problem(s):\n${formatProblems(validation.problems)}`,
        );
      }
      const { pkg, warnings } = await synthesizeFromSpec(validation.spec);
      for (const warning of warnings) console.error(`warning[${warning.code}]: ${warning.message}`);
      const report = await verifyPackage(pkg);
      await writePackage(out, pkg);
      console.log(describeWritten(out, pkg));
      console.log(
        `check: ${report.passed}/${report.total} self-tests pass${report.ok ? "" : `\n${describeReport(report)}`}`,
      );
      return report.ok ? 0 : 1;
    }

    const attempts = values.attempts === undefined ? 3 : Number(values.attempts);
    if (!Number.isInteger(attempts) || attempts < 1)
      throw new CliError("bad_arguments", "--attempts must be a positive integer", 2);
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once("SIGINT", cancel);
    try {
      // LangChain takes seconds to load; only the --describe path needs it.
      const { synthesizeFromDescription } = await import("@/lib/synthesis/llm/pipeline");
      const result = await synthesizeFromDescription({
        description: values.describe as string,
        source: { provider: llmConfigFromEnv() },
        maxAttempts: attempts,
        signal: controller.signal,
        onEvent: (event) => console.error(progress(event)),
      });
      if (result.status !== "published" || !result.pkg) {
        const best = result.best;
        throw new CliError(
          "synthesis_failed",
          `no attempt passed every check (best: ${best?.passed ?? 0}/${best?.total ?? 0} self-tests); nothing was written.\n${best?.summary ?? ""}`,
        );
      }
      await writePackage(out, result.pkg);
      console.log(describeWritten(out, result.pkg));
      return 0;
    } catch (error) {
      if (error instanceof SynthesisError)
        throw new CliError(error.code, error.message.replace(`${error.code}: `, ""));
      throw error;
    } finally {
      process.off("SIGINT", cancel);
    }
  },
};
