/**
 * Starts the whole studio on one machine: the database (embedded unless DATABASE_URL is set),
 * migrations, the Next.js web app and one job worker. `--dev` runs `next dev` instead of a build.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { config, ConfigError } from "@/lib/config";
import { migrate } from "@/lib/server/db/migrate";
import { resolveDatabaseUrl } from "@/lib/server/db/url";
import { ensureAuthSecret } from "@/lib/server/secret";

const root = process.cwd();
const dev = process.argv.includes("--dev");

class StartError extends Error {}

function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

async function checkDatabase(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StartError(
      `cannot reach the database at ${redact(url)} (${(error as Error).message}): check DATABASE_URL, or unset it to use the embedded PostgreSQL`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const settings = config();
  if (!(await portFree(settings.HOST, settings.PORT))) {
    throw new StartError(
      `port ${settings.PORT} is already in use on ${settings.HOST}: stop what runs there, or start on another port (PORT=${settings.PORT + 1} npm start)`,
    );
  }
  if (settings.DATABASE_URL) await checkDatabase(settings.DATABASE_URL);
  const database = await resolveDatabaseUrl();
  console.log(
    database.embedded
      ? `Database: embedded PostgreSQL in ${settings.DATA_DIR}/postgres`
      : `Database: ${redact(database.url)}`,
  );
  const migrated = await migrate(database.url, path.join(root, "prisma/migrations"));
  if (migrated.applied.length) console.log(`Applied migrations: ${migrated.applied.join(", ")}`);

  const url = settings.APP_URL ?? `http://localhost:${settings.PORT}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: await ensureAuthSecret(),
    APP_URL: url,
    PORT: String(settings.PORT),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!dev && !existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log("Building the studio (first start only, about a minute)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new StartError("the build failed (see above)");
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : child.once("exit", resolve),
          ),
      ),
    );
    await database.stop();
    process.exit(code);
  };
  const web = spawn(
    process.execPath,
    [nextBin, dev ? "dev" : "start", "-H", settings.HOST, "-p", String(settings.PORT)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: dev ? env : { ...env, NODE_ENV: "production" },
    },
  );
  const worker = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "worker/main.ts"],
    {
      stdio: "inherit",
      env,
    },
  );
  children.push(web, worker);
  let announced = false;
  web.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (!announced && /Ready|started server/i.test(text)) {
      announced = true;
      console.log(
        `\nEnvFactory Studio is running at ${url}\n(Ctrl+C stops the studio, its worker and the embedded database)`,
      );
    } else if (dev || /error|warn/i.test(text)) {
      process.stdout.write(text);
    }
  });
  for (const child of children) {
    child.once("exit", (code) => {
      if (!stopping) {
        console.error(
          `${child === web ? "web app" : "worker"} exited (code ${code}); stopping the studio`,
        );
        void stopAll(code ?? 1);
      }
    });
  }
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
}

main().catch((error: unknown) => {
  if (error instanceof StartError || error instanceof ConfigError)
    console.error(`error: ${error.message}`);
  else
    console.error(
      `error: the studio could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  process.exit(1);
});
