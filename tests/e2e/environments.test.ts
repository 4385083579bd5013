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

it("edit environment code: a type error shows as a marker; fixed and saved, the playground calls the new version", async () => {
  const context = await newUserContext(browser, { viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, {
    name: "Eve Editor",
    email: uniqueEmail("editor"),
    password: "editor-password",
  });
  await createWorkspace(page, "Sandbox team");

  await createEnvironment(page, "Bank", "bank");
  await page.getByTestId("code-editor").locator(".monaco-editor .view-lines").waitFor();
  await page.getByTestId("problems").getByText("No problems.").waitFor({ timeout: 60_000 });
  await screenshot(page, "environments-1-editor");

  // A deliberate type error: a string where the SDK's schema builder expects options.
  const editor = page.getByTestId("code-editor").locator(".monaco-editor .view-lines");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("const broken: number = true;");
  const problem = page.getByTestId("problems").getByText(/not assignable to type 'number'/);
  await problem.waitFor({ timeout: 60_000 });
  expect(await page.getByRole("button", { name: /Save as v2/ }).isDisabled()).toBe(true);
  await expect(page.locator(".monaco-editor .squiggly-error").count()).resolves.toBeGreaterThan(0);
  await screenshot(page, "environments-2-type-error");

  // Fix it: the marker goes away and the version can be saved.
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("const fixed: number = 42;");
  await page.getByTestId("problems").getByText("No problems.").waitFor({ timeout: 60_000 });
  await page.getByLabel("What changed").fill("Add a constant");
  await page.getByRole("button", { name: /Save as v2/ }).click();
  await page.waitForURL("**?v=2");
  await page.getByText("Playground · v2").waitFor();

  // The playground calls a tool of the new version and shows the state change.
  const playground = page.getByTestId("playground");
  const toolSelect = playground.getByLabel("Tool");
  const tools = await toolSelect.locator("option").allTextContents();
  expect(tools).toContain("deposit");
  await toolSelect.selectOption("deposit");
  const accountField = playground.getByLabel(/account_id/);
  await accountField.fill(await firstAccountId(page));
  await playground.getByLabel(/amount/).fill("25");
  await playground.getByRole("button", { name: "Call deposit" }).click();
  const observation = page.getByTestId("observation");
  await observation.getByText("ok", { exact: true }).waitFor();
  const diff = page.getByTestId("state-diff");
  await expect(diff.locator("tbody tr").count()).resolves.toBeGreaterThan(0);
  expect(await diff.textContent()).toMatch(/balance/);
  await screenshot(page, "environments-3-playground");

  // The first version is still there, unchanged.
  await page.getByLabel("Version").selectOption("1");
  await page.waitForURL("**?v=1");
  await page.getByText("Playground · v1").waitFor();
  await context.close();
});

/** The bank example's first account id, read from the playground's current state. */
async function firstAccountId(page: Page): Promise<string> {
  const summary = page.getByTestId("playground").getByText("Current state");
  await summary.click();
  const text = await page.getByTestId("playground").locator("details pre").textContent();
  const state = JSON.parse(text ?? "{}") as { accounts?: Record<string, { id: string }> };
  const first = Object.values(state.accounts ?? {})[0];
  if (!first) throw new Error(`no account in the bank's state: ${text}`);
  return first.id;
}
