/**
 * Training benchmark on the gallery domains: (1) learning — eval-split success of the untrained
 * learner vs. after training, and the wall time; (2) robustness — a policy trained with `flaky`
 * faults vs. one trained clean, both evaluated clean and under `flaky`; (3) throughput —
 * environment steps per second during training. Writes the `## Training` section of
 * BENCHMARKS.md, leaving the other sections as they are.
 *
 * Run: npm run bench:training   (or: npx tsx bench/training.ts [--domains a,b] [--iterations 100]
 * [--dry-run]; --dry-run prints the section without touching BENCHMARKS.md)
 */
import { machineLine, writeSection } from "./report";
import os from "node:os";
import { parseArgs } from "node:util";
import { loadEnvironment, type LoadedEnvironment } from "@/lib/runtime";
import { gallery, synthesizeFromSpec } from "@/lib/synthesis";
import { generateTasks, type Task } from "@/lib/tasks";
import {
  evaluate,
  LinearPolicy,
  train,
  trainConfigSchema,
  type EvaluationReport,
  type TrainConfigInput,
} from "@/lib/training";
import { TRAINING_TOOL_TIMEOUT_MS } from "@/lib/training/io/run-inputs";

const { values } = parseArgs({
  options: {
    domains: { type: "string" },
    iterations: { type: "string" },
    "dry-run": { type: "boolean" },
  },
});
const DOMAINS = values.domains ? values.domains.split(",") : gallery.map((g) => g.name);
const ITERATIONS = Number(values.iterations ?? 100);
const TASKS = 100;
const EVAL_TRIALS = 4;
const SEED = 1;
/** Share of rollouts with faults when training for robustness. */
const ROBUST_FRACTION = 0.5;

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

interface Trained {
  policy: LinearPolicy;
  seconds: number;
  envSteps: number;
  rolloutSeconds: number;
  cpuSeconds: number;
}

