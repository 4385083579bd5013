import {
  createSession,
  loadEnvironment,
  RuntimeError,
  type EnvironmentPackage,
  type JsonValue,
} from "@/lib/runtime";
import { emitEnvironment } from "./compiler/environment-source";
import { SynthesisError } from "./errors";
import type { StateValue } from "./oracle/interpret";
import { buildSelfTests, type SynthesisWarning } from "./selftests/build";
import type { DomainSpec } from "./spec/schema";
import { parseSpec } from "./spec/validate";
import { VERIFY_LIMITS } from "./verify";

export interface SynthesisResult {
  pkg: EnvironmentPackage;
  /** Spec weaknesses found while writing self-tests (an error no call can raise, …). */
  warnings: SynthesisWarning[];
}

/**
 * The offline synthesizer: spec → environment package (environment.ts, manifest.json,
 * spec.json, tests.json). Deterministic: the same spec gives byte-identical files.
 *
 * The seed state is produced by running the generated `initialState` in the sandbox (seed 0,
 * the self-tests' seed); the spec oracle then predicts every self-test from that state.
 * Throws `SpecInvalidError` for an invalid spec.
 */
export async function synthesizeFromSpec(input: DomainSpec | unknown): Promise<SynthesisResult> {
  const spec = parseSpec(input);
  const { source, manifest } = emitEnvironment(spec);
  const initial = await seededState(source);
  const plan = buildSelfTests(spec, initial);
  return {
    pkg: { source, manifest, tests: { tests: plan.tests }, spec: spec as unknown as JsonValue },
    warnings: plan.warnings,
  };
}

async function seededState(source: string): Promise<StateValue> {
  let env;
  try {
    env = await loadEnvironment({ source }, { limits: VERIFY_LIMITS });
  } catch (error) {
    // The compiler wrote code the runtime rejects: a bug here, reported with its diagnostics.
    if (error instanceof RuntimeError)
      throw new SynthesisError(
        "ENV_BROKEN",
        `generated code did not load: ${error.message}`,
        error.diagnostics,
      );
    throw error;
  }
  try {
    const session = await createSession(env, { seed: 0 });
    const state = session.state() as unknown as StateValue;
    await session.close();
    return state;
  } finally {
    env.dispose();
  }
}
