import type { JsonValue } from "@/lib/runtime";

type Step = { prop: string } | { each: true };

/** Parses an output path such as `orders[].order_id` or `[].id`. */
function parseVia(via: string): Step[] {
  const steps: Step[] = [];
  for (const part of via.split(".")) {
    const match = /^([^[\]]*)((?:\[\])*)$/.exec(part);
    if (!match) continue;
    if (match[1]) steps.push({ prop: match[1] });
    for (let i = 0; i < match[2].length / 2; i++) steps.push({ each: true });
  }
  return steps;
}

export interface FoundValue {
  value: JsonValue;
  /** The array index taken at each `[]` of the path (replays pick the same element). */
  indices: number[];
  /** The innermost array the value came from, and its element: to describe which one it is. */
  list?: JsonValue[];
  item?: JsonValue;
}

/** Every non-null scalar at `via` in a tool result. */
export function valuesAt(result: JsonValue, via: string): FoundValue[] {
  const found: FoundValue[] = [];
  const steps = parseVia(via);
  const walk = (
    node: JsonValue | undefined,
    i: number,
    indices: number[],
    list?: JsonValue[],
    item?: JsonValue,
  ) => {
    if (node === undefined || node === null) return;
    if (i === steps.length) {
      if (typeof node !== "object") found.push({ value: node, indices, list, item });
      return;
    }
    const step = steps[i];
    if ("each" in step) {
      if (!Array.isArray(node)) return;
      node.forEach((element, k) => walk(element, i + 1, [...indices, k], node, element));
    } else if (typeof node === "object" && !Array.isArray(node)) {
      walk(node[step.prop], i + 1, indices, list, item);
    }
  };
  walk(result, 0, []);
  return found;
}

/** The value at `via` taking the given element at each `[]`. */
export function valueAt(
  result: JsonValue,
  via: string,
  indices: readonly number[],
): JsonValue | undefined {
  let node: JsonValue | undefined = result;
  let k = 0;
  for (const step of parseVia(via)) {
    if (node === null || node === undefined || typeof node !== "object") return undefined;
    if ("each" in step) {
      if (!Array.isArray(node)) return undefined;
      node = node[indices[k++]];
    } else {
      if (Array.isArray(node)) return undefined;
      node = node[step.prop];
    }
  }
  return node === null || typeof node === "object" ? undefined : node;
}
