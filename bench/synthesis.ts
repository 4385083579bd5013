/**
 * Offline synthesis benchmark: for each gallery domain, the time to synthesize the package
 * (compile the spec, seed in the sandbox, search the self-tests) and the time to check it
 * (type-check, load, run the self-tests). Writes the `## Synthesis` section of BENCHMARKS.md,
 * leaving the other sections as they are.
 *
 * Run: npm run bench:synthesis   (or: npx tsx bench/synthesis.ts)
 */
import { machineLine, writeSection } from "./report";
import { gallery } from "@/lib/synthesis/gallery/index";
import { synthesizeFromSpec } from "@/lib/synthesis/synthesize";
import { verifyPackage } from "@/lib/synthesis/verify";

const RUNS = 3;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure() {
  // Warm up: the first load pays for QuickJS and the TypeScript lib files once per process.
  await verifyPackage((await synthesizeFromSpec(gallery[0].spec)).pkg);
  const rows: string[] = [];
  for (const entry of gallery) {
    const synth: number[] = [];
    const check: number[] = [];
    let tests = 0;
    let lines = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const { pkg } = await synthesizeFromSpec(entry.spec);
      const synthesized = performance.now();
      const report = await verifyPackage(pkg);
      check.push(performance.now() - synthesized);
      synth.push(synthesized - started);
      if (!report.ok) throw new Error(`${entry.name}: the synthesized package fails its checks`);
      tests = report.total;
      lines = pkg.source.split("\n").length;
    }
    const row = [
      entry.name,
      entry.spec.actions.length,
      lines,
      tests,
      median(synth).toFixed(0),
      median(check).toFixed(0),
    ];
    rows.push(`| ${row.join(" | ")} |`);
    console.log(rows.at(-1));
  }
  return rows;
}

function section(rows: string[]): string {
  return [
    "## Synthesis",
    "",
    `Offline synthesis per gallery domain (\`npm run bench:synthesis\`), median of ${RUNS} runs after a warm-up.`,
    "*synth* = spec → package (compile, seed state in the sandbox, self-test search); *check* = type-check,",
    "load and run every self-test in the sandbox.",
    "",
    machineLine(),
    "",
    "| domain | tools | lines of code | self-tests | synth ms | check ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
  ].join("\n");
}

const rows = await measure();
await writeSection("Synthesis", section(rows));
