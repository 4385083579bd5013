import type { JsonValue, StepRecord } from "@/lib/runtime";
import type { InstructionAnalysis } from "./instruction";
import { meaningfulTokens } from "./text";

/** How the last call ended, as an agent would classify it. */
export type OutcomeClass =
  "none" | "ok" | "transient" | "broken" | "business" | "invalid" | "other";

const TRANSIENT = new Set([
  "SERVICE_UNAVAILABLE",
  "TIMEOUT",
  "RATE_LIMITED",
  "ENV_TIMEOUT",
  "ENV_CRASHED",
]);
const BROKEN = new Set(["MALFORMED_RESPONSE", "TRUNCATED_RESPONSE"]);
const INVALID = new Set(["INVALID_ARGUMENTS", "UNKNOWN_TOOL"]);
const RUNTIME = new Set([
  "ENV_RUNTIME_ERROR",
  "ENV_OUT_OF_MEMORY",
  "ENV_OUTPUT_TOO_LARGE",
  "ENV_INVALID_OUTPUT",
  "ENV_INVALID_STATE",
  "ENV_STACK_OVERFLOW",
]);

export function classify(step: StepRecord | null): OutcomeClass {
  if (!step) return "none";
  if (step.observation.ok) return "ok";
  const code = step.observation.error.code;
  if (TRANSIENT.has(code)) return "transient";
  if (BROKEN.has(code)) return "broken";
  if (INVALID.has(code)) return "invalid";
  if (RUNTIME.has(code)) return "other";
  return "business";
}

/** A scalar found in an earlier result. */
export interface Leaf {
  value: string | number | boolean;
  field: string;
  fieldTokens: string[];
  step: number;
  readOnlyTool: boolean;
  /** Inside a list of more than one record. */
  inList: boolean;
  /**
   * Sentences (bit i = sentence i) stating a value of its record that other records of the
   * list do not share: the instruction singles the record out there ("the account whose …").
   */
  rowClauses: number;
  /** Its record holds more than one leaf with a value the instruction states. */
  rowMentioned: boolean;
}

export interface EpisodeView {
  last: StepRecord | null;
  lastClass: OutcomeClass;
  /**
   * Calls made, not counting exact repeats of a call that failed: the instruction sentence
   * the agent is on. The view does not know which errors leave the world unchanged; what to
   * do after each kind of error (retry, move on, finish) is learned.
   */
  reached: number;
  /** Tools that answered successfully. */
  ranOk: Set<string>;
  /** Tools that refused a call with a declared error. */
  refused: Set<string>;
  leaves: Leaf[];
  /** Index of the last step with an ok result, or -1. */
  lastOkStep: number;
  /** For each instruction mention, whether an earlier call already used it. */
  consumed: boolean[];
}

const MAX_LEAVES_PER_STEP = 200;

