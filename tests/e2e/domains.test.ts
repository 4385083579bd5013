import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, newUserContext } from "./support/browser";
import { createWorkspace, signUp, uniqueEmail } from "./support/pages";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Monaco draws spaces as non-breaking ones. */
async function editorText(editor: Locator): Promise<string> {
  return ((await editor.locator(".view-lines").textContent()) ?? "").replace(/\u00a0/g, " ");
}

async function startFromGallery(
  page: Page,
  title: string,
): Promise<{ slug: string; domainId: string }> {
  await page.getByRole("button", { name: `Use ${title}` }).click();
  await page.waitForURL(/\/domains\/[0-9a-f-]{36}/);
  const [, , slug, , domainId] = new URL(page.url()).pathname.split("/");
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  return { slug: slug!, domainId: domainId! };
}

async function openRawSpec(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: /^Spec/ }).click();
  await page.getByRole("tab", { name: "Raw JSON" }).click();
  const editor = page.getByTestId("spec-editor");
  await editor.locator(".monaco-editor .view-lines").waitFor({ timeout: 60_000 });
  return editor;
}

it("a gallery domain: edit its description, save a revision, synthesize from the spec, open the environment", async () => {
  const context = await newUserContext(browser, { viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, {
    name: "Dana Domain",
    email: uniqueEmail("domains"),
    password: "domains-password",
  });
  await createWorkspace(page, "Domain team");

  // The gallery creates the domain with its spec and opens it.
  await page.getByRole("heading", { name: "Start from the gallery" }).waitFor();
  await screenshot(page, "domains-1-list-and-gallery");
  const { slug, domainId } = await startFromGallery(page, "Retail banking");
  await page.getByText("revision 1", { exact: true }).waitFor();
  await page
    .getByTestId("markdown")
    .getByText(/retail bank's back office/)
    .waitFor();

  // Its spec is in Monaco.
  const editor = await openRawSpec(page);
  await expect.poll(() => editorText(editor), { timeout: 30_000 }).toContain('"name": "banking"');
  expect(await editorText(editor)).toContain('"specVersion": 1');
  await page
    .getByTestId("spec-editor-problems")
    .getByText(/finds no problems/)
    .waitFor({ timeout: 30_000 });
  await screenshot(page, "domains-2-spec-in-monaco");

  // Edit the description in Markdown (HTML stays text) and save it as revision 2.
  await page.getByRole("tab", { name: /^Description/ }).click();
  await page.getByRole("button", { name: "Edit description" }).click();
  await page
    .getByLabel("Description (Markdown)")
    .fill(
      "# Retail banking\n\nThe back office for **customers** and their `account_id`s.\n\n- Transfers never exceed the limit\n- Frozen accounts cannot move money\n\n<b>not bold</b>",
    );
  await page.getByRole("button", { name: "Done" }).click();
  const rendered = page.getByTestId("markdown");
  await rendered.getByRole("heading", { level: 1, name: "Retail banking" }).waitFor();
  expect(await rendered.locator("strong").textContent()).toBe("customers");
  expect(await rendered.locator("li").count()).toBe(2);
  expect(await rendered.getByText("<b>not bold</b>").count()).toBe(1);
  await page.getByLabel("What changed").fill("Describe the rules");
  await page.getByRole("button", { name: "Save revision 2" }).click();
  await page.getByText("revision 2", { exact: true }).waitFor();
  await page.getByRole("tab", { name: /^Revisions/ }).click();
  const revisions = page.getByRole("list", { name: "Revisions" });
  await revisions.getByText("Describe the rules").waitFor();
  expect(await revisions.getByText("Dana Domain").count()).toBe(2);
  expect(await revisions.getByText("Started from the banking gallery domain").count()).toBe(1);
  await screenshot(page, "domains-3-revisions");

  // No LLM is configured: the LLM button says so and points to Settings.
  await page.getByRole("tab", { name: /^Synthesize/ }).click();
  expect(
    await page.getByRole("button", { name: "With LLM from the description" }).isDisabled(),
  ).toBe(true);
  expect(
    await page
      .getByTestId("llm-missing")
      .getByRole("link", { name: /Settings/ })
      .getAttribute("href"),
  ).toBe(`/w/${slug}/settings`);

  // Synthesize from the spec: progress shows live (every message shown is recorded), then the
  // published version.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll("[data-testid=synthesis-message]")) {
        if (el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole("button", { name: "From spec (offline)" }).click();
  const job = page.locator("[data-testid^=synthesis-job-]").first();
  await job.getByRole("progressbar", { name: "Synthesis progress" }).waitFor({ timeout: 30_000 });
  await screenshot(page, "domains-4-synthesis-progress");
  const open = job.getByRole("link", { name: "Open environment v1" });
  await open.waitFor({ timeout: 120_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  expect(
    seen.some((m) => /^Verifying: type-check, load in the sandbox, \d+ self-tests$/.test(m)),
  ).toBe(true);
  expect(seen.at(-1)).toBe("Published v1 of the environment");
  expect(await job.getAttribute("data-status")).toBe("succeeded");
  expect(await job.textContent()).toMatch(/(\d+)\/\1 self-tests pass/);
  // The header links to the domain's environment once the page has refreshed.
  await page.getByRole("link", { name: /· v1$/ }).waitFor();
  await screenshot(page, "domains-5-synthesis-published");

  // The environment opens at that version, its code in the editor.
  await open.click();
  await page.waitForURL(/\/environments\/[0-9a-f-]{36}\?v=1$/);
  const code = page.getByTestId("code-editor");
  await code.locator(".monaco-editor .view-lines").waitFor({ timeout: 60_000 });
  await expect
    .poll(() => editorText(code), { timeout: 30_000 })
    .toContain("an EnvFactory environment generated from the domain spec");
  await page.getByText("Playground · v1").waitFor();
  await screenshot(page, "domains-6-environment");

  const api = await page.request.get(`${baseUrl}/api/workspaces/${slug}/domains/${domainId}`);
  const domain = (await api.json()) as {
    revision: number;
    description: string;
    environments: { id: string }[];
  };
  expect(domain.revision).toBe(2);
  expect(domain.description).toContain("Frozen accounts cannot move money");
  expect(domain.environments).toHaveLength(1);
  await context.close();
}, 300_000);

it("an invalid spec edit in the raw editor lists its problems with their paths and is not saved", async () => {
  const context = await newUserContext(browser, { viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, baseUrl, {
    name: "Ivy Invalid",
    email: uniqueEmail("spec"),
    password: "spec-password",
  });
  await createWorkspace(page, "Spec checks");
  const { slug, domainId } = await startFromGallery(page, "Flight booking");
  const editor = await openRawSpec(page);
  await expect.poll(() => editorText(editor), { timeout: 30_000 }).toContain('"specVersion": 1,');

  // Line 2 is `"specVersion": 1,` and line 3 `"name": "flights",` (keys in the schema's order).
  // Only a digit and a "!" are typed: words would open Monaco's suggestions.
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("2");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.type("!");
  await page.keyboard.press("Escape");
  await expect.poll(() => editorText(editor)).toContain('"specVersion": 2,');
  expect(await editorText(editor)).toContain('"name": "flights!",');

  // The editor flags both against the schema while typing.
  const editorProblems = page.getByTestId("spec-editor-problems");
  await editorProblems.getByText(/^line 2:/).waitFor({ timeout: 30_000 });
  await editorProblems.getByText(/^line 3:/).waitFor();
  await expect(editor.locator(".squiggly-error").count()).resolves.toBeGreaterThan(0);

  // Saving asks the server, which refuses with every problem and its path.
  await page.getByLabel("What changed").fill("Try a new format");
  await page.getByRole("button", { name: "Save revision 2" }).click();
  const problems = page.getByTestId("save-problems");
  await problems.waitFor();
  expect(await problems.textContent()).toMatch(/Not saved: the spec has \d+ problems?/);
  await problems.getByRole("button", { name: "specVersion" }).waitFor();
  await problems.getByRole("button", { name: "name", exact: true }).waitFor();
  await screenshot(page, "domains-7-invalid-spec");

  // A problem's path leads to its place in the raw spec.
  await problems.getByRole("button", { name: "name", exact: true }).click();
  await expect.poll(() => editor.locator(".active-line-number").first().textContent()).toBe("3");

  // Nothing was saved: still revision 1, with the original spec.
  await page.getByText("revision 1", { exact: true }).waitFor();
  const domain = (await (
    await page.request.get(`${baseUrl}/api/workspaces/${slug}/domains/${domainId}`)
  ).json()) as {
    revision: number;
    spec: { specVersion: number; name: string };
  };
  expect(domain.revision).toBe(1);
  expect(domain.spec).toMatchObject({ specVersion: 1, name: "flights" });

  // Discarding brings back the saved spec.
  await page.getByRole("button", { name: "Discard" }).click();
  await expect.poll(() => editorText(editor)).toContain('"name": "flights",');
  await context.close();
}, 300_000);
