/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded PostgreSQL). */
import path from "node:path";
import { migrate } from "../lib/server/db/migrate";
import { resolveDatabaseUrl } from "../lib/server/db/url";

async function main() {
  const { url, stop } = await resolveDatabaseUrl();
  try {
    const result = await migrate(url, path.resolve(import.meta.dirname, "migrations"));
    console.log(
      result.applied.length
        ? `applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
        : `database is up to date (${result.alreadyApplied} migration(s) applied earlier)`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
