import { appendFile, writeFile } from "node:fs/promises";
import {
  chatModel,
  evaluate,
  llmPolicy,
  noopPolicy,
  randomPolicy,
  referencePolicy,
  type ConditionReport,
  type EvaluationReport,
  type Policy,
} from "@/lib/training";
import { loadTrainedPolicy } from "@/lib/training/io/run-directory";
import { loadRunInputs } from "@/lib/training/io/run-inputs";
import type { Task } from "@/lib/tasks";
import { CliError, type Command } from "../command";
import { asCliError, faultOption, numberOption } from "./train";
import { MAX_EPISODE_STEPS } from "@/lib/training/episode";

const usage = `Usage:
  npm run envf -- eval <envDir> --policy <runDir|checkpoint.json|policy.json|random|noop|reference|llm>
      [--tasks <tasks.jsonl>] [--trials 4] [--faults none|flaky|hostile] [--split eval|train|all]
      [--max-steps 10] [--seed 0] [--greedy] [--episodes <file.jsonl>] [--json]
      [--llm-model <name> --llm-base-url <url> --llm-provider openai|anthropic]

Runs every task of the split --trials times clean and, with --faults, as many times under
that fault profile, and reports success, pass^k and the reward components. With --json the
last line of stdout is one JSON object:
  {tasks, trials, success_rate, mean_reward, pass_hat_k: {"1": …, "<k>": …},
   reward_components: {trace, state, penalty}, clean_success, faulty_success, fault_recovery_rate}
success_rate, mean_reward, pass_hat_k and reward_components describe the episodes run under
--faults (clean when none); clean_success and faulty_success are side by side (faulty_success
and fault_recovery_rate are null without --faults).

Policies: a trained run (its directory, checkpoint.json or policy.json); random (uniform over the
learner's candidates); noop (finishes at once); reference (each task's solution, retrying
transient faults); llm (LangChain tool calling; --llm-model is required, --llm-base-url points at
any OpenAI-compatible server; the key comes from OPENAI_API_KEY / ANTHROPIC_API_KEY).

  --greedy     a trained or random policy takes its most likely choice instead of sampling
  --episodes   also write every episode as JSON lines (trajectories for datasets)`;

async function policyFrom(
  values: Record<string, unknown>,
  tasks: readonly Task[],
): Promise<Policy> {
  const name = values.policy;
  if (typeof name !== "string")
    throw new CliError("bad_arguments", `--policy is required.\n\n${usage}`, 2);
  const greedy = values.greedy === true;
  switch (name) {
    case "noop":
      return noopPolicy;
    case "reference":
      return referencePolicy(tasks);
    case "random": {
      const policy = randomPolicy();
      policy.greedy = greedy;
      return policy;
    }
    case "llm": {
      if (typeof values["llm-model"] !== "string")
        throw new CliError("bad_arguments", "--policy llm needs --llm-model", 2);
      const provider = values["llm-provider"] ?? "openai";
      if (provider !== "openai" && provider !== "anthropic")
        throw new CliError(
          "bad_arguments",
          `--llm-provider must be openai or anthropic, got "${String(provider)}"`,
          2,
        );
      const model = chatModel({
        provider,
        model: values["llm-model"],
        baseUrl: typeof values["llm-base-url"] === "string" ? values["llm-base-url"] : undefined,
      });
      return llmPolicy({ model, name: `llm:${values["llm-model"]}` });
    }
    default:
      return loadTrainedPolicy(name, { greedy });
  }
}

function headline(report: EvaluationReport) {
  const main: ConditionReport = report.faulty ?? report.clean;
  const k = String(report.trials);
  return {
    tasks: report.tasks,
    trials: report.trials,
    policy: report.policy,
    success_rate: main.successRate,
    mean_reward: main.meanReward,
    pass_hat_k: { "1": main.passHatK["1"], [k]: main.passHatK[k] },
    reward_components: main.rewardComponents,
    clean_success: report.clean.successRate,
    faulty_success: report.faulty?.successRate ?? null,
    fault_recovery_rate: report.faulty?.faultRecoveryRate ?? null,
  };
}

