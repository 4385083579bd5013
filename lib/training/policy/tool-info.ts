import type { JsonValue, ToolManifest } from "@/lib/runtime";
import { contentTokens, meaningfulTokens } from "./text";

export type ArgType = "string" | "number" | "integer" | "boolean" | "other";

/** What the learner needs to know about one input argument. */
export interface ArgInfo {
  name: string;
  required: boolean;
  type: ArgType;
  nullable: boolean;
  enumValues: JsonValue[] | null;
  defaultValue: JsonValue | undefined;
  pattern: RegExp | null;
  minimum: number | null;
  maximum: number | null;
  minLength: number | null;
  /** Meaningful stems of the name ("from_account_id" → from, account). */
  nameTokens: string[];
  /** Content stems of the name and description. */
  textTokens: string[];
  /** The argument names a record key or reference ("…_id", "…_key", "…_code"). */
  isKey: boolean;
  /** The argument holds free text (a query, a title, a memo). */
  isText: boolean;
  isDate: boolean;
  isEmail: boolean;
}

export interface ToolInfo {
  name: string;
  readOnly: boolean;
  nameTokens: string[];
  descTokens: string[];
  /** Required arguments first (schema order), then optional ones. */
  args: ArgInfo[];
  errorCodes: Set<string>;
}

interface SchemaNode {
  type?: string | string[];
  enum?: JsonValue[];
  const?: JsonValue;
  default?: JsonValue;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  format?: string;
  description?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

function typeOf(node: SchemaNode): { type: ArgType; nullable: boolean; node: SchemaNode } {
  const options = node.anyOf ?? node.oneOf;
  if (options) {
    const nonNull = options.filter((o) => o.type !== "null");
    const inner =
      nonNull.length === 1 ? typeOf(nonNull[0]) : { type: "other" as const, nullable: false, node };
    return { ...inner, nullable: nonNull.length < options.length || inner.nullable };
  }
  if (node.const !== undefined)
    return { type: "other", nullable: false, node: { ...node, enum: [node.const] } };
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const nullable = types.includes("null");
  const main = types.find((t) => t !== "null");
  const type: ArgType =
    main === "string" || main === "number" || main === "integer" || main === "boolean"
      ? main
      : "other";
  return { type, nullable, node };
}

const TEXTY = new Set([
  "query",
  "text",
  "title",
  "name",
  "memo",
  "note",
  "description",
  "message",
  "subject",
  "comment",
  "reason",
  "body",
  "summary",
  "search",
  "label",
]);

function argInfo(name: string, raw: SchemaNode, required: boolean): ArgInfo {
  const { type, nullable, node } = typeOf(raw);
  const nameTokens = meaningfulTokens(name);
  const description = raw.description ?? node.description ?? "";
  const lowerName = name.toLowerCase();
  return {
    name,
    required,
    type,
    nullable,
    enumValues: node.enum ?? null,
    defaultValue: node.default ?? raw.default,
    pattern: node.pattern ? safeRegExp(node.pattern) : null,
    minimum: node.minimum ?? node.exclusiveMinimum ?? null,
    maximum: node.maximum ?? node.exclusiveMaximum ?? null,
    minLength: node.minLength ?? null,
    nameTokens,
    textTokens: [...new Set([...contentTokens(name), ...contentTokens(description)])],
    isKey: /(^|_|[a-z])(id|key|code|ref)$/i.test(name) || /^(id|key)$/i.test(name),
    isText: type === "string" && !node.enum && contentTokens(name).some((t) => TEXTY.has(t)),
    isDate:
      node.format === "date" ||
      node.format === "date-time" ||
      /(^|_)(date|day|on|at)$/i.test(lowerName),
    isEmail: node.format === "email" || /email/i.test(lowerName),
  };
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null;
  }
}

/** Reads the manifest once per environment: tokens, argument types and constraints. */
export function analyzeTools(tools: readonly ToolManifest[]): ToolInfo[] {
  return tools.map((tool) => {
    const schema = tool.inputSchema as SchemaNode;
    const props = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const names = Object.keys(props);
    const ordered = [
      ...names.filter((n) => required.has(n)),
      ...names.filter((n) => !required.has(n)),
    ];
    return {
      name: tool.name,
      readOnly: tool.readOnly,
      nameTokens: contentTokens(tool.name),
      descTokens: contentTokens(tool.description),
      args: ordered.map((n) => argInfo(n, props[n], required.has(n))),
      errorCodes: new Set(Object.keys(tool.errors)),
    };
  });
}
