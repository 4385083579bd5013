import path from "node:path";
import { config } from "../../config";
import { startEmbeddedPostgres } from "./embedded";

/**
 * The database every process uses: `DATABASE_URL` when given, otherwise the embedded
 * PostgreSQL under DATA_DIR (started here if no other process has started it).
 */
export async function resolveDatabaseUrl(): Promise<{
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}> {
  const { DATABASE_URL, DATA_DIR, EMBEDDED_PG_PORT } = config();
  if (DATABASE_URL) return { url: DATABASE_URL, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres({
    dataDir: path.resolve(DATA_DIR),
    port: EMBEDDED_PG_PORT,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}
