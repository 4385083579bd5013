import type { Browser } from "playwright-core";
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

it("an owner invites a viewer, who sees the workspace but can change nothing", async () => {
  // The owner signs up, creates a workspace and a domain, and makes a viewer invitation link.
  const ownerContext = await newUserContext(browser, { viewport: { width: 1280, height: 800 } });
  const owner = await ownerContext.newPage();
  await signUp(owner, baseUrl, {
    name: "Olive Owner",
    email: uniqueEmail("owner"),
    password: "owner-password",
  });
  const slug = await createWorkspace(owner, "Agent Research");
  await owner.getByLabel("Name").fill("Procurement");
  await owner.getByLabel("Description").fill("Inventory, supplier catalogue and accounting.");
  await owner.getByRole("button", { name: "Create domain" }).click();
  await owner.getByRole("heading", { name: "Procurement" }).waitFor();
  await screenshot(owner, "workspaces-1-owner-domains");

  await owner.getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("Role for the invitation").selectOption("viewer");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const invitePath = (await owner.getByTestId("invite-link").first().textContent())!.trim();
  expect(invitePath).toMatch(/^\/invite\/[\w-]+$/);
  await screenshot(owner, "workspaces-2-owner-settings");

  // A second person follows the link, signs up on the way, and joins as a viewer.
  const viewerContext = await newUserContext(browser, { viewport: { width: 1280, height: 800 } });
  const viewer = await viewerContext.newPage();
  await viewer.goto(`${baseUrl}${invitePath}`);
  await viewer.waitForURL("**/sign-in**");
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.getByLabel("Name").fill("Vic Viewer");
  await viewer.getByLabel("Email").fill(uniqueEmail("viewer"));
  await viewer.getByLabel("Password").fill("viewer-password");
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: "Accept invitation" }).click();
  await viewer.waitForURL(`**/w/${slug}/domains`);

  // The viewer sees the workspace and its domain, and every edit control is disabled.
  await expect(viewer.getByTestId("current-workspace").textContent()).resolves.toBe(
    "Agent Research",
  );
  await viewer.getByRole("heading", { name: "Procurement" }).waitFor();
  await viewer.getByTestId("read-only-banner").waitFor();
  expect(await viewer.getByRole("button", { name: "Create domain" }).isDisabled()).toBe(true);
  expect(await viewer.getByLabel("Name").isDisabled()).toBe(true);
  expect(await viewer.getByRole("button", { name: "Delete Procurement" }).isDisabled()).toBe(true);
  await screenshot(viewer, "workspaces-3-viewer-domains");
  await viewer.getByRole("link", { name: "Settings" }).click();
  await viewer.getByRole("heading", { name: "Members" }).waitFor();
  expect(await viewer.getByRole("button", { name: "Create invite link" }).isDisabled()).toBe(true);
  expect(await viewer.getByLabel("Workspace name").isDisabled()).toBe(true);
  await screenshot(viewer, "workspaces-4-viewer-settings");

  // The API refuses the viewer's writes, whatever the UI shows.
  const api = viewer.request;
  const createDomain = await api.post(`${baseUrl}/api/workspaces/${slug}/domains`, {
    data: { name: "Sneaky" },
    headers: { origin: baseUrl },
  });
  expect(createDomain.status()).toBe(403);
  expect((await createDomain.json()).error.code).toBe("forbidden");
  const rename = await api.patch(`${baseUrl}/api/workspaces/${slug}`, {
    data: { name: "Mine now" },
    headers: { origin: baseUrl },
  });
  expect(rename.status()).toBe(403);
  const domains = (await (await api.get(`${baseUrl}/api/workspaces/${slug}/domains`)).json()) as {
    id: string;
    name: string;
  }[];
  expect(domains.map((d) => d.name)).toEqual(["Procurement"]);
  const remove = await api.delete(`${baseUrl}/api/workspaces/${slug}/domains/${domains[0]!.id}`, {
    headers: { origin: baseUrl },
  });
  expect(remove.status()).toBe(403);

  // The viewer's own workspace is theirs alone: its ids answer 404 to the owner.
  await viewer.goto(`${baseUrl}/onboarding`);
  const ownSlug = await createWorkspace(viewer, "Vic's sandbox");
  const ownDomain = await api.post(`${baseUrl}/api/workspaces/${ownSlug}/domains`, {
    data: { name: "Private" },
    headers: { origin: baseUrl },
  });
  expect(ownDomain.status()).toBe(200);
  const privateId = ((await ownDomain.json()) as { id: string }).id;
  expect((await owner.request.get(`${baseUrl}/api/workspaces/${ownSlug}/domains`)).status()).toBe(
    404,
  );
  expect(
    (await owner.request.get(`${baseUrl}/api/workspaces/${slug}/domains/${privateId}`)).status(),
  ).toBe(404);
  const page404 = await owner.goto(`${baseUrl}/w/${ownSlug}/domains`);
  expect(page404?.status()).toBe(404);

  // Signed out, the API answers 401.
  const anonymous = await newUserContext(browser);
  expect((await anonymous.request.get(`${baseUrl}/api/workspaces/${slug}/domains`)).status()).toBe(
    401,
  );
  await Promise.all([ownerContext.close(), viewerContext.close(), anonymous.close()]);
});
