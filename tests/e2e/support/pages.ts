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

export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.waitForURL("**/onboarding", { timeout: 90_000 });
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL("**/w/*/domains", { timeout: 90_000 });
  return new URL(page.url()).pathname.split("/")[2]!;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}
