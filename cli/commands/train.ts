import { FAULT_PROFILE_NAMES, RuntimeError, type FaultProfileName } from "@/lib/runtime";
import { TaskError } from "@/lib/tasks";
import {
  train,
  TrainingError,
  trainConfigSchema,
  type IterationMetrics,
  type TrainConfigInput,
} from "@/lib/training";
import { RunDirectory } from "@/lib/training/io/run-directory";
import { loadRunInputs } from "@/lib/training/io/run-inputs";
import { CliError, type Command } from "../command";
import { MAX_EPISODE_STEPS } from "@/lib/training/episode";

const usage = `Usage:
  npm run envf -- train <envDir> --out <runDir> [--tasks <tasks.jsonl>] [--algo grpo|reinforce]
      [--iterations 50] [--group 8] [--tasks-per-iteration 8] [--lr 0.1] [--entropy 0.01]
      [--dr-grpo] [--faults none|flaky|hostile] [--fault-fraction 0] [--curriculum]
      [--eval-every 10] [--eval-trials 4] [--max-steps 10] [--seed 0] [--resume]

Trains the built-in learner (a log-linear policy over relational features) on the train split
with GRPO or REINFORCE, evaluating on the eval split clean and under faults side by side.

Writes to <runDir>: metrics.jsonl (one line per iteration), episodes.jsonl (every rollout and
evaluation trial), checkpoint.json (after each iteration) and policy.json (named weights).
Ctrl+C stops after the current iteration; --resume continues from checkpoint.json (with
--iterations, up to that many in total).

Options:
  --tasks                tasks file (default <envDir>/tasks.jsonl)
  --algo                 grpo (default) or reinforce (moving-average baseline)
  --group                rollouts per task per iteration (GRPO's G)
  --dr-grpo              no std normalisation of advantages, constant length normaliser
  --faults               fault profile injected into --fault-fraction of the rollouts
  --curriculum           raise the fault fraction as clean and faulty success converge
  --eval-every           evaluate every N iterations and after the last (0: never)`;

/** Signals closer together than this are one Ctrl+C seen twice. */
const SIGINT_REPEAT_MS = 500;

export function numberOption(
  values: Record<string, unknown>,
  name: string,
  options: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  const ok =
    typeof raw === "string" &&
    raw.trim() !== "" &&
    Number.isFinite(n) &&
    (!options.integer || Number.isInteger(n)) &&
    n >= (options.min ?? -Infinity) &&
    n <= (options.max ?? Infinity);
  if (!ok) {
    const range = [
      options.min !== undefined ? `≥ ${options.min}` : "",
      options.max !== undefined ? `≤ ${options.max}` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    throw new CliError(
      "bad_arguments",
      `--${name} must be ${options.integer ? "a whole number" : "a number"}${range ? ` ${range}` : ""}, got "${String(raw)}"`,
      2,
    );
  }
  return n;
}

export function faultOption(
  values: Record<string, unknown>,
  name = "faults",
): FaultProfileName | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!FAULT_PROFILE_NAMES.includes(raw as FaultProfileName)) {
    throw new CliError(
      "bad_arguments",
      `--${name} must be one of ${FAULT_PROFILE_NAMES.join(", ")}, got "${String(raw)}"`,
      2,
    );
  }
  return raw as FaultProfileName;
}

/** Library errors carry codes a user can act on; the CLI shows them as `error[code]`. */
export function asCliError(error: unknown): unknown {
  if (
    error instanceof TrainingError ||
    error instanceof RuntimeError ||
    error instanceof TaskError
  ) {
    return new CliError(error.code.toLowerCase(), error.message);
  }
  return error;
}

function configFrom(values: Record<string, unknown>): TrainConfigInput {
  const algo = values.algo;
  if (algo !== undefined && algo !== "grpo" && algo !== "reinforce") {
    throw new CliError(
      "bad_arguments",
      `--algo must be grpo or reinforce, got "${String(algo)}"`,
      2,
    );
  }
  const config: TrainConfigInput = {
    algorithm: algo as "grpo" | "reinforce" | undefined,
    iterations: numberOption(values, "iterations", { integer: true, min: 1 }),
    groupSize: numberOption(values, "group", { integer: true, min: 1 }),
    tasksPerIteration: numberOption(values, "tasks-per-iteration", { integer: true, min: 1 }),
    learningRate: numberOption(values, "lr", { min: 0 }),
    entropyCoef: numberOption(values, "entropy", { min: 0 }),
    drGrpo: values["dr-grpo"] === true ? true : undefined,
    faultProfile: faultOption(values),
    faultFraction: numberOption(values, "fault-fraction", { min: 0, max: 1 }),
    curriculum: values.curriculum === true ? { enabled: true } : undefined,
    evalEvery: numberOption(values, "eval-every", { integer: true, min: 0 }),
    evalTrials: numberOption(values, "eval-trials", { integer: true, min: 1 }),
    maxSteps: numberOption(values, "max-steps", { integer: true, min: 1, max: MAX_EPISODE_STEPS }),
    seed: numberOption(values, "seed", { integer: true, min: 0 }),
  };
  // Unset options fall back to the schema's defaults (or, on --resume, the checkpoint's).
  return Object.fromEntries(
    Object.entries(config).filter(([, v]) => v !== undefined),
  ) as TrainConfigInput;
}

