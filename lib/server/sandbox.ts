import "server-only";
import {
  compileEnvironment,
  createWorkerPool,
  loadEnvironment,
  type Diagnostic,
  type LoadedEnvironment,
  type Manifest,
  RuntimeError,
  runSelfTests,
  type SelfTestFile,
  type SelfTestResult,
  typecheckEnvironment,
  type WorkerPool,
} from "@/lib/runtime";

/**
 * The web app's door to environment code. Untrusted code only ever runs inside the runtime's
 * QuickJS sandbox; sessions the studio keeps open (the playground) live in a pool of worker
 * threads, so a program that escapes its deadline is terminated with its thread, not the server.
 */
const globalForSandbox = globalThis as unknown as { envfPool?: WorkerPool };

export function sandboxPool(): WorkerPool {
  globalForSandbox.envfPool ??= createWorkerPool({ threads: 2 });
  return globalForSandbox.envfPool;
}

export interface SourceCheck {
  ok: boolean;
  /** Compile errors (blocking) and type errors (shown, not blocking). */
  diagnostics: Diagnostic[];
  manifest?: Manifest;
  selfTests?: SelfTestResult[];
}

/** Loads an environment (compiled once per source); throws RuntimeError when it cannot load. */
export async function load(source: string): Promise<LoadedEnvironment> {
  return loadEnvironment({ source });
}

/**
 * Compiles, type-checks and loads environment code, and runs its self-tests. `ok` means the
 * code compiles and defines a valid environment — type errors and failing self-tests are
 * reported but do not stop a user from saving a version.
 */
export async function checkSource(source: string, tests?: SelfTestFile | null): Promise<SourceCheck> {
  const compiled = await compileEnvironment(source);
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  const typeErrors = await typecheckEnvironment(source);
  try {
    const env = await load(source);
    try {
      const selfTests = tests ? await runSelfTests(env, tests.tests) : undefined;
      return { ok: true, diagnostics: typeErrors, manifest: env.manifest, selfTests };
    } finally {
      env.dispose();
    }
  } catch (error) {
    if (error instanceof RuntimeError) {
      const diagnostics = error.diagnostics.length
        ? error.diagnostics
        : [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: `${error.code}: ${error.message}`, code: error.code, severity: "error" as const }];
      return { ok: false, diagnostics: [...diagnostics, ...typeErrors] };
    }
    throw error;
  }
}
