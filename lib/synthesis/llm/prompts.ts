import type { DomainSpec } from "../spec/schema";
import { banking } from "../gallery/banking";

/**
 * Prompts of the LLM pipeline. Answers are asked for as fenced blocks rather than through
 * json_schema or tool calling, so that any OpenAI-compatible server (vLLM, Ollama, llama.cpp)
 * works; the spec is then validated by the same `validateSpec` as hand-written specs.
 */

const SPEC_FORMAT_GUIDE = `The domain spec format (specVersion 1), as JSON:
- specVersion: 1; name: short lower-case name; title; summary (one line); description (prose).
- entities[]: { name (PascalCase), description, key (snake_case field name, a string like "ACC-0001"),
  keyPrefix (upper-case, e.g. "ACC"), fields: { <snake_case>: { type, description?, optional?, default?,
  values? (enum), entity? (reference), min?, max? } }, relations?: [{ name, entity, field }] }.
  Field types: string, number, integer, boolean, date (YYYY-MM-DD), enum (with values), reference (with entity).
- actions[] (each becomes one tool): { name (snake_case verb phrase, e.g. create_purchase_order),
  kind: create | get | list | search | update | delete | custom, entity, description,
  inputs: { <snake_case>: same shape as a field }, preconditions?: Step[], effects?: Effect[],
  filters? (list/search: [{ input, field?, op?: eq|lte|gte|contains }]), search? ({ input, fields } for search),
  returns? (a binding name), errors: { CODE: "message with {input} placeholders" }, phrase: "task wording with {input} placeholders" }.
  Name inputs like the fields they carry (account_id), so one tool's output feeds another's input.
- Steps, in order: { step: "load", as, entity, key: <expr>, error } binds a record by key;
  { step: "require", that: <expr>, error }; { step: "find", as, entity, where: <expr with it>, error, orderBy?, order? };
  { step: "forbid", entity, where, error } (error if any record matches); { step: "aggregate", as, op: count|sum, entity, field?, where? }.
  Every error a step raises must be declared in the action's errors, and every declared error must be raised by a step.
- Effects: { effect: "set", target, field, value: <expr> }, { effect: "patch", target } (copy same-named inputs),
  { effect: "create", entity, as, values?: { field: <expr> } } (fields not listed take the same-named input or the default),
  { effect: "delete", target }.
- Expressions: input.<name>, rules.<name>, <binding>.<field>, it.<field> (in where), scalar bindings; literals 'text', 12, true, null,
  [list]; operators == != < <= > >= in + - * / && || ! and cond ? a : b; functions today(), add_days(d, n),
  days_between(a, b), round(x, digits), min, max, lower, contains.
- rules[]: { kind: "limit", name, value, description } | { kind: "permission", name, allowed: [..], description }
  | { kind: "invariant", name, entity, that: <expr with it>, description }.
- seed: { today: "YYYY-MM-DD", entities: { <Entity>: { count, fields?: { field: generator }, records?: [ {...} ] } } }.
  Generators: person_name, first_name, last_name, company, city, phone, email {from?, domain?}, pick {values},
  integer {min,max}, number {min,max,decimals?}, date {from,to}, boolean {probability?}, ref, sequence {template "Room {n}"}, const {value}.
  Keys are assigned in order (PREFIX-0001, …); hand-written records come first — add some so every error can happen
  (an out-of-stock item, a frozen account, a booked slot).`;

/** A small valid spec to show the shape (part of the banking gallery domain). */
export function exampleSpec(): DomainSpec {
  const keepEntities = new Set(["Customer", "Account", "Transaction"]);
  const keepActions = new Set(["get_account", "open_account", "withdraw", "list_accounts"]);
  return {
    ...banking,
    entities: banking.entities
      .filter((e) => keepEntities.has(e.name))
      .map((e) => ({ ...e, relations: undefined })),
    actions: banking.actions.filter((a) => keepActions.has(a.name)),
    rules: (banking.rules ?? []).filter((r) => r.kind === "invariant"),
    seed: {
      today: banking.seed.today,
      entities: Object.fromEntries(
        Object.entries(banking.seed.entities).filter(([name]) => keepEntities.has(name)),
      ),
    },
  };
}

export const specSystemPrompt = () =>
  [
    "You design domain specs for EnvFactory: stateful tool-use environments in which AI agents are trained.",
    "Given a description of a domain, write a realistic spec with several entities and 6–12 actions, including",
    "actions that fail with declared errors (not found, invalid state, limits) so agents learn to recover.",
    "",
    SPEC_FORMAT_GUIDE,
    "",
    "Example (shortened):",
    "```json",
    JSON.stringify(exampleSpec()),
    "```",
    "",
    "Reply with the complete spec as one JSON object in a ```json block, and nothing else.",
  ].join("\n");

export const specRequest = (description: string) =>
  `Domain description:\n\n${description}\n\nWrite the spec.`;

export const specRepairRequest = (problems: string) =>
  `The spec is not valid. Problems, each with its path:\n${problems}\n\nFix every problem and reply with the complete corrected spec in a \`\`\`json block.`;

export const codeSystemPrompt = () =>
  [
    "You write EnvFactory environments: one TypeScript file, environment.ts, that default-exports",
    'defineEnvironment({...}) from "@envfactory/sdk" (helpers: s for JSON schemas, ToolError for declared errors,',
    "Infer for types, ToolContext for the seeded ctx). Rules: tools are synchronous and mutate state in place;",
    "state is plain JSON; check every precondition before changing anything; throw new ToolError(CODE, message)",
    "for declared errors; use ctx.random()/ctx.pick() for randomness, never Math.random or Date.now.",
    "Keep every tool's name, input schema and output schema exactly; you may improve logic, messages and comments,",
    "and add tools. The self-tests listed must keep passing.",
    "Reply with the complete environment.ts in one ```ts block.",
  ].join("\n");

export const codeRequest = (
  description: string,
  spec: DomainSpec,
  code: string,
  testNames: string[],
) =>
  [
    "Domain description:",
    description,
    "",
    "Spec (JSON):",
    "```json",
    JSON.stringify(spec),
    "```",
    "",
    "Generated environment.ts (it passes all self-tests; revise it so it captures the description faithfully):",
    "```ts",
    code,
    "```",
    "",
    `Self-tests it must pass (${testNames.length}):`,
    ...testNames.map((name) => `- ${name}`),
  ].join("\n");

export const codeRepairRequest = (diagnostics: string) =>
  `Your environment.ts failed verification:\n${diagnostics}\n\nFix these problems and reply with the complete corrected environment.ts in a \`\`\`ts block.`;
