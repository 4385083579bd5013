import { writeFile } from "node:fs/promises";
import path from "node:path";
import { PACKAGE_FILES, RuntimeError } from "@/lib/runtime";
import {
  DEFAULT_MIX,
  difficulties,
  generateTasks,
  loadTaskEnvironment,
  tasksToJsonl,
  TaskError,
  type GenerateProgress,
  type GenerateStats,
  type TierMix,
} from "@/lib/tasks";
import { CliError, type Command } from "../command";

const usage = `Usage:
  npm run envf -- tasks <envDir> [--count 100] [--seed 0] [--out <tasks.jsonl>]
                   [--mix easy=0.3,medium=0.4,hard=0.3] [--embed-state]

Samples call chains from the environment's tool graph, runs them in the sandbox, and writes
validated tasks (instruction, reference solution, checker) as JSON lines. Every task's no-op
episode scores 0 and its reference solution scores 1. The same seed gives the same file.

Options:
  --count  tasks to generate (default 100)
  --seed   sampling seed (default 0)
  --out    output file (default <envDir>/${PACKAGE_FILES.tasks})
  --mix    share of each difficulty tier (default easy=${DEFAULT_MIX.easy},medium=${DEFAULT_MIX.medium},hard=${DEFAULT_MIX.hard})
  --embed-state  store each task's seed state in it (self-contained across env versions; larger)

Progress goes to stderr, the summary to stdout.`;

function integer(value: unknown, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== "string" || !/^-?\d+$/.test(value) || n < min) {
    throw new CliError(
      "bad_arguments",
      `--${name} must be a whole number ≥ ${min}, got "${String(value)}"`,
      2,
    );
  }
  return n;
}

/** `easy=0.2,medium=0.5,hard=0.3` (tiers left out get no share). */
function parseMix(value: unknown): TierMix | undefined {
  if (value === undefined) return undefined;
  const mix: TierMix = { easy: 0, medium: 0, hard: 0 };
  for (const part of String(value).split(",")) {
    const [tier, share] = part.split("=");
    const n = Number(share);
    if (!difficulties.includes(tier as (typeof difficulties)[number]) || !(n >= 0)) {
      throw new CliError(
        "bad_arguments",
        `--mix expects tier=share pairs like easy=0.3,medium=0.4,hard=0.3; got "${part}"`,
        2,
      );
    }
    mix[tier as keyof TierMix] = n;
  }
  return mix;
}

function progressLine(p: GenerateProgress): string {
  const tiers = difficulties.map((d) => `${d} ${p.byTier[d]}`).join(", ");
  return `tasks: ${p.accepted}/${p.requested} (${tiers}) after ${p.attempts} attempts`;
}

function summary(stats: GenerateStats, out: string, ms: number): string {
  const count = (record: Record<string, number | undefined>) =>
    Object.entries(record)
      .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  return [
    `wrote ${stats.accepted} tasks to ${out} in ${(ms / 1000).toFixed(1)} s`,
    `  by tier:   ${difficulties.map((d) => `${d} ${stats.byTier[d]}`).join(", ")}`,
    `  split:     train ${stats.split.train}, eval ${stats.split.eval}`,
    `  rejected:  ${count(stats.rejectedByCode)}`,
    `  discarded: ${count(stats.discardedByReason)} (of ${stats.attempts} sampled chains)`,
  ].join("\n");
}

export const tasksCommand: Command = {
  name: "tasks",
  summary: "Generate validated tasks (instruction, solution, checker) for an environment package",
  usage,
  options: {
    count: { type: "string", short: "n" },
    seed: { type: "string" },
    out: { type: "string", short: "o" },
    mix: { type: "string" },
    "embed-state": { type: "boolean" },
  },
  async run({ positionals, values }) {
    const [dir] = positionals;
    if (!dir || positionals.length > 1) {
      throw new CliError(
        "bad_arguments",
        `tasks takes exactly one argument: the environment package directory.\n\n${usage}`,
        2,
      );
    }
    const count = integer(values.count, "count", 100, 1);
    const seed = integer(values.seed, "seed", 0, 0);
    const mix = parseMix(values.mix);
    const out = typeof values.out === "string" ? values.out : path.join(dir, PACKAGE_FILES.tasks);

    let loaded;
    try {
      loaded = await loadTaskEnvironment(dir);
    } catch (error) {
      if (error instanceof RuntimeError)
        throw new CliError(error.code.toLowerCase(), error.message);
      throw error;
    }
    const started = performance.now();
    let lastReported = -1;
    const step = Math.max(1, Math.round(count / 10));
    try {
      const result = await generateTasks(loaded.env, {
        count,
        seed,
        mix,
        spec: loaded.spec,
        embedInitialState: values["embed-state"] === true,
        onProgress: (p) => {
          // Every tenth of the count, and now and then while the environment gives nothing.
          const stalled = p.attempts % 200 === 0;
          if (p.accepted - lastReported < step && p.accepted < p.requested && !stalled) return;
          lastReported = p.accepted;
          console.error(progressLine(p));
        },
      });
      await writeFile(out, tasksToJsonl(result.tasks));
      console.log(summary(result.stats, out, performance.now() - started));
      if (result.stats.accepted < count) {
        const exhausted = result.stats.exhaustedTiers.length
          ? ` (no more ${result.stats.exhaustedTiers.join(", ")} tasks found)`
          : "";
        console.error(
          `warning: the environment gave ${result.stats.accepted} of ${count} tasks${exhausted}`,
        );
      }
      return 0;
    } catch (error) {
      if (error instanceof TaskError || error instanceof RuntimeError) {
        throw new CliError(error.code.toLowerCase(), error.message);
      }
      throw error;
    } finally {
      loaded.env.dispose();
    }
  },
};
