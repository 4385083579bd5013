import { s, type JsonSchema } from "@envfactory/sdk";

/**
 * A schema both as the TypeScript that builds it (`s.string({ minLength: 1 })`) and as the
 * JSON Schema that code evaluates to. Building both from the same calls keeps the manifest
 * written beside `environment.ts` identical to what the runtime derives from the code.
 */
export interface SchemaSource {
  source: string;
  value: JsonSchema;
}

type Options = Record<string, string | number | boolean | undefined>;

function renderOptions(options: Options): string {
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  if (!entries.length) return "";
  return `{ ${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")} }`;
}

function clean(options: Options): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number | boolean
  >;
}

export const sx = {
  string: (options: Options = {}): SchemaSource => ({
    source: `s.string(${renderOptions(options)})`,
    value: s.string(clean(options)),
  }),
  number: (options: Options = {}): SchemaSource => ({
    source: `s.number(${renderOptions(options)})`,
    value: s.number(clean(options)),
  }),
  integer: (options: Options = {}): SchemaSource => ({
    source: `s.integer(${renderOptions(options)})`,
    value: s.integer(clean(options)),
  }),
  boolean: (options: Options = {}): SchemaSource => ({
    source: `s.boolean(${renderOptions(options)})`,
    value: s.boolean(clean(options)),
  }),
  enum: (values: string[], options: Options = {}): SchemaSource => {
    const rendered = renderOptions(options);
    return {
      source: `s.enum([${values.map((v) => JSON.stringify(v)).join(", ")}]${rendered ? `, ${rendered}` : ""})`,
      value: s.enum(values as [string, ...string[]], clean(options)),
    };
  },
  array: (items: SchemaSource): SchemaSource => ({
    source: `s.array(${items.source})`,
    value: s.array(items.value),
  }),
  record: (values: SchemaSource): SchemaSource => ({
    source: `s.record(${values.source})`,
    value: s.record(values.value),
  }),
  nullable: (inner: SchemaSource): SchemaSource => ({
    source: `s.nullable(${inner.source})`,
    value: s.nullable(inner.value),
  }),
  optional: (inner: SchemaSource): SchemaSource => ({
    source: `s.optional(${inner.source})`,
    value: s.optional(inner.value),
  }),
  /** An object schema, one property per line at the given indentation. */
  object: (properties: [string, SchemaSource][], indent = ""): SchemaSource => {
    const value = s.object(Object.fromEntries(properties.map(([k, v]) => [k, v.value])));
    if (!properties.length) return { source: "s.object({})", value };
    const lines = properties.map(([k, v]) => `${indent}  ${k}: ${v.source},`);
    return { source: `s.object({\n${lines.join("\n")}\n${indent}})`, value };
  },
  /** A schema declared once as a named constant. */
  named: (name: string, schema: SchemaSource): SchemaSource => ({
    source: name,
    value: schema.value,
  }),
};
