import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, newUserContext } from "./support/browser";
import { createEnvironment, createWorkspace, signUp, uniqueEmail } from "./support/pages";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const SET_URL = /\/tasks\/[0-9a-f-]{36}(\?.*)?$/;
const TASK_URL = /\/tasks\/[0-9a-f-]{36}\/[0-9a-f-]{36}(\?.*)?$/;

/** A count card's number, e.g. count("hard", "total") or count("all", "approved"). */
async function count(page: Page, card: string, kind: string): Promise<number> {
  const text = await page.getByTestId(`count-${card}`).getByTestId(`count-${kind}`).textContent();
  return Number(text);
}

/** Waits until the element with this test id shows exactly `text`. */
async function shows(page: Page, testId: string, text: string) {
  await page
    .getByTestId(testId)
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();
}

async function waitForCount(page: Page, card: string, kind: string, expected: number) {
  await page
    .getByTestId(`count-${card}`)
    .getByTestId(`count-${kind}`)
    .filter({ hasText: new RegExp(`^${expected}$`) })
    .waitFor();
}

it("generate a task set, filter it, step through a reference solution, and review tasks", async () => {
  const context = await newUserContext(browser, { viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, {
    name: "Rae Reviewer",
    email: uniqueEmail("reviewer"),
    password: "reviewer-password",
  });
  await createWorkspace(page, "Task review");

  // An environment from the store example.
  await createEnvironment(page, "Store", "store");

  // Generate 30 tasks; the job's progress shows live and the new set opens when it is done.
  await page.getByRole("link", { name: "Tasks" }).click();
  await page.waitForURL("**/tasks");
  await page.getByRole("heading", { name: "No task sets yet" }).waitFor();
  expect(await page.getByLabel("Environment").inputValue()).not.toBe("");
  await page.getByLabel("Name").fill("Store review");
  await page.getByLabel("Count").fill("30");
  await page.getByLabel("Seed").fill("1");
  await page.getByRole("button", { name: "Generate tasks" }).click();
  await page.getByTestId("generation-job").waitFor();
  await screenshot(page, "tasks-1-generating");
  await page.waitForURL(SET_URL, { timeout: 120_000 });
  await page.getByRole("heading", { name: "Store review" }).waitFor();

  // Counts per difficulty: the store example gives easy, medium and (a few) hard tasks.
  const byTier = {
    easy: await count(page, "easy", "total"),
    medium: await count(page, "medium", "total"),
    hard: await count(page, "hard", "total"),
  };
  expect(byTier.easy + byTier.medium + byTier.hard).toBe(30);
  expect(await count(page, "all", "total")).toBe(30);
  expect(await count(page, "all", "pending")).toBe(30);
  expect(byTier.easy).toBeGreaterThan(0);
  expect(byTier.medium).toBeGreaterThan(0);
  expect(byTier.hard).toBeGreaterThanOrEqual(2);
  await page.getByTestId("generation-stats").getByText("30 of 30 requested").waitFor();
  await page.getByTestId("tool-graph").getByTestId("graph-node").first().waitFor();
  expect(await page.getByTestId("graph-node").count()).toBe(7);
  await shows(page, "task-range", "1–30 of 30");
  await screenshot(page, "tasks-2-set");

  // Filter by difficulty: the server returns only the hard tasks.
  await page.getByLabel("Difficulty").selectOption("hard");
  await page.waitForURL("**difficulty=hard");
  await shows(page, "task-range", `1–${byTier.hard} of ${byTier.hard}`);
  const rows = page.getByTestId("task-row");
  expect(await rows.count()).toBe(byTier.hard);
  for (const text of await rows.allTextContents()) expect(text).toContain("hard");

  // Open a hard task and step through its reference solution.
  await rows.first().getByRole("link").click();
  await page.waitForURL(TASK_URL);
  const stepper = page.getByTestId("reference-stepper");
  await stepper.getByTestId("reference-step").waitFor({ timeout: 60_000 });
  const position = stepper.getByTestId("step-position");
  const steps = Number(/of (\d+)/.exec((await position.textContent()) ?? "")?.[1]);
  expect(steps).toBeGreaterThanOrEqual(2);
  await expect(stepper.getByTestId("reward-state").textContent()).resolves.toBe("1");
  let changed = 0;
  for (let i = 1; i <= steps; i++) {
    await shows(page, "step-position", `Step ${i} of ${steps}`);
    changed += await stepper.getByTestId("state-diff").locator("tbody tr").count();
    if (i < steps) await page.keyboard.press("ArrowRight");
  }
  expect(changed).toBeGreaterThan(0);
  await stepper.getByRole("button", { name: "Previous step" }).click();
  await shows(page, "step-position", `Step ${steps - 1} of ${steps}`);
  await screenshot(page, "tasks-3-review");

  // Approve it.
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await shows(page, "task-status", "approved");

  // Reject another one, with a note.
  await page.getByRole("link", { name: "Next task" }).click();
  await page.waitForURL(TASK_URL);
  await shows(page, "task-status", "pending");
  await page.getByLabel("Review note").fill("The instruction is ambiguous about which product.");
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await shows(page, "task-status", "rejected");

  // Back on the set (still filtered): the note shows in the table; then bulk-approve two more.
  await page.getByRole("link", { name: "Store review" }).click();
  await page.waitForURL("**difficulty=hard");
  await page.getByText("Note: The instruction is ambiguous about which product.").waitFor();
  await waitForCount(page, "all", "approved", 1);
  await waitForCount(page, "all", "rejected", 1);
  await page.getByRole("button", { name: "Clear" }).click();
  await page.waitForURL((url) => SET_URL.test(url.href) && !url.search);
  await page.getByLabel("Status").selectOption("pending");
  await page.waitForURL("**status=pending");
  await shows(page, "task-range", "1–28 of 28");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await page.getByText("2 selected").waitFor();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await waitForCount(page, "all", "approved", 3);
  await shows(page, "task-range", "1–26 of 26");
  expect(await count(page, "all", "pending")).toBe(26);
  expect(await count(page, "all", "rejected")).toBe(1);
  await screenshot(page, "tasks-4-bulk");

  // The list of sets shows the review progress.
  await page.getByRole("link", { name: "Task sets" }).click();
  await page.waitForURL("**/tasks");
  const set = page.getByTestId("task-set");
  await set.getByText("30 tasks").waitFor();
  await set.getByText(/4 of 30 reviewed · 3 approved · 1 rejected/).waitFor();
  await screenshot(page, "tasks-5-sets");
  await context.close();
}, 300_000);
