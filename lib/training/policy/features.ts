/**
 * The learner's features, by decision. Every feature is relational (how a candidate relates to
 * the instruction, the schema and earlier results), never a particular value, tool or domain,
 * so weights learned on some tasks carry over to unseen tasks of the environment.
 */

const ACTION = {
  tool_name_clause: "share of the tool name's words in the instruction sentence the agent is on",
  tool_desc_clause: "share of the tool description's words in the current sentence",
  tool_desc_clause_hits:
    "words of the tool description found in the current sentence (up to 3, /3)",
  tool_clause_values_used:
    "share of the current sentence's values that some argument of the tool can take",
  tool_name_core:
    'share of the tool name\'s words in the current sentence outside references ("of purchase order PO-1")',
  tool_name_only_ref:
    "the tool's name words appear in the current sentence only inside a reference, while another tool's appear outside it",
  tool_name_head: "share of the tool name's words among the first 3 words of the current sentence",
  tool_desc_head:
    "share of the tool description's words among the first 3 words of the current sentence",
  tool_clause_after_ran:
    "the tool already ran, times its name's share in the current sentence (a second such request)",
  tool_name_instr: "share of the tool name's words anywhere in the instruction",
  tool_desc_instr: "share of the tool description's words anywhere in the instruction",
  tool_args_in_clause:
    "share of required arguments that a value (or enum word) in the current sentence fits",
  tool_args_from_results: "share of required arguments named like a field of an earlier result",
  tool_args_from_picked_row:
    "share of required arguments fillable from a result record the current sentence singles out",
  tool_unfillable: "some required argument has no candidate value at all",
  tool_no_required_args: "the tool takes no required argument",
  tool_read_only: "the tool only reads",
  tool_reads_as_asked:
    'the current sentence opens with a look-up verb ("check", "find", "list") and the tool only reads',
  tool_writes_when_asked_to_look:
    "the current sentence opens with a look-up verb and the tool changes state",
  tool_ran_ok: "the tool already ran successfully in this episode",
  tool_write_ran_ok: "a state-changing tool already ran successfully (repeating double-applies)",
  tool_repeat_transient:
    "same tool as the last call, which failed transiently (unavailable, timeout, rate limit)",
  tool_repeat_broken_read: "same read-only tool as the last call, whose response came back broken",
  tool_repeat_broken_write:
    "same state-changing tool as the last call, whose response came back broken (it ran)",
  tool_repeat_business: "same tool as the last call, which the tool refused with a declared error",
  tool_repeat_invalid: "same tool as the last call, which had invalid arguments",
  tool_refused_before: "the tool already refused a call in this episode with a declared error",
  tool_repeat_ok: "same tool as the last call, which succeeded",
  tool_switch_transient: "a different tool than the last call, which failed transiently",
  tool_route_after_business:
    "after a declared error, a different tool named in the current sentence",
  tool_past_last_clause: "every instruction sentence already has its call",
  finish_bias: "finish now",
  finish_no_calls: "finish before any call",
  finish_after_ok_write: "finish after a successful state-changing call",
  finish_after_ok_read: "finish after a successful read",
  finish_after_transient: "finish right after a transient failure",
  finish_after_broken: "finish right after a broken response",
  finish_after_business: "finish right after a declared error",
  finish_after_invalid: "finish right after invalid arguments",
  finish_clauses_left: "share of instruction sentences without a call yet",
  finish_all_clauses_done: "every instruction sentence has its call",
} as const;

