import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/** Debian's Chromium, flags that keep it off the network (this machine has none). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

export const ARTIFACTS = path.resolve("test-results/screenshots");

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let users = 0;

/**
 * A browser context as one user on their own machine. Each gets its own client address (sent
 * as x-forwarded-for, which Next.js keeps), as real users have: the studio limits sign-ups and
 * sign-ins per address, and one test suite signs up many users within a minute.
 */
export function newUserContext(browser: Browser, options: BrowserContextOptions = {}) {
  users++;
  const address = `10.${process.pid % 250}.${Math.floor(users / 250) % 250}.${(users % 250) + 1}`;
  return browser.newContext({
    ...options,
    extraHTTPHeaders: { ...options.extraHTTPHeaders, "x-forwarded-for": address },
  });
}
