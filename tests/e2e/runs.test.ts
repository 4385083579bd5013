import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, newUserContext } from "./support/browser";
import {
  createEnvironment,
  createWorkspace,
  generateTaskSet,
  signUp,
  uniqueEmail,
} from "./support/pages";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const UUID = "[0-9a-f-]{36}";
const RUN_URL = new RegExp(`/runs/${UUID}(\\?.*)?$`);
const EPISODE_URL = new RegExp(`/runs/${UUID}/episodes/${UUID}(\\?.*)?$`);
const ITERATIONS = 30;

const chartPoints = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).getAttribute("data-points"));

const position = async (page: Page) =>
  (await page.getByTestId("step-position").textContent()) ?? "";

it("launch a training run, watch its curves grow live, and replay an episode step by step", async () => {
  const context = await newUserContext(browser, { viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, {
    name: "Rui Runner",
    email: uniqueEmail("runner"),
    password: "runner-password",
  });
  const slug = await createWorkspace(page, "Training team");

  const environmentId = await createEnvironment(page, "Bank", "bank");
  await generateTaskSet(page, baseUrl, slug, environmentId);

  // Launch a learner with faults in half the rollouts, from the form.
  await page.getByRole("link", { name: "Runs" }).click();
  await page.waitForURL("**/runs");
  await page.getByRole("heading", { name: "No runs yet" }).waitFor();
  const form = page.getByRole("form", { name: "Launch a run" });
  expect(await form.getByLabel("Task set").inputValue()).not.toBe("");
  await form.getByLabel("Name", { exact: true }).fill("Learner under faults");
  expect(await form.getByLabel("Policy").inputValue()).toBe("learner");
  await form.getByLabel("Iterations", { exact: true }).fill(String(ITERATIONS));
  await form.getByLabel("Group size").fill("4");
  await form.getByLabel("Tasks per iteration").fill("4");
  await form.getByLabel("Fault profile").selectOption("flaky");
  await form.getByLabel("Fault fraction", { exact: true }).fill("0.5");
  await form.getByLabel("Eval every").fill("5");
  await form.getByLabel("Eval trials").fill("2");
  await form.getByLabel("Seed").fill("7");
  await screenshot(page, "runs-1-launch");
  await form.getByRole("button", { name: "Launch training" }).click();
  await page.waitForURL(RUN_URL);
  await page.getByRole("heading", { name: "Learner under faults" }).waitFor();

  // The reward curve grows point by point from live events; the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { runsMarker: number }).runsMarker = 1));
  const seen: number[] = [await chartPoints(page, "chart-reward")];
  let shotLive = false;
  const deadline = Date.now() + 180_000;
  while (seen.at(-1)! < ITERATIONS) {
    if (Date.now() > deadline)
      throw new Error(`the chart stopped at ${seen.at(-1)} points: ${seen.join(",")}`);
    await page.waitForTimeout(100);
    const points = await chartPoints(page, "chart-reward");
    if (points !== seen.at(-1)) seen.push(points);
    if (!shotLive && points >= 3 && points < ITERATIONS) {
      shotLive = true;
      await screenshot(page, "runs-2-live");
    }
  }
  expect(seen[0]).toBeLessThan(ITERATIONS);
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  expect(await page.evaluate(() => (window as unknown as { runsMarker?: number }).runsMarker)).toBe(
    1,
  );
  await page.getByTestId("run-status").getByText("succeeded").waitFor();
  expect(await chartPoints(page, "chart-success")).toBe(ITERATIONS);
  expect(await chartPoints(page, "chart-learning")).toBe(ITERATIONS);
  // Evaluation after iterations 5, 10, …, 30.
  expect(await chartPoints(page, "chart-eval")).toBe(ITERATIONS / 5);
  await expect(page.getByTestId("eval-clean-success").textContent()).resolves.toMatch(/^\d+%$/);
  await expect(page.getByTestId("eval-faulty-success").textContent()).resolves.toMatch(/^\d+%$/);
  await page.getByText("after iteration 30").waitFor();
  await screenshot(page, "runs-3-done");

  // The episode table filters on the server: episodes that hit an injected fault.
  const rows = page.getByTestId("episode-row");
  await rows.first().waitFor();
  await page.getByLabel("Faults").selectOption("true");
  await page.waitForURL("**faultHit=true");
  await rows.first().waitFor();
  for (const fault of await rows.evaluateAll((els) =>
    els.map((e) => e.getAttribute("data-fault")),
  )) {
    expect(fault).toBe("true");
  }
  await page.getByLabel("Phase").selectOption("train");
  await page.waitForURL(/faultHit=true.*phase=train|phase=train.*faultHit=true/);
  await rows.first().waitFor();
  await screenshot(page, "runs-4-episodes");

  // Replay one: the keyboard steps through it, the state diff and the fault show.
  await rows.first().getByRole("link").click();
  await page.waitForURL(EPISODE_URL);
  await page.getByTestId("task-instruction").waitFor();
  const count = Number(/of (\d+)/.exec(await position(page))?.[1]);
  expect(count).toBeGreaterThanOrEqual(1);
  expect(await position(page)).toBe(`Step 1 of ${count}`);
  await page.getByTestId("state-diff").waitFor();
  // The initial state arrives from the task: "before" values and the full state are real.
  await page
    .getByText("Loading the task's initial state")
    .waitFor({ state: "detached", timeout: 60_000 });
  const timeline = page.getByTestId("timeline-step");
  expect(await timeline.count()).toBe(count);
  const faulted = await timeline.evaluateAll((els) =>
    els.findIndex((e) => e.getAttribute("data-fault") === "true"),
  );
  expect(faulted).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < faulted; i++) await page.keyboard.press("ArrowRight");
  expect(await position(page)).toBe(`Step ${faulted + 1} of ${count}`);
  await page.getByTestId("step-fault").waitFor();
  expect(await timeline.nth(faulted).getAttribute("aria-selected")).toBe("true");
  await page.getByTestId("reward-so-far").waitFor();
  await screenshot(page, "runs-5-fault");

  // A step that changed the state shows the change, and the full state is a click away.
  let changed = 0;
  await page.keyboard.press("Home");
  for (let i = 0; i < count; i++) {
    changed += await page.getByTestId("state-diff").locator("tbody tr").count();
    if (changed > 0) break;
    await page.keyboard.press("ArrowRight");
  }
  await page.getByRole("button", { name: "Show full state" }).click();
  await expect(page.getByTestId("full-state").textContent()).resolves.toContain("accounts");
  await screenshot(page, "runs-6-state");

  // End shows the final reward breakdown; space plays from the start.
  await page.keyboard.press("End");
  expect(await position(page)).toBe(`Step ${count} of ${count}`);
  await page.getByTestId("reward-final").waitFor();
  await screenshot(page, "runs-7-final");
  if (count > 1) {
    await page.keyboard.press("Home");
    await page.keyboard.press(" ");
    await page
      .getByTestId("step-position")
      .filter({ hasText: `Step 2 of ${count}` })
      .waitFor();
    await page.keyboard.press(" ");
    await page.keyboard.press("ArrowLeft");
    await page
      .getByTestId("step-position")
      .filter({ hasText: /^Step [12] of/ })
      .waitFor();
  }

  // A baseline to compare with: the reference policy, launched from the form.
  await page.getByRole("link", { name: "Runs" }).first().click();
  await page.waitForURL("**/runs");
  await form.getByLabel("Policy").selectOption("reference");
  await form.getByLabel("Name", { exact: true }).fill("Reference");
  await form.getByLabel("Eval trials").fill("2");
  await form.getByRole("button", { name: "Launch evaluation" }).click();
  await page.waitForURL(RUN_URL);
  await page.getByTestId("run-status").getByText("succeeded").waitFor({ timeout: 120_000 });
  await expect(page.getByTestId("eval-clean-success").textContent()).resolves.toBe("100%");

  await page.getByRole("link", { name: "Runs" }).first().click();
  await page.waitForURL("**/runs");
  await page.getByLabel("Select Learner under faults to compare").check();
  await page.getByLabel("Select Reference to compare").check();
  await page.getByRole("link", { name: "Compare" }).click();
  await page.waitForURL("**/runs/compare?a=*");
  await page.getByTestId("task-diff-row").first().waitFor();
  const diffs = await page
    .getByTestId("task-diff-row")
    .evaluateAll((els) => els.map((e) => Number(/([+-]?\d+) pt/.exec(e.textContent ?? "")?.[1])));
  expect([...diffs].sort((a, b) => b - a)).toEqual(diffs);
  expect(await chartPoints(page, "compare-reward")).toBe(ITERATIONS);
  await screenshot(page, "runs-8-compare");
  await context.close();
}, 420_000);
