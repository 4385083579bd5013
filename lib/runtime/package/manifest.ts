import { z } from "zod";
import { jsonEqual } from "../state/json-equal";
import type { JsonSchema, JsonValue, Manifest } from "../types";

const same = (a: unknown, b: unknown) => jsonEqual(a as JsonValue, b as JsonValue);

const schema = z.record(z.string(), z.unknown()) as z.ZodType<JsonSchema>;

export const manifestSchema: z.ZodType<Manifest> = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string(),
  stateSchema: schema,
  tools: z.array(
    z.object({
      name: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, "tool names are 1–64 letters, digits, _ . -"),
      description: z.string(),
      inputSchema: schema,
      outputSchema: schema,
      errors: z.record(z.string(), z.string()),
      readOnly: z.boolean(),
    }),
  ),
});

/** Describes how two manifests differ, one line per difference (empty when they match). */
export function compareManifests(expected: Manifest, actual: Manifest): string[] {
  const problems: string[] = [];
  for (const key of ["name", "version", "description"] as const) {
    if (expected[key] !== actual[key])
      problems.push(
        `${key}: manifest has ${JSON.stringify(expected[key])}, code has ${JSON.stringify(actual[key])}`,
      );
  }
  if (!same(expected.stateSchema, actual.stateSchema)) {
    problems.push("stateSchema differs from the code's state schema");
  }
  const inCode = new Map(actual.tools.map((t) => [t.name, t]));
  const inManifest = new Map(expected.tools.map((t) => [t.name, t]));
  for (const name of inManifest.keys())
    if (!inCode.has(name)) problems.push(`tool "${name}" is in the manifest but not in the code`);
  for (const [name, tool] of inCode) {
    const listed = inManifest.get(name);
    if (!listed) {
      problems.push(`tool "${name}" is in the code but not in the manifest`);
      continue;
    }
    for (const key of [
      "description",
      "inputSchema",
      "outputSchema",
      "errors",
      "readOnly",
    ] as const) {
      if (!same(listed[key], tool[key]))
        problems.push(`tool "${name}": ${key} differs from the code`);
    }
  }
  return problems;
}
