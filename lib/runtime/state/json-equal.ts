import type { JsonValue } from "../types";

/** Structural equality of JSON values (object key order ignored). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !jsonEqual(a[key], b[key])) return false;
  }
  return true;
}

/**
 * True when `expected` is contained in `actual`: objects match on the expected keys only,
 * arrays must have the same length with each element matching, scalars must be equal.
 */
export function partialDeepMatch(actual: JsonValue | undefined, expected: JsonValue): boolean {
  if (expected === null || typeof expected !== "object") return actual === expected;
  if (actual === null || actual === undefined || typeof actual !== "object") return false;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((item, i) => partialDeepMatch(actual[i], item));
  }
  if (Array.isArray(actual)) return false;
  return Object.keys(expected).every(
    (key) =>
      Object.prototype.hasOwnProperty.call(actual, key) &&
      partialDeepMatch(actual[key], expected[key]),
  );
}