type Scalar = string | number | boolean;
function isScalar(v: JsonValue): v is Scalar {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/** Bit mask of the instruction sentences stating a value; 0 when none does. */
export type ClauseMask = number;

/** Which sentences state a value (as a mention, or as a word or phrase for text). */
export function makeValueMatcher(instruction: InstructionAnalysis): (value: Scalar) => ClauseMask {
  const cache = new Map<string, ClauseMask>();
  const mentioned = new Map<string, ClauseMask>();
  for (const m of instruction.mentions) {
    const key = String(m.value).toLowerCase();
    mentioned.set(key, (mentioned.get(key) ?? 0) | clauseBit(m.clause));
  }
  return (value) => {
    if (typeof value === "boolean") return 0;
    const key = String(value).toLowerCase();
    let mask = cache.get(key);
    if (mask === undefined) {
      mask = mentioned.get(key) ?? 0;
      if (mask === 0 && typeof value === "string" && key.length >= 3) {
        const escaped = key.replace(/_/g, " ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const pattern = new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`);
        instruction.clauseTexts.forEach((text, i) => {
          if (pattern.test(text)) mask! |= clauseBit(i);
        });
      }
      cache.set(key, mask);
    }
    return mask;
  };
}

/** Sentences past the 31st share the last bit (instructions are far shorter). */
export function clauseBit(clause: number): ClauseMask {
  return clause < 0 ? 0 : 1 << Math.min(clause, 30);
}

function collectLeaves(
  step: StepRecord,
  readOnly: boolean,
  stated: (v: Scalar) => ClauseMask,
  out: Leaf[],
): void {
  if (!step.observation.ok) return;
  const start = out.length;
  const push = (
    value: Scalar,
    field: string,
    inList: boolean,
    rowClauses: ClauseMask,
    rowMentioned: boolean,
  ) => {
    if (out.length - start >= MAX_LEAVES_PER_STEP) return;
    out.push({
      value,
      field,
      fieldTokens: meaningfulTokens(field),
      step: step.index,
      readOnlyTool: readOnly,
      inList,
      rowClauses,
      rowMentioned,
    });
  };
  const visit = (node: JsonValue, field: string, depth: number) => {
    if (node === null || depth > 4) return;
    if (isScalar(node)) return push(node, field, false, 0, false);
    if (Array.isArray(node)) {
      const rows = node.filter(
        (x): x is { [k: string]: JsonValue } =>
          x !== null && typeof x === "object" && !Array.isArray(x),
      );
      if (rows.length === node.length && rows.length > 0) return visitRows(rows, depth);
      for (const item of node) if (isScalar(item)) push(item, field, node.length > 1, 0, false);
      return;
    }
    for (const [key, value] of Object.entries(node)) visit(value, key, depth + 1);
  };
  const visitRows = (rows: { [k: string]: JsonValue }[], depth: number) => {
    for (const row of rows) {
      let singledOut: ClauseMask = 0;
      let mentioned = 0;
      for (const [key, value] of Object.entries(row)) {
        const mask = isScalar(value) ? stated(value) : 0;
        if (mask === 0) continue;
        mentioned++;
        if (rows.some((other) => other[key] !== value)) singledOut |= mask;
      }
      for (const [key, value] of Object.entries(row)) {
        if (isScalar(value)) push(value, key, rows.length > 1, singledOut, mentioned > 1);
        else visit(value, key, depth + 1);
      }
    }
  };
  visit(step.observation.result, "", 0);
}

/** Everything the features read from the episode so far, computed once per decision. */
export function viewEpisode(
  steps: readonly StepRecord[],
  instruction: InstructionAnalysis,
  readOnly: (tool: string) => boolean,
  stated: (v: Scalar) => ClauseMask,
): EpisodeView {
  const last = steps.length > 0 ? steps[steps.length - 1] : null;
  const ranOk = new Set<string>();
  const refused = new Set<string>();
  const leaves: Leaf[] = [];
  const consumed = instruction.mentions.map(() => false);
  // Repeating exactly a call that failed stays on the same sentence.
  let reached = 0;
  let previous: { key: string; failed: boolean } | null = null;
  let lastOkStep = -1;
  for (const step of steps) {
    const outcome = classify(step);
    if (outcome === "ok") {
      ranOk.add(step.tool);
      lastOkStep = step.index;
    }
    if (outcome === "business") refused.add(step.tool);
    collectLeaves(step, readOnly(step.tool), stated, leaves);
    const key = `${step.tool}\n${JSON.stringify(step.args)}`;
    const retry = previous !== null && previous.failed && previous.key === key;
    previous = { key, failed: outcome !== "ok" };
    if (retry) continue;
    reached++;
    consume(step.args, instruction, consumed);
  }
  return { last, lastClass: classify(last), reached, ranOk, refused, leaves, lastOkStep, consumed };
}

/** Marks the earliest unused mention of each argument value as used. */
function consume(args: JsonValue, instruction: InstructionAnalysis, consumed: boolean[]): void {
  if (args === null || typeof args !== "object" || Array.isArray(args)) return;
  for (const value of Object.values(args)) {
    if (!isScalar(value)) continue;
    const at = instruction.mentions.findIndex((m, i) => !consumed[i] && m.value === value);
    if (at >= 0) consumed[at] = true;
  }
}