const ARG = {
  arg_src_mention: "the value is written in the instruction",
  arg_src_result: "the value came from an earlier result",
  arg_src_enum: "the value is one of the schema's enum values",
  arg_src_default: "the value is the schema default",
  arg_src_bool: "a boolean value",
  arg_placeholder: "no candidate exists; an empty value of the right type",
  arg_omit: "leave the optional argument out",
  arg_omit_unmentioned: "leave it out, and no instruction word names it",
  arg_omit_named_in_clause:
    'leave it out although the current sentence names it ("of that customer")',
  arg_prev_word: "the word right before the value is a word of the argument's name",
  arg_near_words: "share of the argument name's words among the 3 words before the value",
  arg_next_word: "a word right after the value is a word of the argument's name",
  arg_kind_fits:
    "the kind of value (id, number, quoted text, date, e-mail, name) fits the argument",
  arg_kind_misfit: "the kind of value does not fit the argument (e.g. an id for free text)",
  arg_kind_quoted: "the value is quoted in the instruction",
  arg_mention_in_results:
    'the written value also appears in an earlier result (it names a record, e.g. "the room whose name is X")',
  arg_text_span: "several words of unquoted text running to the end of the sentence",
  arg_id_prefix: "the id's letter prefix abbreviates a word of the argument (ACC → account)",
  arg_id_prefix_contradicts: "the id's letter prefix abbreviates none of the argument's words",
  arg_in_clause: "the value is written in the current instruction sentence",
  arg_unconsumed: "an earlier call has not used this mention yet",
  arg_first_unconsumed: "the earliest unused mention of its kind",
  arg_rank_match: "its order among same-kind values in the sentence equals the argument's order",
  arg_used_in_call: "the value already fills another argument of this call",
  arg_res_same_field: "it came from a result field with the argument's exact name",
  arg_res_field_overlap: "share of the argument name's words in the result field's name",
  arg_res_last_step: "it came from the latest successful result",
  arg_res_in_list: "it came from a list of several records",
  arg_res_row_matches: "its record is singled out by a value the instruction states",
  arg_res_row_in_clause: "its record is singled out by a value the current sentence states",
  arg_res_row_mentioned: "its record holds several values the instruction states",
  arg_res_stated: "the result value is itself written in the instruction",
  arg_res_from_write:
    "it came from the result of a state-changing call (a record just created or changed)",
  arg_enum_stated: "the enum or boolean value is written in the instruction",
  arg_enum_near: "the enum or boolean value is written within 3 words of the argument's name",
  arg_enum_in_clause: "the enum or boolean value is written in the current instruction sentence",
  arg_retry_value: "repeating a transiently failed call with the value it used",
  arg_retry_other: "repeating a transiently failed call with a different value",
  arg_repeat_refused_value: "repeating a refused call (declared error) with the same value",
  arg_bool_true: "true",
  arg_bool_false: "false",
} as const;

const ANSWER = {
  answer_empty: "finish without an answer",
  answer_empty_asked: "finish without an answer although the instruction asks for something",
  answer_focus: "share of the field's words in what the instruction asks to be told",
  answer_field_instr: "share of the field's words anywhere in the instruction",
  answer_last_ok_step: "the field comes from the latest successful result",
  answer_field_latest: "no later result has a field of the same name (its most recent value)",
  answer_read_step: "the field comes from a read-only call",
  answer_value_stated: "the value is already written in the instruction",
  answer_many: "the field has several values (a list)",
  answer_key_field: "the field is a key or reference (…_id)",
} as const;

export type ActionFeature = keyof typeof ACTION;
export type ArgFeature = keyof typeof ARG;
export type AnswerFeature = keyof typeof ANSWER;

/** One block of the weight vector: the features of one kind of decision. */
export interface FeatureBlock<K extends string> {
  offset: number;
  size: number;
  index: Record<K, number>;
}

function block<K extends string>(about: Record<K, string>, offset: number): FeatureBlock<K> {
  const names = Object.keys(about) as K[];
  return {
    offset,
    size: names.length,
    index: Object.fromEntries(names.map((n, i) => [n, i])) as Record<K, number>,
  };
}

export const ACTION_BLOCK = block(ACTION, 0);
export const ARG_BLOCK = block(ARG, ACTION_BLOCK.size);
export const ANSWER_BLOCK = block(ANSWER, ARG_BLOCK.offset + ARG_BLOCK.size);

/** Every feature name in weight-vector order, with what it measures. */
export const FEATURES: readonly { name: string; about: string }[] = [ACTION, ARG, ANSWER].flatMap(
  (about) => Object.entries(about).map(([name, text]) => ({ name, about: text as string })),
);
export const FEATURE_COUNT = FEATURES.length;

/** A candidate's features within its block, built by name. */
export class FeatureRow<K extends string> {
  readonly values: Float64Array;

  constructor(private readonly spec: FeatureBlock<K>) {
    this.values = new Float64Array(spec.size);
  }

  set(name: K, value: number | boolean): this {
    this.values[this.spec.index[name]] = Number(value);
    return this;
  }

  /** Keeps the larger value (a candidate seen through several sources). */
  max(name: K, value: number | boolean): this {
    const i = this.spec.index[name];
    this.values[i] = Math.max(this.values[i], Number(value));
    return this;
  }

  get(name: K): number {
    return this.values[this.spec.index[name]];
  }
}
