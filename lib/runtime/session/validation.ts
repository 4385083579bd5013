import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { RuntimeError } from "../errors";
import type { JsonSchema, JsonValue, Manifest } from "../types";

/** The common formats, checked loosely (ajv-formats is not a dependency of this project). */
const FORMATS: Record<string, RegExp> = {
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

export interface SchemaCheck {
  (value: JsonValue): { ok: true } | { ok: false; message: string; details: JsonValue };
}

export interface Validators {
  input: Map<string, SchemaCheck>;
  output: Map<string, SchemaCheck>;
  state: SchemaCheck;
}

function describe(
  errors: ErrorObject[] | null | undefined,
  root: string,
): { message: string; details: JsonValue } {
  const list = (errors ?? []).slice(0, 10).map((e) => ({
    path: `${root}${e.instancePath}`,
    message: e.message ?? e.keyword,
    ...(e.keyword === "additionalProperties"
      ? { property: String(e.params.additionalProperty) }
      : {}),
  }));
  const message = list
    .map((e) => `${e.path} ${e.message}${"property" in e ? ` (${e.property})` : ""}`)
    .join("; ");
  return { message, details: list };
}

function compile(ajv: Ajv, schema: JsonSchema, root: string, what: string): SchemaCheck {
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new RuntimeError(
      "INVALID_ENVIRONMENT",
      `The ${what} is not a valid JSON Schema: ${(error as Error).message}`,
    );
  }
  return (value) =>
    validate(value) ? { ok: true } : { ok: false, ...describe(validate.errors, root) };
}

/** Compiles every schema of a manifest once (per loaded environment version). */
export function createValidators(manifest: Manifest): Validators {
  const ajv = new Ajv({ strict: false, logger: false, allErrors: false });
  for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern);
  const input = new Map<string, SchemaCheck>();
  const output = new Map<string, SchemaCheck>();
  for (const tool of manifest.tools) {
    input.set(tool.name, compile(ajv, tool.inputSchema, "args", `input schema of "${tool.name}"`));
    output.set(
      tool.name,
      compile(ajv, tool.outputSchema, "result", `output schema of "${tool.name}"`),
    );
  }
  return { input, output, state: compile(ajv, manifest.stateSchema, "state", "state schema") };
}