/** One redrawn line on a terminal; one line per iteration when stderr is a file or pipe. */
function progress(total: number, first: number) {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  return {
    update(m: IterationMetrics) {
      const done = m.iteration + 1;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const secs = (performance.now() - started) / 1000 / Math.max(1, done - first);
      const evalPart = m.eval
        ? ` eval ${(m.eval.clean.successRate * 100).toFixed(0)}%${m.eval.faulty ? `/${(m.eval.faulty.successRate * 100).toFixed(0)}% faulty` : ""}`
        : "";
      const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} reward ${m.reward.mean.toFixed(3)} success ${(m.success.all * 100).toFixed(0)}%${evalPart} ${secs.toFixed(1)}s/it`;
      if (tty) process.stderr.write(`\r\x1b[2K${line}`);
      else console.error(line);
    },
    end() {
      if (tty) process.stderr.write("\n");
    },
  };
}

export const trainCommand: Command = {
  name: "train",
  summary: "Train the built-in learner with GRPO or REINFORCE (robust RL with fault injection)",
  usage,
  options: {
    tasks: { type: "string" },
    out: { type: "string", short: "o" },
    algo: { type: "string" },
    iterations: { type: "string" },
    group: { type: "string" },
    "tasks-per-iteration": { type: "string" },
    lr: { type: "string" },
    entropy: { type: "string" },
    "dr-grpo": { type: "boolean" },
    faults: { type: "string" },
    "fault-fraction": { type: "string" },
    curriculum: { type: "boolean" },
    "eval-every": { type: "string" },
    "eval-trials": { type: "string" },
    "max-steps": { type: "string" },
    seed: { type: "string" },
    resume: { type: "boolean" },
  },
  async run({ positionals, values }) {
    const [envDir] = positionals;
    if (!envDir || positionals.length > 1)
      throw new CliError(
        "bad_arguments",
        `train takes exactly one argument: the environment package directory.\n\n${usage}`,
        2,
      );
    if (typeof values.out !== "string")
      throw new CliError("bad_arguments", `--out <runDir> is required.\n\n${usage}`, 2);
    const config = configFrom(values);
    const run = new RunDirectory(values.out);
    const resume = values.resume === true;
    if (!resume && (await run.hasCheckpoint())) {
      throw new CliError(
        "run_exists",
        `${values.out} already holds a run; pass --resume to continue it or choose another --out`,
      );
    }
    if (resume && !(await run.hasCheckpoint()))
      throw new CliError("no_checkpoint", `${values.out} has no checkpoint.json to resume from`);

    try {
      const { env, tasks } = await loadRunInputs(
        envDir,
        typeof values.tasks === "string" ? values.tasks : undefined,
      );
      const checkpoint = resume ? await run.readCheckpoint() : undefined;
      if (checkpoint) await run.truncateTo(checkpoint.iteration);
      else await run.start();
      const total =
        config.iterations ??
        checkpoint?.config.iterations ??
        trainConfigSchema.parse({}).iterations;

      const controller = new AbortController();
      let firstSigint = 0;
      const onSigint = () => {
        if (!controller.signal.aborted) {
          firstSigint = performance.now();
          console.error("\nstopping after this iteration (Ctrl+C again to quit now)");
          controller.abort();
          // A second signal within moments is the same Ctrl+C relayed by a wrapper (npm, tsx).
        } else if (performance.now() - firstSigint > SIGINT_REPEAT_MS) {
          process.exit(130);
        }
      };
      process.on("SIGINT", onSigint);
      const bar = progress(total, checkpoint?.iteration ?? 0);
      try {
        const result = await train({
          env,
          tasks,
          config: resume ? (config.iterations ? { iterations: config.iterations } : {}) : config,
          resumeFrom: checkpoint,
          signal: controller.signal,
          onIteration: async (metrics, episodes, next) => {
            await run.recordIteration(metrics, episodes, next);
            bar.update(metrics);
          },
        });
        bar.end();
        await run.writePolicy(result.policy.toJSON());
        const last = result.metrics.at(-1);
        const evalLine = last?.eval
          ? `, eval success ${(last.eval.clean.successRate * 100).toFixed(1)}% clean / ${last.eval.faulty ? `${(last.eval.faulty.successRate * 100).toFixed(1)}% ${last.eval.faulty.faultProfile}` : "n/a"}`
          : "";
        console.log(
          `${result.status} ${result.checkpoint.iteration}/${result.checkpoint.config.iterations} iterations${evalLine}; run written to ${values.out}`,
        );
        const tasksFlag = typeof values.tasks === "string" ? ` --tasks ${values.tasks}` : "";
        if (result.status === "stopped")
          console.log(
            `resume with: npm run envf -- train ${envDir}${tasksFlag} --out ${values.out} --resume`,
          );
      } finally {
        process.off("SIGINT", onSigint);
        env.dispose();
      }
      return 0;
    } catch (error) {
      throw asCliError(error);
    }
  },
};
