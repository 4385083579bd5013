/**
 * Live-update latency of the run page: for each training iteration, the time from the end of
 * its work in the worker (`metrics.timing.endedAt`, before it is stored) to (a) the Postgres
 * NOTIFY reaching a listener and (b) the run page's reward chart in Chromium showing the new
 * point (a MutationObserver on the chart's `data-points`). The studio runs exactly as
 * `npm start` runs it (production build, web + one worker) on a fresh database. Writes the
 * `## Live updates` section of BENCHMARKS.md.
 *
 * Run: npm run bench:live   (or: npx tsx --conditions=react-server bench/live.ts
 * [--iterations 80] [--dry-run]); uses DATABASE_URL's server, else an embedded PostgreSQL.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { freshDatabase } from "../tests/support/database";
import { launchBrowser } from "../tests/e2e/support/browser";
import {
  createEnvironment,
  createWorkspace,
  generateTaskSet,
  signUp,
  uniqueEmail,
} from "../tests/e2e/support/pages";
import { ensureBuild, freePort, startStudio } from "../tests/e2e/support/studio";
import { machineLine, writeSection } from "./report";

const { values } = parseArgs({
  options: { iterations: { type: "string" }, "dry-run": { type: "boolean" } },
});
const ITERATIONS = Number(values.iterations ?? 80);
const RUN = {
  name: "Live latency",
  policy: "learner",
  algorithm: "grpo",
  iterations: ITERATIONS,
  groupSize: 8,
  tasksPerIteration: 8,
  faultProfile: "flaky",
  faultFraction: 0.5,
  evalEvery: 10,
  evalTrials: 2,
  seed: 1,
};

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)];
}

async function main() {
  const database = await freshDatabase("envf_bench_live");
  await ensureBuild();
  const studio = await startStudio({ DATABASE_URL: database.url, PORT: String(await freePort()) });
  const listener = new pg.Client({ connectionString: database.url });
  const browser = await launchBrowser();
  try {
    const notified = new Map<number, number>();
    await listener.connect();
    listener.on("notification", (message) => {
      const event = JSON.parse(message.payload ?? "{}") as {
        topic?: string;
        data?: { iteration?: number; metrics?: unknown };
      };
      if (event.topic === "run" && event.data?.metrics && event.data.iteration !== undefined)
        notified.set(event.data.iteration, Date.now());
    });
    await listener.query("listen envf_events");

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const baseUrl = studio.url;
    await signUp(page, baseUrl, {
      name: "Bench",
      email: uniqueEmail("bench"),
      password: "bench-password",
    });
    const slug = await createWorkspace(page, "Bench");
    const environmentId = await createEnvironment(page, "Bank", "bank");
    await generateTaskSet(page, baseUrl, slug, environmentId);
    const api = `${baseUrl}/api/workspaces/${slug}`;
    const env = (await (await page.request.get(`${api}/environments/${environmentId}`)).json()) as {
      versions: { id: string }[];
    };
    const sets = (await (await page.request.get(`${api}/task-sets`)).json()) as
      { id: string }[] | { items: { id: string }[] };
    const taskSetId = (Array.isArray(sets) ? sets : sets.items)[0]!.id;

    // Open the run page as soon as the run exists and watch the chart from then on.
    const launched = await page.request.post(`${api}/runs`, {
      data: { ...RUN, environmentVersionId: env.versions[0]!.id, taskSetId },
      headers: { origin: baseUrl },
    });
    if (!launched.ok()) throw new Error(`launch refused: ${await launched.text()}`);
    const { id: runId } = (await launched.json()) as { id: string };
    await page.goto(`${baseUrl}/w/${slug}/runs/${runId}`);
    await page.getByTestId("chart-reward").waitFor();
    // A string, not a function: tsx would wrap named helpers in a function the page lacks.
    await page.evaluate(`(() => {
      const seen = [];
      window.pointTimes = seen;
      const read = () =>
        Number(document.querySelector('[data-testid="chart-reward"]')?.getAttribute("data-points") ?? 0);
      let last = read();
      seen.push([last, Date.now()]);
      new MutationObserver(() => {
        const points = read();
        if (points !== last) {
          last = points;
          seen.push([points, Date.now()]);
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["data-points"],
      });
    })()`);
    const loads: number[] = [];
    const deadline = Date.now() + 20 * 60_000;
    for (;;) {
      const run = (await (await page.request.get(`${api}/runs/${runId}`)).json()) as {
        status: string;
      };
      loads.push(os.loadavg()[0]);
      if (run.status === "succeeded") break;
      if (["failed", "cancelled"].includes(run.status)) throw new Error(`run ${run.status}`);
      if (Date.now() > deadline) throw new Error("run did not finish in 20 minutes");
      await page.waitForTimeout(1000);
    }
    await page.waitForTimeout(1000);
    const pointTimes = await page.evaluate(
      () => (window as unknown as { pointTimes: [number, number][] }).pointTimes,
    );
    const detail = (await (await page.request.get(`${api}/runs/${runId}`)).json()) as {
      iterations: {
        index: number;
        metrics: { envSteps: number; timing: { endedAt: number; wallMs: number } };
      }[];
    };
    const ended = new Map(detail.iterations.map((i) => [i.index, i.metrics.timing.endedAt]));
    const wallMs = detail.iterations.map((i) => i.metrics.timing.wallMs);
    // Throughput with everything persisted: from the first iteration's start to the last one
    // being stored and announced.
    const first = detail.iterations[0]!.metrics.timing;
    const lastIndex = detail.iterations.at(-1)!.index;
    const runEnd = notified.get(lastIndex) ?? ended.get(lastIndex)!;
    const envSteps = detail.iterations.reduce((sum, i) => sum + i.metrics.envSteps, 0);
    const persistedStepsPerSec = envSteps / ((runEnd - (first.endedAt - first.wallMs)) / 1000);

    // Points already drawn when the page opened came with the page, not live: skip them.
    const [initialPoints] = pointTimes[0]!;
    const toChart: number[] = [];
    const toNotify: number[] = [];
    let missed = 0;
    for (let it = initialPoints; it < ITERATIONS; it++) {
      const shown = pointTimes.find(([points]) => points >= it + 1);
      const end = ended.get(it);
      if (!shown || end === undefined) {
        missed++;
        continue;
      }
      toChart.push(shown[1] - end);
      const heard = notified.get(it);
      if (heard !== undefined) toNotify.push(heard - end);
    }
    toChart.sort((a, b) => a - b);
    toNotify.sort((a, b) => a - b);
    const ms = (x: number) => `${Math.round(x)} ms`;
    const meanWall = wallMs.reduce((a, b) => a + b, 0) / Math.max(1, wallMs.length);
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    const text = [
      "## Live updates",
      "",
      `Time from the end of a training iteration in the worker to the run page's reward chart showing it (\`npm run bench:live\`): the studio as \`npm start\` runs it (production build, web + one worker, PostgreSQL), the run page open in Chromium, one GRPO run of the learner on the bank example (${ITERATIONS} iterations × ${RUN.tasksPerIteration} tasks × G = ${RUN.groupSize}, \`flaky\` on half the rollouts, evaluation every ${RUN.evalEvery}), mean iteration ${ms(meanWall)}. The iteration is stored (metrics, ${RUN.tasksPerIteration * RUN.groupSize} episodes with their steps, checkpoint) in one transaction, then announced with Postgres NOTIFY; the web process relays it over server-sent events and the chart appends the point.`,
      "",
      machineLine(load),
      "",
      "| path | iterations | p50 | p95 | max |",
      "| --- | ---: | ---: | ---: | ---: |",
      `| iteration end → NOTIFY heard (store + publish) | ${toNotify.length} | ${ms(quantile(toNotify, 0.5))} | ${ms(quantile(toNotify, 0.95))} | ${ms(toNotify.at(-1) ?? NaN)} |`,
      `| iteration end → chart shows the point in Chromium | ${toChart.length} | ${ms(quantile(toChart, 0.5))} | ${ms(quantile(toChart, 0.95))} | ${ms(toChart.at(-1) ?? NaN)} |`,
      "",
      `Throughput of this run with everything persisted (rollouts, updates, evaluation, storing every episode and step, announcing): ${Math.round(persistedStepsPerSec)} environment steps/s (${envSteps} tool calls in training rollouts; the evaluation episodes ran and were stored too, uncounted).`,
      "",
      `${initialPoints} iteration(s) had finished before the page opened and came with it; ${missed} live iteration(s) were not matched to a chart update.`,
      "",
    ].join("\n");
    console.log(text);
    if (!values["dry-run"]) await writeSection("Live updates", text);
  } finally {
    await browser.close();
    await listener.end().catch(() => undefined);
    await studio.stop();
    await database.stop();
  }
}

await main();