async function trainOnce(
  env: LoadedEnvironment,
  tasks: Task[],
  config: TrainConfigInput,
): Promise<Trained> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let envSteps = 0;
  let rolloutMs = 0;
  const result = await train({
    env,
    tasks,
    config: { iterations: ITERATIONS, evalEvery: 0, seed: SEED, ...config },
    onIteration: (m) => {
      envSteps += m.envSteps;
      rolloutMs += m.timing.rolloutMs;
    },
  });
  const used = process.cpuUsage(cpu);
  return {
    policy: result.policy,
    seconds: (performance.now() - started) / 1000,
    envSteps,
    rolloutSeconds: rolloutMs / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

type Profile = "flaky" | "hostile";
const PROFILES: Profile[] = ["flaky", "hostile"];

function evalWith(
  env: LoadedEnvironment,
  tasks: Task[],
  policy: LinearPolicy,
  faults: "none" | Profile,
): Promise<EvaluationReport> {
  return evaluate({
    env,
    tasks,
    policy,
    trials: EVAL_TRIALS,
    faultProfile: faults,
    maxSteps: trainConfigSchema.parse({}).maxSteps,
    seed: 2024,
  });
}

async function measureDomain(name: string) {
  const entry = gallery.find((g) => g.name === name);
  if (!entry) throw new Error(`no gallery domain ${name}`);
  const { pkg } = await synthesizeFromSpec(entry.spec);
  const env = await loadEnvironment(
    { package: pkg },
    { limits: { timeoutMs: TRAINING_TOOL_TIMEOUT_MS } },
  );
  try {
    const { tasks } = await generateTasks(env, { count: TASKS, seed: SEED, spec: pkg.spec });
    const evalTasks = tasks.filter((t) => t.split === "eval");
    const untrained = await evalWith(env, evalTasks, new LinearPolicy(), "none");

    const clean = await trainOnce(env, tasks, {});
    const cleanGreedy = await evalWith(
      env,
      evalTasks,
      new LinearPolicy(clean.policy.weights, { greedy: true }),
      "none",
    );
    const robustness = [];
    for (const profile of PROFILES) {
      const cleanTrained = await evalWith(env, evalTasks, clean.policy, profile);
      const robust = await trainOnce(env, tasks, {
        faultProfile: profile,
        faultFraction: ROBUST_FRACTION,
      });
      const robustTrained = await evalWith(env, evalTasks, robust.policy, profile);
      robustness.push({ profile, cleanTrained, robustTrained });
    }
    const sampled = robustness[0].cleanTrained;
    const row = {
      name,
      tools: env.manifest.tools.length,
      train: tasks.length - evalTasks.length,
      eval: evalTasks.length,
      untrained: untrained.clean.successRate,
      trained: sampled.clean.successRate,
      greedy: cleanGreedy.clean.successRate,
      passK: sampled.clean.passHatK[String(EVAL_TRIALS)],
      robustness: robustness.map((r) => ({
        profile: r.profile,
        cleanOnClean: r.cleanTrained.clean.successRate,
        cleanOnFaulty: r.cleanTrained.faulty!.successRate,
        robustOnClean: r.robustTrained.clean.successRate,
        robustOnFaulty: r.robustTrained.faulty!.successRate,
        cleanRecovery: r.cleanTrained.faulty!.faultRecoveryRate,
        robustRecovery: r.robustTrained.faulty!.faultRecoveryRate,
      })),
      seconds: clean.seconds,
      stepsPerSec: clean.envSteps / clean.rolloutSeconds,
      stepsPerCpuSec: clean.envSteps / clean.cpuSeconds,
    };
    console.error(`${name}: ${JSON.stringify(row)}`);
    return row;
  } finally {
    env.dispose();
  }
}

function section(rows: Awaited<ReturnType<typeof measureDomain>>[], load: string): string {
  const mean = (f: (r: (typeof rows)[number]) => number) =>
    rows.reduce((a, r) => a + f(r), 0) / rows.length;
  const defaults = trainConfigSchema.parse({});
  return [
    "## Training",
    "",
    `The built-in learner (log-linear policy over relational features, zero-initialised) trained with GRPO on each gallery domain (\`npm run bench:training\`): ${TASKS} generated tasks (seed ${SEED}), trained on the train split, evaluated on the held-out eval split, ${EVAL_TRIALS} sampled trials per task. ${ITERATIONS} iterations × ${defaults.tasksPerIteration} tasks × G = ${defaults.groupSize}, ${defaults.updateEpochs} clipped updates per batch, Adam lr ${defaults.learningRate}, max ${defaults.maxSteps} steps. Success = reward 1 (every goal, required call and output, no penalty).`,
    "",
    machineLine(load),
    "",
    "### Learning (trained clean)",
    "",
    "| domain | tools | train / eval tasks | untrained | trained | trained, greedy | pass^4 | train time | env steps/s | steps per CPU-s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.tools} | ${r.train} / ${r.eval} | ${pct(r.untrained)} | ${pct(r.trained)} | ${pct(r.greedy)} | ${pct(r.passK)} | ${r.seconds.toFixed(0)} s | ${r.stepsPerSec.toFixed(0)} | ${r.stepsPerCpuSec.toFixed(0)} |`,
    ),
    `| **mean** | | | ${pct(mean((r) => r.untrained))} | ${pct(mean((r) => r.trained))} | ${pct(mean((r) => r.greedy))} | ${pct(mean((r) => r.passK))} | ${mean((r) => r.seconds).toFixed(0)} s | ${mean((r) => r.stepsPerSec).toFixed(0)} | ${mean((r) => r.stepsPerCpuSec).toFixed(0)} |`,
    "",
    ...PROFILES.flatMap((profile, p) => {
      const rob = rows.map((r) => ({ name: r.name, ...r.robustness[p] }));
      const avg = (f: (r: (typeof rob)[number]) => number) =>
        rob.reduce((a, r) => a + f(r), 0) / rob.length;
      const rate = (x: number | null) => (x === null ? "n/a" : pct(x));
      return [
        `### Robustness: trained clean vs. trained with \`${profile}\` on ${pct(ROBUST_FRACTION)} of rollouts`,
        "",
        `| domain | clean-trained: clean | clean-trained: ${profile} | ${profile}-trained: clean | ${profile}-trained: ${profile} | Δ under ${profile} | Δ clean | fault recovery (clean-trained → ${profile}-trained) |`,
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...rob.map(
          (r) =>
            `| ${r.name} | ${pct(r.cleanOnClean)} | ${pct(r.cleanOnFaulty)} | ${pct(r.robustOnClean)} | ${pct(r.robustOnFaulty)} | ${((r.robustOnFaulty - r.cleanOnFaulty) * 100).toFixed(0)} pts | ${((r.robustOnClean - r.cleanOnClean) * 100).toFixed(0)} pts | ${rate(r.cleanRecovery)} → ${rate(r.robustRecovery)} |`,
        ),
        `| **mean** | ${pct(avg((r) => r.cleanOnClean))} | ${pct(avg((r) => r.cleanOnFaulty))} | ${pct(avg((r) => r.robustOnClean))} | ${pct(avg((r) => r.robustOnFaulty))} | ${(avg((r) => r.robustOnFaulty - r.cleanOnFaulty) * 100).toFixed(0)} pts | ${(avg((r) => r.robustOnClean - r.cleanOnClean) * 100).toFixed(0)} pts | |`,
        "",
      ];
    }),
    "Env steps/s counts tool calls during the rollout phase of training (policy and scoring included); steps per CPU-second divides by the process's CPU time instead of wall time, which the machine's load does not distort.",
    "",
    "Each cell is one training run (seed 1) evaluated on 4 sampled trials per eval task; a single run can settle in a poor optimum, so a row far below the others is worth re-running with another seed before reading it as the profile's effect.",
    "",
  ].join("\n");
}

async function main() {
  const rows = [];
  const loads: number[] = [];
  for (const name of DOMAINS) {
    rows.push(await measureDomain(name));
    loads.push(os.loadavg()[0]);
  }
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  const text = section(rows, load);
  if (!values["dry-run"]) {
    await writeSection("Training", text);
  }
  console.log(text);
}

await main();
