import { resultCanFill } from "./arg-candidates";
import { coerce } from "./coerce";
import { clauseBit } from "./episode-view";
import type { DecisionContext } from "./context";
import { ACTION_BLOCK, FeatureRow, type ActionFeature } from "./features";
import type { Mention } from "./instruction";
import { idPrefixContradicts, kindFit, mentionNamesArg } from "./mentions";
import { contentTokens, overlapShare } from "./text";
import type { ArgInfo, ToolInfo } from "./tool-info";

/** The mention passes the schema and is not an id of another kind of record. */
function mentionCanFill(m: Mention, arg: ArgInfo): boolean {
  return (
    coerce(arg, m.value) !== undefined &&
    !(m.kind === "id" && idPrefixContradicts(String(m.value), arg))
  );
}

function fitsFromClause(ctx: DecisionContext, arg: ArgInfo): boolean {
  const enumStated = arg.enumValues?.some((v) => {
    const tokens = typeof v === "string" ? contentTokens(v) : [];
    return tokens.length > 0 && tokens.every((t) => ctx.clauseStems.has(t));
  });
  if (enumStated) return true;
  return ctx.instruction.mentions.some((m) => {
    if (m.clause !== ctx.clause || !mentionCanFill(m, arg)) return false;
    const fit = kindFit(m, arg);
    return fit === 1 || (fit === 0 && mentionNamesArg(m, arg));
  });
}

function fitsFromResults(ctx: DecisionContext, arg: ArgInfo, pickedRowOnly = false): boolean {
  const bit = clauseBit(ctx.clause);
  return ctx.view.leaves.some(
    (leaf) =>
      (!pickedRowOnly || (leaf.rowClauses & bit) !== 0) &&
      resultCanFill(leaf, arg) &&
      coerce(arg, leaf.value) !== undefined,
  );
}

function fillable(ctx: DecisionContext, arg: ArgInfo): boolean {
  if (arg.enumValues?.length || arg.defaultValue !== undefined || arg.type === "boolean")
    return true;
  return (
    ctx.instruction.mentions.some((m) => kindFit(m, arg) >= 0 && mentionCanFill(m, arg)) ||
    fitsFromResults(ctx, arg)
  );
}

/** Share of the current sentence's values some argument of the tool could take. */
function clauseValuesUsed(ctx: DecisionContext, tool: ToolInfo): number {
  const inClause = ctx.instruction.mentions.filter(
    (m) => m.clause === ctx.clause && m.kind !== "text",
  );
  if (inClause.length === 0) return 0;
  return (
    inClause.filter((m) => tool.args.some((a) => kindFit(m, a) >= 0 && mentionCanFill(m, a)))
      .length / inClause.length
  );
}

function toolRow(
  ctx: DecisionContext,
  tool: ToolInfo,
  nameCore: number,
  otherInCore: boolean,
): FeatureRow<ActionFeature> {
  const { view, instruction } = ctx;
  const required = tool.args.filter((a) => a.required);
  const share = (test: (a: ArgInfo) => boolean) =>
    required.length ? required.filter(test).length / required.length : 0;
  const isLast = view.last?.tool === tool.name;
  const last = view.lastClass;
  const nameClause = overlapShare(tool.nameTokens, ctx.clauseStems);
  const reads = ctx.clause >= 0 && instruction.clauseReads[ctx.clause];
  return new FeatureRow(ACTION_BLOCK)
    .set("tool_name_clause", nameClause)
    .set("tool_desc_clause", overlapShare(tool.descTokens, ctx.clauseStems))
    .set(
      "tool_desc_clause_hits",
      Math.min(3, tool.descTokens.filter((t) => ctx.clauseStems.has(t)).length) / 3,
    )
    .set("tool_clause_values_used", clauseValuesUsed(ctx, tool))
    .set("tool_name_core", nameCore)
    .set("tool_name_only_ref", nameClause > 0 && nameCore === 0 && otherInCore)
    .set("tool_name_head", overlapShare(tool.nameTokens, ctx.clauseHead))
    .set("tool_desc_head", overlapShare(tool.descTokens, ctx.clauseHead))
    .set("tool_clause_after_ran", view.ranOk.has(tool.name) ? nameClause : 0)
    .set("tool_name_instr", overlapShare(tool.nameTokens, instruction.stems))
    .set("tool_desc_instr", overlapShare(tool.descTokens, instruction.stems))
    .set(
      "tool_args_in_clause",
      share((a) => fitsFromClause(ctx, a)),
    )
    .set(
      "tool_args_from_results",
      share((a) => fitsFromResults(ctx, a)),
    )
    .set(
      "tool_args_from_picked_row",
      share((a) => fitsFromResults(ctx, a, true)),
    )
    .set(
      "tool_unfillable",
      required.some((a) => !fillable(ctx, a)),
    )
    .set("tool_no_required_args", required.length === 0)
    .set("tool_read_only", tool.readOnly)
    .set("tool_reads_as_asked", reads && tool.readOnly)
    .set("tool_writes_when_asked_to_look", reads && !tool.readOnly)
    .set("tool_ran_ok", view.ranOk.has(tool.name))
    .set("tool_write_ran_ok", !tool.readOnly && view.ranOk.has(tool.name))
    .set("tool_repeat_transient", isLast && last === "transient")
    .set("tool_repeat_broken_read", isLast && last === "broken" && tool.readOnly)
    .set("tool_repeat_broken_write", isLast && last === "broken" && !tool.readOnly)
    .set("tool_repeat_business", isLast && last === "business")
    .set("tool_refused_before", view.refused.has(tool.name))
    .set("tool_repeat_invalid", isLast && last === "invalid")
    .set("tool_repeat_ok", isLast && last === "ok")
    .set("tool_switch_transient", !isLast && last === "transient")
    .set("tool_route_after_business", !isLast && last === "business" ? nameClause : 0)
    .set("tool_past_last_clause", view.reached >= instruction.clauses.length);
}

function finishRow(ctx: DecisionContext): FeatureRow<ActionFeature> {
  const { view, instruction } = ctx;
  const last = view.lastClass;
  const lastReadOnly = view.last
    ? (ctx.tools.find((t) => t.name === view.last!.tool)?.readOnly ?? false)
    : false;
  const total = instruction.clauses.length;
  return new FeatureRow(ACTION_BLOCK)
    .set("finish_bias", 1)
    .set("finish_no_calls", view.last === null)
    .set("finish_after_ok_write", last === "ok" && !lastReadOnly)
    .set("finish_after_ok_read", last === "ok" && lastReadOnly)
    .set("finish_after_transient", last === "transient")
    .set("finish_after_broken", last === "broken")
    .set("finish_after_business", last === "business")
    .set("finish_after_invalid", last === "invalid")
    .set("finish_clauses_left", Math.max(0, total - view.reached) / total)
    .set("finish_all_clauses_done", view.reached >= total);
}

/** One row per tool (manifest order), then the finish action. */
export function actionRows(ctx: DecisionContext): FeatureRow<ActionFeature>[] {
  const cores = ctx.tools.map((tool) => overlapShare(tool.nameTokens, ctx.clauseCore));
  const inCore = cores.filter((share) => share > 0).length;
  const othersInCore = (i: number) => inCore - (cores[i] > 0 ? 1 : 0) > 0;
  return [
    ...ctx.tools.map((tool, i) => toolRow(ctx, tool, cores[i], othersInCore(i))),
    finishRow(ctx),
  ];
}
