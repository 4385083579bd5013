import type { DecisionContext } from "./context";
import { ANSWER_BLOCK, FeatureRow, type AnswerFeature } from "./features";
import { overlapShare } from "./text";

export interface AnswerCandidate {
  text: string;
  row: FeatureRow<AnswerFeature>;
}

/** Results older than this many successful calls are not offered as answers. */
const ANSWER_STEPS = 4;

/**
 * What to say when finishing: nothing, or the values of one field of one earlier result
 * (all of them, for a list), each with its features.
 */
export function answerCandidates(ctx: DecisionContext): AnswerCandidate[] {
  const { instruction, view } = ctx;
  const empty = new FeatureRow(ANSWER_BLOCK)
    .set("answer_empty", 1)
    .set("answer_empty_asked", instruction.asks);
  const candidates: AnswerCandidate[] = [{ text: "", row: empty }];
  const okSteps = [...new Set(view.leaves.map((l) => l.step))].slice(-ANSWER_STEPS);
  const groups = new Map<
    string,
    {
      values: string[];
      tokens: string[];
      field: string;
      step: number;
      readOnly: boolean;
      stated: boolean;
    }
  >();
  for (const leaf of view.leaves) {
    if (!okSteps.includes(leaf.step)) continue;
    const key = `${leaf.step}\n${leaf.field}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        values: [],
        tokens: leaf.fieldTokens,
        field: leaf.field,
        step: leaf.step,
        readOnly: leaf.readOnlyTool,
        stated: false,
      };
      groups.set(key, group);
    }
    const text = String(leaf.value);
    if (!group.values.includes(text)) group.values.push(text);
    group.stated ||= ctx.stated(leaf.value) !== 0;
  }
  const latestStep = new Map<string, number>();
  for (const group of groups.values())
    latestStep.set(group.field, Math.max(latestStep.get(group.field) ?? -1, group.step));
  for (const group of groups.values()) {
    const tokens = group.tokens;
    candidates.push({
      text: group.values.join(", "),
      row: new FeatureRow(ANSWER_BLOCK)
        .set("answer_focus", overlapShare(tokens, instruction.focus))
        .set("answer_field_instr", overlapShare(tokens, instruction.stems))
        .set("answer_last_ok_step", group.step === view.lastOkStep)
        .set("answer_field_latest", latestStep.get(group.field) === group.step)
        .set("answer_read_step", group.readOnly)
        .set("answer_value_stated", group.stated)
        .set("answer_many", group.values.length > 1)
        .set("answer_key_field", /(^|_)(id|key|code)$/i.test(group.field)),
    });
  }
  return candidates;
}
