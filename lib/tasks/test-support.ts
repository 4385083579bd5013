/** Test-only: the runtime's example environments, loaded as task generation loads them. */
import { existsSync } from "node:fs";
import path from "node:path";
import {
  EXAMPLE_NAMES,
  exampleDir,
  loadEnvironment,
  type JsonValue,
  type LoadedEnvironment,
} from "@/lib/runtime";
import { GENERATION_LIMITS } from "./load";

export interface NamedEnvironment {
  name: string;
  env: LoadedEnvironment;
  spec?: JsonValue;
}

/** The runtime's example packages that exist in this checkout. */
export function exampleNames(): string[] {
  return EXAMPLE_NAMES.filter((name) => existsSync(path.join(exampleDir(name), "environment.ts")));
}

export async function exampleEnvironment(name: string): Promise<NamedEnvironment> {
  const env = await loadEnvironment(
    { dir: exampleDir(name as (typeof EXAMPLE_NAMES)[number]) },
    { limits: GENERATION_LIMITS },
  );
  return { name, env };
}
