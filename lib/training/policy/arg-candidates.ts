import type { JsonValue } from "@/lib/runtime";
import { coerce, placeholder } from "./coerce";
import type { DecisionContext } from "./context";
import { ARG_BLOCK, FeatureRow, type ArgFeature } from "./features";
import { findPhrase } from "./instruction";
import {
  argFamily,
  idPrefixContradicts,
  idPrefixMatches,
  kindFit,
  mentionFamily,
  mentionNamesArg,
  nearShare,
} from "./mentions";
import { clauseBit, type Leaf } from "./episode-view";
import { contentTokens, overlapShare, stem, words } from "./text";
import type { ArgInfo, ToolInfo } from "./tool-info";

/** A value to give an argument (undefined: leave the optional argument out). */
export interface ArgCandidate {
  value: JsonValue | undefined;
  row: FeatureRow<ArgFeature>;
}

type Args = Record<string, JsonValue>;

function keyOf(value: JsonValue | undefined): string {
  return value === undefined ? "omit" : `${typeof value}:${String(value)}`;
}

/** The arguments of the previous call when this call repeats its tool, with how it ended. */
function previousCall(
  ctx: DecisionContext,
  tool: ToolInfo,
): { args: Args; outcome: string } | null {
  const last = ctx.view.last;
  if (
    !last ||
    last.tool !== tool.name ||
    last.args === null ||
    typeof last.args !== "object" ||
    Array.isArray(last.args)
  )
    return null;
  return { args: last.args, outcome: ctx.view.lastClass };
}

/**
 * Candidate values for one argument, merged by value (a value seen through several sources
 * keeps the largest of each feature), with their features.
 */
export function argCandidates(
  ctx: DecisionContext,
  tool: ToolInfo,
  arg: ArgInfo,
  filled: Args,
): ArgCandidate[] {
  const byValue = new Map<string, ArgCandidate>();
  const add = (raw: JsonValue | undefined): FeatureRow<ArgFeature> | null => {
    const value = raw === undefined ? undefined : coerce(arg, raw);
    if (raw !== undefined && value === undefined) return null;
    const key = keyOf(value);
    let candidate = byValue.get(key);
    if (!candidate) {
      candidate = { value, row: new FeatureRow(ARG_BLOCK) };
      byValue.set(key, candidate);
    }
    return candidate.row;
  };

  addMentions(ctx, tool, arg, add);
  addResults(ctx, arg, add);
  addSchemaValues(ctx, arg, add);
  if (!arg.required) {
    const named = ctx.instruction.mentions.some((m) => mentionNamesArg(m, arg));
    add(undefined)
      ?.set("arg_omit", 1)
      .set("arg_omit_unmentioned", !named)
      .set(
        "arg_omit_named_in_clause",
        arg.nameTokens.some((t) => ctx.clauseStems.has(t)),
      );
  }
  if (byValue.size === 0) {
    // Nothing fits: an empty value of the type (the call will likely be refused as invalid).
    byValue.set("placeholder", {
      value: placeholder(arg),
      row: new FeatureRow(ARG_BLOCK).set("arg_placeholder", 1),
    });
  }

  const candidates = [...byValue.values()];
  const previous = previousCall(ctx, tool);
  const usedValues = new Set(Object.values(filled).map(keyOf));
  for (const candidate of candidates) {
    const key = keyOf(candidate.value);
    candidate.row.set("arg_used_in_call", candidate.value !== undefined && usedValues.has(key));
    if (!previous) continue;
    const same = keyOf(previous.args[arg.name]) === key;
    if (previous.outcome === "transient")
      candidate.row.set(same ? "arg_retry_value" : "arg_retry_other", 1);
    if (previous.outcome === "business" && same) candidate.row.set("arg_repeat_refused_value", 1);
  }
  return candidates;
}

type Add = (value: JsonValue | undefined) => FeatureRow<ArgFeature> | null;

const KEY_FIELD = /(^|_)(id|key|code|ref)$/i;

/**
 * Results feed arguments through fields named alike ("account_id" → "to_account_id"), and
 * keys only from key fields (an account's type is no account id).
 */
export function resultCanFill(leaf: Leaf, arg: ArgInfo): boolean {
  if (arg.isKey !== KEY_FIELD.test(leaf.field)) return false;
  return overlapShare(arg.nameTokens, leaf.fieldTokens) > 0;
}

