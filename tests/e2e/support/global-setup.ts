import type { TestProject } from "vitest/node";
import { freshDatabase } from "../../support/database";
import { ensureBuild, freePort, startStudio } from "./studio";

/** Browser tests: a fresh database, a production build, and the studio (web + worker) on it. */
export default async function setup(project: TestProject) {
  // Point the tests at a studio you already run (e.g. `npm run dev`) with E2E_BASE_URL.
  if (process.env.E2E_BASE_URL) {
    project.provide("baseUrl", process.env.E2E_BASE_URL);
    project.provide("databaseUrl", process.env.DATABASE_URL ?? "");
    return;
  }
  const database = await freshDatabase("envf_e2e_test");
  await ensureBuild();
  const studio = await startStudio({ DATABASE_URL: database.url, PORT: String(await freePort()) });
  project.provide("databaseUrl", database.url);
  project.provide("baseUrl", studio.url);
  return async () => {
    await studio.stop();
    await database.stop();
  };
}
