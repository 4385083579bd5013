import type { Page } from "playwright-core";

/** Page objects for the flows several tests share. */
export async function signUp(
  page: Page,
  baseUrl: string,
  user: { name: string; email: string; password: string },
  next = "/",
) {
  await page.goto(`${baseUrl}/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Waits for the page to reach `url`; fails at once with the form's message if it shows one. */
async function arrive(page: Page, url: string, timeout = 90_000): Promise<void> {
  const error = page.getByTestId("form-error");
  const outcome = await Promise.race([
    page.waitForURL(url, { timeout }).then(
      () => null,
      (e: Error) => e.message,
    ),
    error.waitFor({ timeout }).then(
      async () => `the form says: ${await error.textContent()}`,
      () => new Promise<never>(() => undefined),
    ),
  ]);
  if (outcome !== null) throw new Error(`did not reach ${url}: ${outcome}`);
}

export async function createWorkspace(page: Page, name: string): Promise<string> {
  await arrive(page, "**/onboarding");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await arrive(page, "**/w/*/domains");
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Creates an environment from a starter on the Environments page; returns its id. */
export async function createEnvironment(
  page: Page,
  name: string,
  starter: string,
): Promise<string> {
  await page.getByRole("link", { name: "Environments" }).click();
  await page.waitForURL("**/environments");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Start from").selectOption(starter);
  await page.getByRole("button", { name: "Create environment" }).click();
  await page.waitForURL("**/environments/*");
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Generates a task set through the API (the Tasks page has its own test) and waits for it. */
export async function generateTaskSet(
  page: Page,
  baseUrl: string,
  slug: string,
  environmentId: string,
): Promise<void> {
  const headers = { origin: baseUrl };
  const env = await page.request.get(
    `${baseUrl}/api/workspaces/${slug}/environments/${environmentId}`,
  );
  const versionId = ((await env.json()) as { versions: { id: string }[] }).versions[0]!.id;
  const started = await page.request.post(`${baseUrl}/api/workspaces/${slug}/task-sets`, {
    data: { environmentVersionId: versionId, name: "Bank tasks", count: 30, seed: 1 },
    headers,
  });
  if (started.status() >= 300)
    throw new Error(`task generation refused: ${started.status()} ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = (await (
      await page.request.get(`${baseUrl}/api/workspaces/${slug}/jobs/${id}`)
    ).json()) as {
      status: string;
      error?: string;
    };
    if (job.status === "succeeded") return;
    if (job.status === "failed" || job.status === "cancelled")
      throw new Error(`task generation ${job.status}: ${job.error}`);
    if (Date.now() > deadline) throw new Error("task generation did not finish in 120 s");
    await page.waitForTimeout(500);
  }
}