function addMentions(ctx: DecisionContext, tool: ToolInfo, arg: ArgInfo, add: Add): void {
  const { mentions } = ctx.instruction;
  const family = argFamily(arg);
  // The argument's order among the tool's arguments of its family ("from" before "to").
  const argRank = tool.args
    .slice(0, tool.args.indexOf(arg))
    .filter((a) => argFamily(a) === family).length;
  const rankInClause = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const m of mentions) {
    if (mentionFamily(m) !== family) continue;
    const n = seen.get(m.clause) ?? 0;
    rankInClause.set(m.order, n);
    seen.set(m.clause, n + 1);
  }
  const resultValues = new Set<JsonValue>(ctx.view.leaves.map((l) => l.value));
  let firstUnconsumed = true;
  for (const m of mentions) {
    const fit = kindFit(m, arg);
    const row = add(m.value);
    if (!row) continue;
    const unconsumed = !ctx.view.consumed[m.order];
    row
      .set("arg_src_mention", 1)
      .max("arg_prev_word", arg.nameTokens.includes(m.before[0] ?? ""))
      .max("arg_near_words", nearShare(m, arg))
      .max(
        "arg_next_word",
        m.after.some((t) => arg.nameTokens.includes(t)),
      )
      .max("arg_kind_fits", fit === 1)
      .max("arg_kind_misfit", fit === -1)
      .max("arg_text_span", m.kind === "text")
      .max("arg_kind_quoted", m.kind === "quoted")
      .max("arg_mention_in_results", resultValues.has(m.value))
      .max("arg_id_prefix", m.kind === "id" && idPrefixMatches(String(m.value), arg))
      .max("arg_id_prefix_contradicts", idPrefixContradicts(String(m.value), arg))
      .max("arg_in_clause", m.clause === ctx.clause)
      .max("arg_unconsumed", unconsumed)
      .max("arg_rank_match", rankInClause.get(m.order) === argRank && m.clause === ctx.clause);
    if (unconsumed && fit >= 0 && firstUnconsumed) {
      row.set("arg_first_unconsumed", 1);
      firstUnconsumed = false;
    }
  }
}

function addResults(ctx: DecisionContext, arg: ArgInfo, add: Add): void {
  for (const leaf of ctx.view.leaves) {
    if (!resultCanFill(leaf, arg)) continue;
    const overlap = overlapShare(arg.nameTokens, leaf.fieldTokens);
    const row = add(leaf.value);
    if (!row) continue;
    row
      .set("arg_src_result", 1)
      .max("arg_res_same_field", leaf.field === arg.name)
      .max("arg_res_field_overlap", overlap)
      .max("arg_res_last_step", leaf.step === ctx.view.lastOkStep)
      .max("arg_res_in_list", leaf.inList)
      .max("arg_res_row_matches", leaf.rowClauses !== 0)
      .max("arg_res_row_in_clause", (leaf.rowClauses & clauseBit(ctx.clause)) !== 0)
      .max("arg_res_row_mentioned", leaf.rowMentioned)
      .max("arg_res_stated", ctx.stated(leaf.value) !== 0)
      .max("arg_res_from_write", !leaf.readOnlyTool)
      .max("arg_id_prefix", typeof leaf.value === "string" && idPrefixMatches(leaf.value, arg))
      .max(
        "arg_id_prefix_contradicts",
        typeof leaf.value === "string" && idPrefixContradicts(leaf.value, arg),
      );
  }
}

function addSchemaValues(ctx: DecisionContext, arg: ArgInfo, add: Add): void {
  // Enum values and booleans are words the instruction may state ("(has_video: true)").
  const words_ = arg.type === "boolean" ? [true, false] : (arg.enumValues ?? []);
  for (const value of words_) {
    const row = add(value);
    if (!row) continue;
    if (typeof value === "boolean")
      row.set("arg_src_bool", 1).set(value ? "arg_bool_true" : "arg_bool_false", 1);
    else row.set("arg_src_enum", 1);
    if (typeof value !== "string" && typeof value !== "boolean") continue;
    const text = String(value);
    const at = findPhrase(ctx.instruction.sequence, words(text).map(stem));
    const tokens = contentTokens(text);
    row.set("arg_enum_stated", at >= 0 || ctx.stated(text) !== 0);
    row.set("arg_enum_in_clause", tokens.length > 0 && tokens.every((t) => ctx.clauseStems.has(t)));
    if (at >= 0) {
      const window = ctx.instruction.sequence.slice(Math.max(0, at - 3), at + 4);
      row.set(
        "arg_enum_near",
        arg.nameTokens.some((t) => window.includes(t)),
      );
    }
  }
  if (arg.defaultValue !== undefined) add(arg.defaultValue)?.set("arg_src_default", 1);
}
