import { mkdtemp } from "node:fs/promises";
import { chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { freePort, startStudio } from "./support/studio";

/** Signs up (or in) through the auth API and returns the session cookie. */
async function session(
  baseUrl: string,
  mode: "sign-up" | "sign-in",
  email: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/${mode}/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: "restart-password", name: "Restart Tester" }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

it("with no DATABASE_URL the studio starts an embedded PostgreSQL, migrates it, and keeps data across restarts", async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "envf-startup-"));
  await chmod(dataDir, 0o755);
  const env = {
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    BETTER_AUTH_SECRET: "",
  };

  const first = await startStudio(env);
  expect(first.output()).toContain(`Database: embedded PostgreSQL in ${dataDir}/postgres`);
  expect(first.output()).toMatch(/Applied migrations: \d+_init/);
  const email = `restart-${Date.now()}@example.test`;
  const cookie = await session(first.url, "sign-up", email);
  const created = await fetch(`${first.url}/api/workspaces`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: first.url },
    body: JSON.stringify({ name: "Survives restarts" }),
  });
  expect(created.status).toBe(200);
  await first.stop();

  const second = await startStudio(env);
  try {
    expect(second.output()).not.toContain("Applied migrations");
    const again = await session(second.url, "sign-in", email);
    const workspaces = (await (
      await fetch(`${second.url}/api/workspaces`, { headers: { cookie: again } })
    ).json()) as { name: string }[];
    expect(workspaces.map((w) => w.name)).toEqual(["Survives restarts"]);
  } finally {
    await second.stop();
  }
});
