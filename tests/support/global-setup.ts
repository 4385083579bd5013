import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/server/db/migrate";
import { startEmbeddedPostgres } from "../../lib/server/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Each test project gets a fresh database on the server of DATABASE_URL (the machine's
 * PostgreSQL in CI) — or on an embedded PostgreSQL when DATABASE_URL is unset — migrated
 * exactly as `npm start` migrates.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/test"),
      port: 54339,
    });
    serverUrl = embedded.url;
    stopEmbedded = embedded.owned ? embedded.stop : undefined;
  }
  const name = `envf_${project.name.replace(/\W/g, "_")}_test`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString(), path.resolve("prisma/migrations"));
  project.provide("databaseUrl", url.toString());
  return async () => {
    await stopEmbedded?.();
  };
}
