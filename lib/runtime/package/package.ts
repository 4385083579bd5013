import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { RuntimeError } from "../errors";
import type { JsonValue, Manifest } from "../types";
import { manifestSchema } from "./manifest";
import { selfTestFileSchema, type SelfTestFile } from "./self-tests";

/** An environment package: a directory with `environment.ts` and optional companions. */
export interface EnvironmentPackage {
  source: string;
  manifest?: Manifest;
  tests?: SelfTestFile;
  /** The domain spec the environment came from (opaque here). */
  spec?: JsonValue;
  /** Tasks, one JSON value per line of `tasks.jsonl` (opaque here). */
  tasks?: JsonValue[];
}

export const PACKAGE_FILES = {
  source: "environment.ts",
  manifest: "manifest.json",
  tests: "tests.json",
  spec: "spec.json",
  tasks: "tasks.jsonl",
} as const;

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function parseJson<T>(text: string, file: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RuntimeError(
      "INVALID_PACKAGE",
      `${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RuntimeError(
      "INVALID_PACKAGE",
      `${file} is not valid: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** Reads a package directory; throws `RuntimeError` (`PACKAGE_NOT_FOUND`, `INVALID_PACKAGE`). */
export async function loadPackage(dir: string): Promise<EnvironmentPackage> {
  const file = (name: string) => path.join(dir, name);
  const source = await readOptional(file(PACKAGE_FILES.source));
  if (source === undefined) {
    throw new RuntimeError(
      "PACKAGE_NOT_FOUND",
      `${file(PACKAGE_FILES.source)} does not exist; an environment package needs one`,
    );
  }
  const pkg: EnvironmentPackage = { source };
  const manifest = await readOptional(file(PACKAGE_FILES.manifest));
  if (manifest !== undefined)
    pkg.manifest = parseJson(manifest, PACKAGE_FILES.manifest, manifestSchema);
  const tests = await readOptional(file(PACKAGE_FILES.tests));
  if (tests !== undefined) pkg.tests = parseJson(tests, PACKAGE_FILES.tests, selfTestFileSchema);
  const spec = await readOptional(file(PACKAGE_FILES.spec));
  if (spec !== undefined) pkg.spec = parseJson(spec, PACKAGE_FILES.spec, z.json());
  const tasks = await readOptional(file(PACKAGE_FILES.tasks));
  if (tasks !== undefined) {
    pkg.tasks = tasks
      .split("\n")
      .map((line, i) => ({ line: line.trim(), i }))
      .filter(({ line }) => line.length > 0)
      .map(({ line, i }) => parseJson(line, `${PACKAGE_FILES.tasks} line ${i + 1}`, z.json()));
  }
  return pkg;
}

/** Writes a package directory (creating it); files for absent parts are left untouched. */
export async function writePackage(dir: string, pkg: EnvironmentPackage): Promise<void> {
  await mkdir(dir, { recursive: true });
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
  const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  await write(PACKAGE_FILES.source, pkg.source);
  if (pkg.manifest) await write(PACKAGE_FILES.manifest, pretty(pkg.manifest));
  if (pkg.tests) await write(PACKAGE_FILES.tests, pretty(pkg.tests));
  if (pkg.spec !== undefined) await write(PACKAGE_FILES.spec, pretty(pkg.spec));
  if (pkg.tasks)
    await write(PACKAGE_FILES.tasks, pkg.tasks.map((t) => JSON.stringify(t)).join("\n") + "\n");
}