function describe(report: EvaluationReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (label: string, c: ConditionReport) =>
    `  ${label.padEnd(7)} success ${pct(c.successRate)}  reward ${c.meanReward.toFixed(3)} (trace ${c.rewardComponents.trace.toFixed(2)}, state ${c.rewardComponents.state.toFixed(2)}, penalty ${c.rewardComponents.penalty.toFixed(2)})  pass^k ${Object.entries(
      c.passHatK,
    )
      .map(([k, v]) => `${k}:${v.toFixed(2)}`)
      .join(" ")}`;
  const lines = [
    `${report.policy} on ${report.tasks} tasks × ${report.trials} trials`,
    line("clean", report.clean),
  ];
  if (report.faulty) {
    lines.push(line(report.faulty.faultProfile, report.faulty));
    const recovery = report.faulty.faultRecoveryRate;
    lines.push(
      `  fault recovery ${recovery === null ? "n/a (no episode hit a fault)" : pct(recovery)}`,
    );
  }
  return lines.join("\n");
}

export const evalCommand: Command = {
  name: "eval",
  summary: "Evaluate a policy (trained run, baseline or LLM) with pass^k, clean and under faults",
  usage,
  options: {
    tasks: { type: "string" },
    policy: { type: "string", short: "p" },
    trials: { type: "string", short: "k" },
    faults: { type: "string" },
    split: { type: "string" },
    "max-steps": { type: "string" },
    seed: { type: "string" },
    greedy: { type: "boolean" },
    episodes: { type: "string" },
    json: { type: "boolean" },
    "llm-model": { type: "string" },
    "llm-base-url": { type: "string" },
    "llm-provider": { type: "string" },
  },
  async run({ positionals, values }) {
    const [envDir] = positionals;
    if (!envDir || positionals.length > 1)
      throw new CliError(
        "bad_arguments",
        `eval takes exactly one argument: the environment package directory.\n\n${usage}`,
        2,
      );
    const split = values.split ?? "eval";
    if (split !== "eval" && split !== "train" && split !== "all")
      throw new CliError(
        "bad_arguments",
        `--split must be eval, train or all, got "${String(split)}"`,
        2,
      );
    const trials = numberOption(values, "trials", { integer: true, min: 1 }) ?? 4;
    const faults = faultOption(values) ?? "none";
    const maxSteps =
      numberOption(values, "max-steps", { integer: true, min: 1, max: MAX_EPISODE_STEPS }) ?? 10;
    const seed = numberOption(values, "seed", { integer: true, min: 0 }) ?? 0;

    try {
      const { env, tasks: all } = await loadRunInputs(
        envDir,
        typeof values.tasks === "string" ? values.tasks : undefined,
      );
      try {
        const tasks = split === "all" ? all : all.filter((t) => t.split === split);
        if (tasks.length === 0)
          throw new CliError(
            "no_tasks",
            `no task in the ${split} split; pass --split all or another tasks file`,
          );
        const policy = await policyFrom(values, all);
        const episodesFile = typeof values.episodes === "string" ? values.episodes : null;
        if (episodesFile) await writeFile(episodesFile, "");
        const report = await evaluate({
          env,
          tasks,
          policy,
          trials,
          faultProfile: faults,
          maxSteps,
          seed,
          onEpisode: episodesFile
            ? (episode, condition) =>
                appendFile(episodesFile, `${JSON.stringify({ ...episode, condition })}\n`)
            : undefined,
        });
        console.log(describe(report));
        if (values.json === true) console.log(JSON.stringify(headline(report)));
      } finally {
        env.dispose();
      }
      return 0;
    } catch (error) {
      throw asCliError(error);
    }
  },
};
