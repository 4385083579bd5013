import type { TestProject } from "vitest/node";
import { freshDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    baseUrl: string;
  }
}

/** Integration tests: one fresh database for the project. */
export default async function setup(project: TestProject) {
  const database = await freshDatabase(`envf_${project.name}_test`);
  project.provide("databaseUrl", database.url);
  return database.stop;
}
