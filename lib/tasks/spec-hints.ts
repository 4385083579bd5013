import type { JsonValue } from "@/lib/runtime";
import { entityOf } from "./graph/keys";

/** What task phrasing can use from a domain spec, per tool. */
export interface ToolHint {
  /** A phrase template with `{input}` placeholders, e.g. "Deposit {amount} EUR into account {account_id}". */
  phrase?: string;
  /** The entity the action is about (groups related tools for error recovery). */
  entity?: string;
  /** Inputs that name a record, with the key field of that record (`approver_id` → `employee_id`). */
  references?: Record<string, string>;
}

export interface SpecHints {
  tools: Map<string, ToolHint>;
  /** What an entity is called, by the stem of its key: `offer` → "supplier offer". */
  nouns: Map<string, string>;
}

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);

/** `SupplierOffer` → `supplier offer`. */
function words(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/**
 * Reads phrase templates and entity names from a package's `spec.json`. The spec belongs to
 * synthesis and may be absent, older, or hand-written, so it is read loosely: anything
 * unexpected is ignored.
 */
export function readSpecHints(spec: JsonValue | undefined): SpecHints {
  const hints: SpecHints = { tools: new Map(), nouns: new Map() };
  if (!isObject(spec)) return hints;
  const keyOf = new Map<string, string>();
  for (const entity of Array.isArray(spec.entities) ? spec.entities : []) {
    if (!isObject(entity) || typeof entity.name !== "string" || typeof entity.key !== "string")
      continue;
    keyOf.set(entity.name, entity.key);
    hints.nouns.set(entityOf(entity.key), words(entity.name));
  }
  const actions = spec.actions ?? spec.tools;
  for (const action of Array.isArray(actions) ? actions : []) {
    if (!isObject(action) || typeof action.name !== "string") continue;
    const phrase = [action.phrase, action.template, action.utterance].find(
      (p) => typeof p === "string",
    );
    const hint: ToolHint = {};
    if (typeof phrase === "string" && phrase.trim()) hint.phrase = phrase.trim();
    if (typeof action.entity === "string") hint.entity = action.entity;
    const references: Record<string, string> = {};
    for (const [name, input] of Object.entries(isObject(action.inputs) ? action.inputs : {})) {
      const key =
        isObject(input) && typeof input.entity === "string" ? keyOf.get(input.entity) : undefined;
      if (key) references[name] = key;
    }
    if (Object.keys(references).length) hint.references = references;
    hints.tools.set(action.name, hint);
  }
  return hints;
}

/** The `{input}` names a template mentions. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]);
}
