import {
  loadEnvironment,
  loadPackage,
  type EnvironmentPackage,
  type JsonValue,
  type LoadedEnvironment,
  type SandboxLimitsInput,
} from "@/lib/runtime";

/** A loaded environment with the package parts task generation reads. */
export interface TaskEnvironment {
  env: LoadedEnvironment;
  pkg: EnvironmentPackage;
  /** `spec.json`, when the package has one (phrase templates). */
  spec?: JsonValue;
}

/**
 * Generation runs offline, often on a busy machine: a call that misses the runtime's default
 * 50 ms deadline only because of CPU contention would make sampling depend on load. A generous
 * deadline keeps task sets reproducible; an endless loop still ends.
 */
export const GENERATION_LIMITS: SandboxLimitsInput = { timeoutMs: 1000 };

/**
 * Loads an environment package directory. Throws the runtime's `RuntimeError`
 * (`PACKAGE_NOT_FOUND`, `INVALID_PACKAGE`, `COMPILE_FAILED`, …) unchanged.
 */
export async function loadTaskEnvironment(
  dir: string,
  limits: SandboxLimitsInput = GENERATION_LIMITS,
): Promise<TaskEnvironment> {
  const pkg = await loadPackage(dir);
  const env = await loadEnvironment({ package: pkg }, { limits });
  return { env, pkg, spec: pkg.spec };
}
