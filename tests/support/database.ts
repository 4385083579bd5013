import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/server/db/migrate";
import { startEmbeddedPostgres } from "../../lib/server/db/embedded";

/**
 * A fresh, migrated database named `name` on the server of DATABASE_URL (the machine's
 * PostgreSQL in CI) — or on an embedded PostgreSQL when DATABASE_URL is unset.
 */
export async function freshDatabase(
  baseName: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  // Separate checkouts testing at once against one server each set their own suffix.
  const name = `${baseName}${process.env.ENVF_TEST_DB_SUFFIX ?? ""}`.replace(/\W/g, "_");
  let serverUrl = process.env.DATABASE_URL;
  let stop = async (): Promise<void> => undefined;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/test"),
      port: 54339,
    });
    serverUrl = embedded.url;
    if (embedded.owned) stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString(), path.resolve("prisma/migrations"));
  return { url: url.toString(), stop };
}
