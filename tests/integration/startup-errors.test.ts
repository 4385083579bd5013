import { spawnSync } from "node:child_process";
import net from "node:net";
import { expect, it } from "vitest";

/** Runs the launcher that `npm start` runs and returns what a user sees. */
function launch(env: Record<string, string | undefined>) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "cli/studio.ts"],
    {
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: result.status, stderr: result.stderr.trim() };
}

it("a bad setting stops start-up with a message naming it and what to put there", () => {
  const { status, stderr } = launch({ PORT: "eighty" });
  expect(status).toBe(1);
  expect(stderr).toContain('PORT="eighty"');
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace

  const url = launch({ DATABASE_URL: "mysql://localhost/db" });
  expect(url.stderr).toMatch(/DATABASE_URL="mysql:\/\/localhost\/db": must be a PostgreSQL URL/);
});

it("an unreachable DATABASE_URL gives one clear line", () => {
  const { status, stderr } = launch({
    DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none",
    PORT: "39517",
  });
  expect(status).toBe(1);
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).toMatch(
    /^error: cannot reach the database at postgresql:\/\/nobody@127\.0\.0\.1:9\/none .*check DATABASE_URL/,
  );
});

it("a port already in use gives one clear line", async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const { status, stderr } = launch({ PORT: String(port), HOST: "127.0.0.1" });
    expect(status).toBe(1);
    expect(stderr).toBe(
      `error: port ${port} is already in use on 127.0.0.1: stop what runs there, or start on another port (PORT=${port + 1} npm start)`,
    );
  } finally {
    server.close();
  }
});
