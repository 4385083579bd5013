/**
 * Task generation benchmark: for each gallery domain, tasks generated and validated per second
 * (sampling, execution in the sandbox, goals, checker mutation test, no-op and reference
 * validation, de-duplication). Writes the `## Tasks` section of BENCHMARKS.md, leaving the
 * other sections as they are.
 *
 * Run: npm run bench:tasks   (or: npx tsx bench/tasks.ts)
 */
import { machineLine, writeSection } from "./report";
import os from "node:os";
import { buildToolGraph, generateTasks } from "@/lib/tasks";
import { GALLERY_NAMES, galleryEnvironment } from "@/lib/tasks/gallery-envs";

const RUNS = 3;
const COUNT = 100;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure() {
  // Warm up: the first generation pays for QuickJS and the JIT once per process.
  const warm = await galleryEnvironment(GALLERY_NAMES[0]);
  await generateTasks(warm.env, { count: 20, seed: 999, spec: warm.spec });
  warm.env.dispose();
  const rows: string[] = [];
  for (const name of GALLERY_NAMES) {
    const { env, spec } = await galleryEnvironment(name);
    const rates: number[] = [];
    let last;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      last = await generateTasks(env, { count: COUNT, seed: run + 1, spec });
      rates.push(last.stats.accepted / ((performance.now() - started) / 1000));
    }
    const { stats } = last!;
    const rejected = Object.values(stats.rejectedByCode).reduce((a, b) => a + (b ?? 0), 0);
    const discarded = Object.values(stats.discardedByReason).reduce((a, b) => a + b, 0);
    const row = [
      name,
      env.manifest.tools.length,
      buildToolGraph(env.manifest).edges.length,
      `${stats.byTier.easy} / ${stats.byTier.medium} / ${stats.byTier.hard}`,
      stats.attempts,
      discarded,
      rejected,
      median(rates).toFixed(1),
    ];
    rows.push(`| ${row.join(" | ")} |`);
    console.log(rows.at(-1));
    env.dispose();
  }
  return rows;
}

function section(rows: string[]): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
  return [
    "## Tasks",
    "",
    `Task generation per gallery domain (\`npm run bench:tasks\`): ${COUNT} tasks per run, median of ${RUNS} runs`,
    "(seeds 1–3) after a warm-up, inline sessions in one thread. A task counts once it is sampled, executed,",
    "given stable goals, passed the checker mutation test, scored 0 as a no-op and 1 as the reference, and",
    "found no duplicate. *attempts* = sampled chains; *discarded* = chains that never became a task;",
    "*rejected* = tasks that failed validation or duplicated another (last run).",
    "",
    machineLine(load),
    "",
    "| domain | tools | graph edges | easy / medium / hard | attempts | discarded | rejected | tasks/s |",
    "| --- | ---: | ---: | :---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
  ].join("\n");
}

const rows = await measure();
await writeSection("Tasks", section(rows));
