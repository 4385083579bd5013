import type { ClauseMask, EpisodeView } from "./episode-view";
import type { InstructionAnalysis } from "./instruction";
import type { ToolInfo } from "./tool-info";

/** What every feature of one decision reads; built once per decision. */
export interface DecisionContext {
  instruction: InstructionAnalysis;
  tools: readonly ToolInfo[];
  view: EpisodeView;
  /** The instruction sentence the agent is on (one call per sentence); -1 once all have one. */
  clause: number;
  /** Its stems and first stems (empty once every sentence has its call). */
  clauseStems: Set<string>;
  clauseHead: Set<string>;
  /**
   * Its stems outside references to other records ("the item of purchase order PO-1"): only
   * "X of" where X names a record the tools know by id (so not "the status of …").
   */
  clauseCore: Set<string>;
  /** Which instruction sentences state a value (0: none). */
  stated: (value: string | number | boolean) => ClauseMask;
}

export function currentClause(instruction: InstructionAnalysis, view: EpisodeView): number {
  return view.reached < instruction.clauses.length ? view.reached : -1;
}
