import type { JsonSchema, JsonValue } from "@/lib/runtime";
import { entityOf, isKeyName } from "./keys";

/** What the sampler can fill; the graph matches scalars (`string`, `number`) only. */
export type FieldKind = "string" | "number" | "boolean" | "array" | "object" | "other";

/** A top-level input argument of a tool. */
export interface InputField {
  name: string;
  kind: FieldKind;
  /** `integer` schemas: the sampler must produce whole numbers. */
  integer: boolean;
  required: boolean;
  enum?: JsonValue[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  description?: string;
  /** Arrays: the element (objects included), named after the array's singular. */
  item?: InputField;
  minItems?: number;
  maxItems?: number;
  /** Objects: their properties. */
  properties?: InputField[];
}

/** A scalar somewhere in a tool's output, e.g. `orders[].order_id`. */
export interface OutputField {
  /** Dotted path; `[]` steps into every element of an array. */
  path: string;
  /** Last property name on the path. */
  name: string;
  kind: FieldKind;
  /** The field only takes listed values (a status, a kind): too easy to guess as an answer. */
  enumerated?: boolean;
  /**
   * The entity this field's record stands for (singular, snake_case), when it can be told:
   * the array property it sits in (`orders[]` → `order`) or the tool's noun (`open_account`).
   */
  noun?: string;
}

const props = (schema: JsonSchema) => (schema.properties ?? {}) as Record<string, JsonSchema>;

/** The schema with `null` alternatives removed (`s.nullable(x)` is `anyOf: [x, null]`). */
export function unwrapNullable(schema: JsonSchema): JsonSchema {
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const rest = alternatives.filter((s) => s.type !== "null");
    if (rest.length === 1) return { ...unwrapNullable(rest[0]), description: schema.description };
  }
  if (Array.isArray(schema.type)) {
    const rest = (schema.type as string[]).filter((t) => t !== "null");
    if (rest.length === 1) return { ...schema, type: rest[0] };
  }
  return schema;
}

function kindOf(schema: JsonSchema): { kind: FieldKind; integer: boolean } {
  const type = schema.type;
  if (
    type === "string" ||
    (schema.enum as unknown[] | undefined)?.every((v) => typeof v === "string")
  )
    return { kind: "string", integer: false };
  if (type === "integer") return { kind: "number", integer: true };
  if (type === "number") return { kind: "number", integer: false };
  if (type === "boolean") return { kind: "boolean", integer: false };
  if (typeof schema.const === "string") return { kind: "string", integer: false };
  if (type === "array") return { kind: "array", integer: false };
  if (type === "object" && schema.properties) return { kind: "object", integer: false };
  return { kind: "other", integer: false };
}

/** The arguments of an input schema, nested arrays and objects included (a few levels deep). */
export function inputFields(schema: JsonSchema, depth = 0): InputField[] {
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props(schema)).map(([name, raw]) =>
    inputField(name, raw, required.has(name), depth),
  );
}

function inputField(name: string, raw: JsonSchema, required: boolean, depth: number): InputField {
  const field = unwrapNullable(raw);
  const { kind: found, integer } = kindOf(field);
  const kind = (found === "array" || found === "object") && depth >= 3 ? "other" : found;
  const out: InputField = { name, kind, integer, required };
  if (kind === "array") {
    out.item = inputField(singular(name), (field.items ?? {}) as JsonSchema, true, depth + 1);
    if (typeof field.minItems === "number") out.minItems = field.minItems;
    if (typeof field.maxItems === "number") out.maxItems = field.maxItems;
  }
  if (kind === "object") out.properties = inputFields(field, depth + 1);
  if (Array.isArray(field.enum)) out.enum = field.enum as JsonValue[];
  else if (field.const !== undefined) out.enum = [field.const as JsonValue];
  for (const key of ["minimum", "maximum", "minLength", "maxLength"] as const) {
    if (typeof field[key] === "number") out[key] = field[key] as number;
  }
  if (typeof field.exclusiveMinimum === "number") out.minimum = field.exclusiveMinimum as number;
  if (typeof field.exclusiveMaximum === "number") out.maximum = field.exclusiveMaximum as number;
  if (typeof field.format === "string") out.format = field.format;
  if (typeof field.description === "string") out.description = field.description;
  return out;
}

/** `orders` → `order`, `categories` → `category`, `addresses` → `address`. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/(ss|x|ch|sh|us)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The noun a tool acts on: `create_purchase_order` → `purchase_order`, `list_orders` → `order`. */
export function toolNoun(tool: string): string | undefined {
  const tokens = tool.split(/[_.-]/).filter(Boolean);
  if (tokens.length < 2) return undefined;
  return tokens.slice(1).map(singular).join("_");
}

/** Every scalar leaf of an output schema (depth-limited: outputs are records and lists). */
export function outputFields(schema: JsonSchema, tool: string): OutputField[] {
  const fields: OutputField[] = [];
  const walk = (raw: JsonSchema, path: string, noun: string | undefined, depth: number) => {
    if (depth > 4) return;
    const node = unwrapNullable(raw);
    if (node.type === "array" && node.items && typeof node.items === "object") {
      walk(node.items as JsonSchema, `${path}[]`, noun, depth + 1);
      return;
    }
    if (node.type === "object" || node.properties) {
      // A record is named by its own key, listed first (`booking_id` → booking). With a bare
      // `id` the name comes from the context (the list it sits in, the tool).
      const names = Object.keys(props(node));
      const ownKey = names.includes("id") ? undefined : names.find(isKeyName);
      const recordNoun = ownKey ? entityOf(ownKey) : noun;
      for (const [name, child] of Object.entries(props(node))) {
        const inner = unwrapNullable(child);
        const childPath = path ? `${path}.${name}` : name;
        if (inner.type === "array" || inner.type === "object" || inner.properties) {
          const items = inner.type === "array" ? singular(name) : name;
          walk(child, childPath, items, depth + 1);
        } else {
          const { kind } = kindOf(inner);
          const enumerated = Array.isArray(inner.enum) || inner.const !== undefined;
          if (kind !== "other")
            fields.push({
              path: childPath,
              name,
              kind,
              noun: recordNoun,
              ...(enumerated ? { enumerated } : {}),
            });
        }
      }
      return;
    }
    const { kind } = kindOf(node);
    if (kind !== "other" && path) fields.push({ path, name: path, kind, noun });
  };
  walk(schema, "", toolNoun(tool), 0);
  return fields;
}
