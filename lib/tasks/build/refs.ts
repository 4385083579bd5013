import type { JsonValue } from "@/lib/runtime";
import { entityOf, isKeyName } from "../graph/keys";
import type { Binding, ExecutedChain } from "../sampler/chain-types";
import type { SamplerContext } from "../sampler/context";
import { valueAt, valuesAt } from "../sampler/paths";
import type { StatePool } from "../sampler/state-pool";
import { formatValue, humanize } from "./words";

/** How an instruction refers to a value the agent must take from an earlier result. */
export interface Reference {
  /** e.g. "that customer", "the new account", "the account whose account type is savings". */
  text: string;
  /** The entity noun, so "account {account_id}" can become "the new account". */
  noun: string;
  /** The value itself is written (it was stated earlier): keep the template's noun before it. */
  literal: boolean;
  /**
   * Set when the text is just this word and the noun ("that", "the new"): the template's own
   * word for the record may then stand in for the noun ("Cancel meeting {id}" → "Cancel that
   * meeting", where the entity is called an event).
   */
  determiner?: string;
  /** Facts the phrase relies on (they must survive any rewording). */
  mentions: string[];
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

/** A field of the chosen record whose value no other record in the list shares. */
function distinguishing(
  list: JsonValue[],
  item: JsonValue,
): { field: string; value: string } | undefined {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
  const fields = Object.entries(item)
    .filter(
      ([name, v]) =>
        (typeof v === "string" || typeof v === "number") && !isKeyName(name) && name !== "id",
    )
    // Short categorical text reads best ("whose status is open"), then names, then numbers.
    .sort(([, a], [, b]) => rank(a) - rank(b));
  for (const [field, value] of fields) {
    const clash = list.some(
      (other) =>
        other !== item &&
        other !== null &&
        typeof other === "object" &&
        !Array.isArray(other) &&
        other[field] === value,
    );
    if (!clash) return { field, value: formatValue(value) };
  }
  return undefined;
}

function rank(value: JsonValue): number {
  if (typeof value === "string") return value.length <= 20 ? 0 : 1;
  return 2;
}

/** "whose status is open", or "opened on 2024-05-01" for date-like fields. */
function factPhrase(field: string, value: string): string {
  return /_(on|at|by)$/.test(field)
    ? `${humanize(field)} ${value}`
    : `whose ${humanize(field)} is ${value}`;
}

/** Keys of records of this entity the chain created (not in the seed state), in order. */
function createdKeys(
  ctx: SamplerContext,
  chain: ExecutedChain,
  pool: StatePool,
  entity: string,
): string[] {
  const keys: string[] = [];
  chain.steps.forEach((step, j) => {
    const tool = ctx.tools.get(chain.calls[j].tool)!;
    if (tool.readOnly || !step.observation.ok) return;
    for (const out of tool.outputs) {
      if (out.path.includes("[]") || !isKeyName(out.name)) continue;
      const named = out.name === "id" ? out.noun : entityOf(out.name);
      const value = named === entity ? valueAt(step.observation.result, out.path, []) : undefined;
      const key = JSON.stringify(value);
      if (value !== undefined && !pool.has(value) && !keys.includes(key)) keys.push(key);
    }
  });
  return keys;
}

/** The key of the record a bound value sits in, when some earlier call stated that key. */
function ownKey(
  ctx: SamplerContext,
  chain: ExecutedChain,
  binding: Binding,
  entity: string,
): string | undefined {
  const step = chain.steps[binding.step];
  if (!step.observation.ok) return undefined;
  const parent = binding.via.includes(".")
    ? binding.via.slice(0, binding.via.lastIndexOf(".") + 1)
    : "";
  const keyField = ctx.tools
    .get(step.tool)!
    .outputs.find(
      (o) =>
        o.path.startsWith(parent) &&
        !o.path.slice(parent.length).includes(".") &&
        (o.name === "id" || (isKeyName(o.name) && entityOf(o.name) === entity)),
    );
  if (!keyField) return undefined;
  const value = valueAt(step.observation.result, keyField.path, binding.indices);
  const stated = chain.calls
    .slice(0, binding.step + 1)
    .some((c) => Object.values(c.stated).some((v) => v === value));
  return stated && value !== undefined ? formatValue(value) : undefined;
}

interface RecordPhrase {
  text: string;
  mentions: string[];
}

/** Which record of the result the value sits in: "that card", "the account whose … is …". */
function recordPhrase(
  result: JsonValue,
  binding: Binding,
  recordNoun: string,
): RecordPhrase | undefined {
  const candidates = valuesAt(result, binding.via);
  const choice = candidates.find((c) => c.indices.join() === binding.indices.join());
  if (!choice?.list || choice.list.length === 1)
    return { text: `that ${recordNoun}`, mentions: [] };
  const fact = distinguishing(choice.list, choice.item ?? null);
  if (fact)
    return {
      text: `the ${recordNoun} ${factPhrase(fact.field, fact.value)}`,
      mentions: [fact.value],
    };
  const index = binding.indices.at(-1)!;
  const ordinal = index === choice.list.length - 1 ? "last" : ORDINALS[index];
  return ordinal ? { text: `the ${ordinal} ${recordNoun} listed`, mentions: [] } : undefined;
}

/**
 * Describes a bound value, or undefined when no phrase can single it out. A value the chain
 * already named is referred to as it was first named: literally when it was stated, with that
 * first description when it came from a result.
 */
export function describeBinding(
  ctx: SamplerContext,
  chain: ExecutedChain,
  pool: StatePool,
  binding: Binding,
): Reference | undefined {
  const nounOf = (entity: string) => ctx.nouns.get(entity) ?? humanize(entity);
  const noun = nounOf(binding.entity);
  const step = chain.steps[binding.step];
  if (!step.observation.ok) return undefined;
  const result = step.observation.result;
  const value = valueAt(result, binding.via, binding.indices);
  if (value === undefined) return undefined;
  const key = JSON.stringify(value);

  for (let j = 0; j <= binding.step; j++) {
    const call = chain.calls[j];
    const stated = Object.values(call.stated).some((v) => JSON.stringify(v) === key);
    if (stated)
      return { text: formatValue(value), noun, literal: true, mentions: [formatValue(value)] };
    for (const [name, earlier] of Object.entries(call.bound)) {
      if (JSON.stringify(chain.args[j][name]) === key)
        return describeBinding(ctx, chain, pool, earlier);
    }
  }

  const source = ctx.tools.get(step.tool)!;
  if (!source.readOnly && !pool.has(value)) {
    // Several new records of one kind are told apart by the order they were made in.
    const created = createdKeys(ctx, chain, pool, binding.entity);
    const nth = created.length > 1 ? `${ORDINALS[created.indexOf(key)] ?? "last"} ` : "";
    const determiner = `the ${nth}new`;
    return { text: `${determiner} ${noun}`, noun, literal: false, mentions: [], determiner };
  }
  const recordEntity = source.outputs.find((o) => o.path === binding.via)?.noun;
  const recordNoun = recordEntity === undefined ? undefined : nounOf(recordEntity);
  let record = recordPhrase(result, binding, recordNoun ?? noun);
  if (!record) return undefined;
  // "that ticket" is ambiguous once other tickets were named since; a record the instruction
  // already named by key is named by key again ("the requester of ticket TCK-0001").
  const statedKey = recordEntity && ownKey(ctx, chain, binding, recordEntity);
  if (statedKey && record.text === `that ${recordNoun}`)
    record = { text: `${recordNoun} ${statedKey}`, mentions: [statedKey] };
  const own = !recordNoun || recordNoun === noun;
  const text = own ? record.text : `the ${noun} of ${record.text}`;
  const determiner = own && record.text === `that ${noun}` ? "that" : undefined;
  return {
    text,
    noun,
    literal: false,
    mentions: record.mentions,
    ...(determiner ? { determiner } : {}),
  };
}
