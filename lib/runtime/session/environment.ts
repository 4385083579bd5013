import { createHash } from "node:crypto";
import { compileEnvironment } from "../compile/compile";
import { RuntimeError } from "../errors";
import { loadPackage, type EnvironmentPackage } from "../package/package";
import { manifestSchema } from "../package/manifest";
import {
  sandboxLimitsSchema,
  type SandboxLimits,
  type SandboxLimitsInput,
} from "../sandbox/limits";
import { QuickJSBackend } from "../sandbox/quickjs-backend";
import { RealmCrash } from "../sandbox/quickjs-realm";
import type { Manifest, ToolManifest } from "../types";
import { createValidators, type Validators } from "./validation";

export type EnvironmentInput =
  { source: string } | { dir: string } | { package: EnvironmentPackage };

/**
 * A compiled, loaded environment version: its manifest (derived from the code), validators
 * compiled once, and the sandbox that sessions in this thread share.
 */
export class LoadedEnvironment {
  private readonly toolsByName: Map<string, ToolManifest>;

  constructor(
    readonly source: string,
    /** Compiled JavaScript (SDK bundled in), what the sandbox runs. */
    readonly code: string,
    /** sha256 of `code`: the identity of this environment version. */
    readonly hash: string,
    readonly manifest: Manifest,
    readonly limits: SandboxLimits,
    readonly validators: Validators,
    /** The in-thread sandbox shared by this environment's inline sessions. */
    readonly backend: QuickJSBackend,
  ) {
    this.toolsByName = new Map(manifest.tools.map((t) => [t.name, t]));
  }

  tool(name: string): ToolManifest | undefined {
    return this.toolsByName.get(name);
  }

  /** Frees the shared sandbox; sessions of this environment stop working. */
  dispose(): void {
    this.backend.dispose();
  }
}

/** Compiled code by source hash: compiling is the slow part of loading (~5–10 ms). */
const compiled = new Map<string, string>();
const COMPILE_CACHE_SIZE = 64;

async function compileCached(source: string): Promise<string> {
  const key = createHash("sha256").update(source).digest("hex");
  const hit = compiled.get(key);
  if (hit) return hit;
  const result = await compileEnvironment(source);
  if (!result.ok) {
    const first = result.diagnostics[0];
    throw new RuntimeError(
      "COMPILE_FAILED",
      `environment.ts:${first.line}:${first.column}: ${first.message}`,
      result.diagnostics,
    );
  }
  if (compiled.size >= COMPILE_CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, result.code);
  return result.code;
}

/** Reads the manifest the guest derived from the code. */
export function manifestFromDescription(description: string): Manifest {
  const answer = JSON.parse(description) as {
    ok: boolean;
    result?: unknown;
    error?: { message: string };
  };
  if (!answer.ok)
    throw new RuntimeError(
      "ENV_LOAD_FAILED",
      answer.error?.message ?? "the environment did not load",
    );
  const parsed = manifestSchema.safeParse(answer.result);
  if (!parsed.success) {
    throw new RuntimeError(
      "INVALID_ENVIRONMENT",
      `defineEnvironment({...}) is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/**
 * Compiles and loads an environment. Throws `RuntimeError` with code `COMPILE_FAILED`,
 * `ENV_LOAD_FAILED` or `INVALID_ENVIRONMENT` (with diagnostics when there are any).
 */
export async function loadEnvironment(
  input: EnvironmentInput,
  options: { limits?: SandboxLimitsInput } = {},
): Promise<LoadedEnvironment> {
  const source =
    "source" in input
      ? input.source
      : "dir" in input
        ? (await loadPackage(input.dir)).source
        : input.package.source;
  const limits = sandboxLimitsSchema.parse(options.limits ?? {});
  const code = await compileCached(source);
  let backend: QuickJSBackend;
  try {
    backend = await QuickJSBackend.create(code, limits);
  } catch (error) {
    if (error instanceof RealmCrash) throw new RuntimeError("ENV_LOAD_FAILED", error.message);
    throw error;
  }
  try {
    const manifest = manifestFromDescription(backend.description);
    const hash = createHash("sha256").update(code).digest("hex");
    return new LoadedEnvironment(
      source,
      code,
      hash,
      manifest,
      limits,
      createValidators(manifest),
      backend,
    );
  } catch (error) {
    backend.dispose();
    throw error;
  }
}

/** The manifest derived from environment code (what `manifest.json` should contain). */
export async function buildManifest(source: string): Promise<Manifest> {
  const env = await loadEnvironment({ source });
  env.dispose();
  return env.manifest;
}
