import type { JsonValue } from "@/lib/runtime";
import type { InputField } from "../graph/schema-fields";
import { toolNoun } from "../graph/schema-fields";
import { isKeyName } from "../graph/keys";
import type { Rng } from "../rng";
import type { Binding, PlannedCall } from "./chain-types";
import type { ToolInfo } from "./context";
import { valuesAt } from "./paths";
import type { Scalar, StatePool } from "./state-pool";
import { freshString, sampleNumber } from "./values";

/** An earlier call in the chain being sampled, with its result. */
export interface PriorCall {
  call: PlannedCall;
  args: Record<string, JsonValue>;
  result: JsonValue;
}

export interface PlanOptions {
  rng: Rng;
  pool: StatePool;
  tool: ToolInfo;
  prior: readonly PriorCall[];
  /** At least one argument must come from an earlier result (a dependent step). */
  needBinding: boolean;
  /** Aim for values that provoke declared errors. */
  risky?: boolean;
  /** Values fixed by the caller (an error-recovery alternative shares the failed call's). */
  preset?: Record<string, JsonValue>;
}

/** Field names under which the seed state may hold this argument's values. */
function poolNames(field: InputField, tool: ToolInfo): string[] {
  const referenced = tool.hint.references?.[field.name];
  if (referenced) return [referenced, field.name];
  if (field.name === "id") {
    const noun = toolNoun(tool.name);
    return noun ? [`${noun}_id`, "id"] : ["id"];
  }
  const tokens = field.name.split("_");
  // `from_account_id` → also `account_id`: role-prefixed keys name the same records.
  const names = [field.name];
  for (let i = 1; i < tokens.length - 1; i++) names.push(tokens.slice(i).join("_"));
  return names;
}

/** Values of the seed state that this argument could name (same field, or the unprefixed key). */
export function existing(field: InputField, tool: ToolInfo, pool: StatePool): Scalar[] {
  for (const name of poolNames(field, tool)) {
    const values = pool
      .values(name)
      .filter((v) => typeof v === (field.kind === "number" ? "number" : "string"));
    if (values.length) return values;
  }
  return [];
}

/** Values a search-like reader can be asked about: the text fields of the records it returns. */
function searchable(tool: ToolInfo, pool: StatePool): string[] {
  const values: string[] = [];
  for (const out of tool.outputs) {
    if (out.kind !== "string" || isKeyName(out.name)) continue;
    for (const v of pool.values(out.name))
      if (typeof v === "string" && v.length >= 3) values.push(v);
  }
  return values;
}

function sampleValue(field: InputField, opts: PlanOptions): JsonValue {
  const { rng, pool, tool } = opts;
  if (field.enum?.length) {
    const choices = field.enum.filter((v) => v !== null);
    return choices.length ? rng.pick(choices) : field.enum[0];
  }
  if (field.kind === "boolean") return rng.chance(0.5);
  if (field.kind === "array" && field.item) {
    const min = Math.max(1, field.minItems ?? 1);
    const count = Math.min(field.maxItems ?? 2, min + (rng.chance(0.3) ? 1 : 0));
    return Array.from({ length: count }, () => sampleValue(field.item!, opts));
  }
  if (field.kind === "object" && field.properties) {
    const out: Record<string, JsonValue> = {};
    for (const property of field.properties) {
      if (property.required || rng.chance(0.3)) out[property.name] = sampleValue(property, opts);
    }
    return out;
  }
  if (field.kind === "number") {
    const known = existing(field, tool, pool) as number[];
    if (isKeyName(field.name) && known.length) return rng.pick(known);
    return sampleNumber(field, known, rng, opts.risky ? { stateNumbers: pool.allNumbers } : false);
  }
  const known = existing(field, tool, pool) as string[];
  if (isKeyName(field.name === "id" ? `${toolNoun(tool.name)}_id` : field.name)) {
    return known.length ? rng.pick(known) : freshString(field, rng, toolNoun(tool.name));
  }
  if (known.length && (tool.readOnly || rng.chance(0.5))) return rng.pick(known);
  if (tool.readOnly) {
    const texts = searchable(tool, pool);
    if (texts.length) return rng.pick(texts);
  }
  return freshString(field, rng, toolNoun(tool.name));
}

interface BindingChoice {
  binding: Binding;
  value: JsonValue;
}

/**
 * The earlier results that can feed this input: real data flow first (latest call first), then
 * echoes of values an earlier call was given ("withdraw from ACC-1, then freeze that account").
 */
function bindingChoices(field: InputField, opts: PlanOptions): BindingChoice[][] {
  const flowing: BindingChoice[][] = [];
  const echoes: BindingChoice[][] = [];
  for (let j = opts.prior.length - 1; j >= 0; j--) {
    const prior = opts.prior[j];
    if (prior.call.trap) continue;
    const given = new Set(Object.values(prior.args).map((v) => JSON.stringify(v)));
    for (const edge of opts.tool.incoming) {
      if (edge.field !== field.name || edge.from !== prior.call.tool) continue;
      const found = valuesAt(prior.result, edge.via).filter(
        (f) => !field.enum || field.enum.includes(f.value),
      );
      const choice = (echo: boolean) => (f: (typeof found)[number]) => ({
        binding: {
          step: j,
          via: edge.via,
          indices: f.indices,
          entity: edge.entity,
          ...(echo ? { echo } : {}),
        },
        value: f.value,
      });
      const fresh = found.filter((f) => !given.has(JSON.stringify(f.value)));
      const echoed = found.filter((f) => given.has(JSON.stringify(f.value)));
      if (fresh.length) flowing.push(fresh.map(choice(false)));
      if (echoed.length) echoes.push(echoed.map(choice(true)));
    }
  }
  return [...flowing, ...echoes];
}

/**
 * Plans one call's arguments: values from earlier results where the graph allows (biased to the
 * latest call, so chains read as a path), the rest from the seed state, enums and realistic
 * fresh values. Returns undefined when a required dependency cannot be met.
 */
export function planCall(opts: PlanOptions): PlannedCall | undefined {
  const { rng, tool } = opts;
  const call: PlannedCall = { tool: tool.name, stated: {}, bound: {} };
  const fields = rng.shuffle(tool.inputs);
  const choices = new Map(fields.map((f) => [f.name, bindingChoices(f, opts)]));
  const boundValues = new Set<string>();
  const bind = (field: InputField) => {
    const groups = choices.get(field.name)!;
    const group = rng.chance(0.7) ? groups[0] : rng.pick(groups);
    const unused = group.filter((c) => !boundValues.has(JSON.stringify(c.value)));
    if (!unused.length) return false;
    const choice = rng.pick(unused);
    call.bound[field.name] = choice.binding;
    boundValues.add(JSON.stringify(choice.value));
    return true;
  };
  for (const field of fields) {
    if (opts.preset && field.name in opts.preset) {
      call.stated[field.name] = opts.preset[field.name];
      continue;
    }
    if (choices.get(field.name)!.length && rng.chance(0.8) && bind(field)) continue;
    if (field.required || tool.phraseInputs.has(field.name) || rng.chance(0.3)) {
      call.stated[field.name] = sampleValue(field, opts);
    }
  }
  if (opts.needBinding && Object.keys(call.bound).length === 0) {
    const bindable = fields.find(
      (f) => choices.get(f.name)!.length && !(opts.preset && f.name in opts.preset),
    );
    if (!bindable || !bind(bindable)) return undefined;
    delete call.stated[bindable.name];
  }
  return call;
}
