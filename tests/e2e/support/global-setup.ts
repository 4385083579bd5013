import type { TestProject } from "vitest/node";
import { freshDatabase } from "../../support/database";
import { ensureBuild, freePort, startStudio } from "./studio";

/** Browser tests: a fresh database, a production build, and the studio (web + worker) on it. */
export default async function setup(project: TestProject) {
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
