/**
 * `npm run worker`: one job worker. Run as many as you like, on this machine or others, against
 * the same DATABASE_URL; each claims jobs from the Postgres-backed queue.
 */
import { config, ConfigError } from "@/lib/config";
import { resolveDatabaseUrl } from "@/lib/server/db/url";
import { stopBoss } from "@/lib/server/jobs/boss";
import { startWorker } from "@/lib/server/jobs/runner";
import { ensureAuthSecret } from "@/lib/server/secret";

async function main() {
  const settings = config();
  if (!settings.DATABASE_URL) {
    // Join (or start) the embedded PostgreSQL that `npm start` uses.
    const { url } = await resolveDatabaseUrl();
    process.env.DATABASE_URL = url;
  }
  await ensureAuthSecret();
  const worker = await startWorker({ concurrency: config().WORKER_CONCURRENCY });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing up`);
    await worker.stop();
    await stopBoss();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`error: ${error.message}`);
  else
    console.error(
      `error: worker could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  process.exit(1);
});
