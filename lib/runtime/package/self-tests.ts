import { z } from "zod";
import type { LoadedEnvironment } from "../session/environment";
import { createSession } from "../session/inline-session";
import { jsonEqual, partialDeepMatch } from "../state/json-equal";
import { getAtPointer } from "../state/json-pointer";
import type { JsonValue, Observation } from "../types";

const json: z.ZodType<JsonValue> = z.json();

const expectation = z.union([
  z.object({ ok: z.literal(true), result: json.optional() }).strict(),
  z.object({ error: z.string() }).strict(),
]);

export const selfTestSchema = z
  .object({
    name: z.string().min(1),
    seed: z.number().int().optional(),
    initialState: json.optional(),
    calls: z.array(
      z.object({ tool: z.string(), args: json.default({}), expect: expectation }).strict(),
    ),
    expectState: z.array(z.object({ path: z.string(), equals: json }).strict()).optional(),
  })
  .strict();

/** `tests.json` of an environment package. */
export const selfTestFileSchema = z.object({ tests: z.array(selfTestSchema) }).strict();

export type SelfTest = z.infer<typeof selfTestSchema>;
export type SelfTestFile = z.infer<typeof selfTestFileSchema>;

export interface SelfTestResult {
  name: string;
  passed: boolean;
  /** What went wrong, one line each (empty when passed). */
  failures: string[];
}

function describeObservation(observation: Observation): string {
  return observation.ok
    ? `ok ${JSON.stringify(observation.result)}`
    : `error ${observation.error.code}: ${observation.error.message}`;
}

/** Runs declarative self-tests in the sandbox, each in a fresh episode without faults. */
export async function runSelfTests(
  env: LoadedEnvironment,
  tests: readonly SelfTest[],
): Promise<SelfTestResult[]> {
  const results: SelfTestResult[] = [];
  for (const test of tests) {
    const failures: string[] = [];
    const session = await createSession(env, {
      seed: test.seed ?? 0,
      initialState: test.initialState,
    }).catch((error: Error) => {
      failures.push(`could not start: ${error.message}`);
      return null;
    });
    if (session) {
      test.calls.forEach((call, i) => {
        const { observation } = session.stepSync(call.tool, call.args);
        const where = `call ${i + 1} (${call.tool})`;
        if ("error" in call.expect) {
          if (observation.ok || observation.error.code !== call.expect.error) {
            failures.push(
              `${where}: expected error ${call.expect.error}, got ${describeObservation(observation)}`,
            );
          }
        } else if (!observation.ok) {
          failures.push(`${where}: expected ok, got ${describeObservation(observation)}`);
        } else if (
          call.expect.result !== undefined &&
          !partialDeepMatch(observation.result, call.expect.result)
        ) {
          failures.push(
            `${where}: result ${JSON.stringify(observation.result)} does not contain ${JSON.stringify(call.expect.result)}`,
          );
        }
      });
      const state = session.state();
      for (const { path, equals } of test.expectState ?? []) {
        const actual = getAtPointer(state, path);
        if (!jsonEqual(actual, equals)) {
          failures.push(
            `state ${path}: expected ${JSON.stringify(equals)}, got ${actual === undefined ? "nothing" : JSON.stringify(actual)}`,
          );
        }
      }
      await session.close();
    }
    results.push({ name: test.name, passed: failures.length === 0, failures });
  }
  return results;
}
