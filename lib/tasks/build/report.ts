import type { JsonValue } from "@/lib/runtime";
import { isKeyName } from "../graph/keys";
import type { ToolInfo } from "../sampler/context";
import { valueAt, valuesAt } from "../sampler/paths";
import { formatValue, humanize } from "./words";

/** What the agent must report from the last call, and where the values sit in its result. */
export interface Report {
  /** e.g. "the balance", "the order ID of each". */
  label: string;
  values: string[];
  /** Paths (with `[]` indices) of the values, to check they do not depend on call order. */
  at: { via: string; indices: number[] }[];
}

const MAX_LISTED = 5;

/** Values too short or too common to prove anything when found in an answer. */
function distinctive(value: JsonValue): value is string | number {
  if (typeof value === "number") return String(value).length >= 2;
  return typeof value === "string" && value.trim().length >= 3;
}

function listReport(tool: ToolInfo, result: JsonValue): Report | undefined {
  const keys = tool.outputs.filter((o) => o.path.includes("[]") && isKeyName(o.name));
  for (const key of keys) {
    const found = valuesAt(result, key.path);
    if (
      found.length === 0 ||
      found.length > MAX_LISTED ||
      !found.every((f) => distinctive(f.value))
    )
      continue;
    const values = found.map((f) => formatValue(f.value));
    if (new Set(values).size !== values.length) continue;
    const label =
      found.length === 1 ? `its ${humanize(key.name)}` : `the ${humanize(key.name)} of each`;
    return { label, values, at: found.map((f) => ({ via: key.path, indices: f.indices })) };
  }
  return undefined;
}

/**
 * Candidate reports for a call's result, best first: a field the phrasing names ("Check the
 * balance…"), then numbers, then text; lists report their records' keys. Values that echo the
 * call's arguments, and enumerated fields (easy to guess), are never asked for. A change may
 * add a report of a number it produced (`numbersOnly`: "…, and tell me the new balance").
 */
export function reportCandidates(
  tool: ToolInfo,
  args: Record<string, JsonValue>,
  result: JsonValue,
  phrasing: string,
  numbersOnly = false,
): Report[] {
  if (result === null || typeof result !== "object") {
    return distinctive(result)
      ? [{ label: "the result", values: [formatValue(result)], at: [{ via: "", indices: [] }] }]
      : [];
  }
  const echoes = new Set(Object.values(args).map((v) => formatValue(v)));
  const text = phrasing.toLowerCase();
  const scored: { report: Report; score: number }[] = [];
  for (const out of tool.outputs) {
    if (out.path.includes("[]") || out.path.includes(".") || out.enumerated) continue;
    const value = valueAt(result, out.path, []);
    if (value === undefined || !distinctive(value) || echoes.has(formatValue(value))) continue;
    if (numbersOnly && typeof value !== "number") continue;
    const named = text.includes(humanize(out.name).toLowerCase()) ? 4 : 0;
    const kind = typeof value === "number" ? 2 : isKeyName(out.name) ? 0 : 1;
    scored.push({
      report: {
        label: `the ${humanize(out.name)}`,
        values: [formatValue(value)],
        at: [{ via: out.path, indices: [] }],
      },
      score: named + kind,
    });
  }
  const reports = scored.sort((a, b) => b.score - a.score).map((s) => s.report);
  const list = numbersOnly ? undefined : listReport(tool, result);
  return list ? [list, ...reports] : reports;
}

/** The report's values in another run of the same chain (undefined where they are missing). */
export function reportValues(report: Report, result: JsonValue): (string | undefined)[] {
  return report.at.map(({ via, indices }) => {
    const value = valueAt(result, via, indices);
    return value === undefined ? undefined : formatValue(value);
  });
}
