import "server-only";
import {
  createWorkerPool,
  type Diagnostic,
  type Manifest,
  type SelfTestFile,
  type SelfTestResult,
  typecheckEnvironment,
  type WorkerPool,
} from "@/lib/runtime";

/**
 * The web app's door to environment code. Untrusted code never runs in this process: checking
 * it, loading it and running its sessions and episodes all happen in a pool of worker threads,
 * so a program that escapes its deadline is terminated with its thread, not the server. (Only
 * compiling with esbuild and TypeScript analysis, which do not execute the code, run here.)
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

/**
 * Compiles, type-checks and loads environment code, and runs its self-tests. `ok` means the
 * code compiles and defines a valid environment — type errors and failing self-tests are
 * reported but do not stop a user from saving a version. A module that never finishes loading
 * is refused (`ENV_TIMEOUT`).
 */
export async function checkSource(
  source: string,
  tests?: SelfTestFile | null,
): Promise<SourceCheck> {
  const inspection = sandboxPool().inspect(source, { tests: tests?.tests });
  const typeErrors = typecheckEnvironment(source);
  const check = await inspection;
  if (!check.ok) {
    // Code that does not compile gets its compile errors only (type errors would repeat them).
    if (check.error?.code === "COMPILE_FAILED") {
      void typeErrors.catch(() => undefined);
      return { ok: false, diagnostics: check.diagnostics };
    }
    return { ok: false, diagnostics: [...check.diagnostics, ...(await typeErrors)] };
  }
  return {
    ok: true,
    diagnostics: await typeErrors,
    manifest: check.manifest,
    selfTests: check.selfTests,
  };
}
