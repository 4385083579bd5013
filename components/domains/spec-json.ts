import specSchema from "@/lib/synthesis/domain-spec.schema.json";

/** The domain spec's JSON Schema (client-safe: the committed file, not the generator). */
export const SPEC_SCHEMA = specSchema as unknown as JsonSchema;

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The branch of a union whose `const` discriminators all match the value. */
function branchFor(schema: JsonSchema, value: Record<string, unknown>): JsonSchema {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!branches) return schema;
  return (
    branches.find((b) =>
      Object.entries(b.properties ?? {}).every(
        ([k, p]) => p.const === undefined || p.const === value[k],
      ),
    ) ?? schema
  );
}

/**
 * Puts object keys in the schema's order (`specVersion`, `name`, … `seed`; `name` before
 * `fields`): PostgreSQL's jsonb stores keys sorted by length, which reads badly.
 */
export function orderLikeSchema(
  value: unknown,
  schema: JsonSchema | undefined = SPEC_SCHEMA,
): unknown {
  if (Array.isArray(value)) return value.map((item) => orderLikeSchema(item, schema?.items));
  if (!isObject(value)) return value;
  const branch = schema ? branchFor(schema, value) : undefined;
  const known = Object.keys(branch?.properties ?? {}).filter((k) => k in value);
  const rest = Object.keys(value).filter((k) => !known.includes(k));
  const extra =
    typeof branch?.additionalProperties === "object" ? branch.additionalProperties : undefined;
  return Object.fromEntries([
    ...known.map((k) => [k, orderLikeSchema(value[k], branch!.properties![k])]),
    ...rest.map((k) => [k, orderLikeSchema(value[k], extra)]),
  ]);
}

export function formatSpec(spec: unknown): string {
  return spec === null || spec === undefined
    ? ""
    : `${JSON.stringify(orderLikeSchema(spec), null, 2)}\n`;
}

export type ParsedSpec = { ok: true; value: unknown } | { ok: false; message: string };

export function parseSpecText(text: string): ParsedSpec {
  if (!text.trim()) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Finds where the value at a problem path (`actions[2].inputs.amount`) sits in the JSON text,
 * for editor markers; an unknown path falls back to the nearest enclosing value. Null when the
 * text is not JSON.
 */
export function pathLocator(text: string): ((path: string) => TextRange) | null {
  const ranges = new Map<string, [number, number]>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (at: string) => {
    ws();
    const start = i;
    if (text[i] === "{") {
      i++;
      ws();
      while (i < text.length && text[i] !== "}") {
        const key = string();
        ws();
        i++; // ':'
        value(at ? `${at}.${key}` : key);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
    } else if (text[i] === "[") {
      i++;
      ws();
      for (let index = 0; i < text.length && text[i] !== "]"; index++) {
        value(`${at}[${index}]`);
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
    } else if (text[i] === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
    }
    ranges.set(at, [start, i]);
  };
  try {
    value("");
  } catch {
    return null;
  }
  return (path) => {
    let target = path;
    while (target && !ranges.has(target)) {
      const cut = Math.max(target.lastIndexOf("."), target.lastIndexOf("["));
      target = cut > 0 ? target.slice(0, cut) : "";
    }
    const [start, end] = ranges.get(target) ?? [0, 1];
    // A container is marked on its first line only, so the squiggle stays readable.
    const firstLineEnd = text.indexOf("\n", start);
    const stop = firstLineEnd !== -1 && firstLineEnd < end ? firstLineEnd : end;
    const from = position(text, start);
    const to = position(text, stop);
    return { ...from, endLine: to.line, endColumn: to.column };
  };
}

function position(text: string, offset: number) {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
