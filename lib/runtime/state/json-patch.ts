import type { JsonPatchOp, JsonValue } from "../types";
import { jsonEqual } from "./json-equal";
import { escapePointerToken, getAtPointer, parsePointer } from "./json-pointer";

type JsonObject = { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** RFC 6902 patch turning `before` into `after` (add / remove / replace only). */
export function diffState(before: JsonValue, after: JsonValue): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  diffInto(before, after, "", ops);
  return ops;
}

function diffInto(a: JsonValue, b: JsonValue, path: string, ops: JsonPatchOp[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (!Object.prototype.hasOwnProperty.call(b, key)) {
        ops.push({ op: "remove", path: `${path}/${escapePointerToken(key)}` });
      }
    }
    for (const key of Object.keys(b)) {
      const child = `${path}/${escapePointerToken(key)}`;
      if (!Object.prototype.hasOwnProperty.call(a, key))
        ops.push({ op: "add", path: child, value: b[key] });
      else diffInto(a[key], b[key], child, ops);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    diffArrays(a, b, path, ops);
    return;
  }
  if (!jsonEqual(a, b)) ops.push({ op: "replace", path, value: b });
}

/** Trims the common prefix and suffix so inserting or deleting one element is one operation. */
function diffArrays(a: JsonValue[], b: JsonValue[], path: string, ops: JsonPatchOp[]): void {
  let start = 0;
  while (start < a.length && start < b.length && jsonEqual(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && jsonEqual(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const common = Math.min(endA - start, endB - start);
  for (let i = 0; i < common; i++)
    diffInto(a[start + i], b[start + i], `${path}/${start + i}`, ops);
  // Removing from the highest index keeps the earlier indices valid while the patch applies.
  for (let i = endA - 1; i >= start + common; i--) ops.push({ op: "remove", path: `${path}/${i}` });
  for (let i = start + common; i < endB; i++)
    ops.push({ op: "add", path: `${path}/${i}`, value: b[i] });
}

/** Thrown when a patch does not apply to the document. */
export class PatchError extends Error {
  readonly code = "PATCH_FAILED";
}

/** Applies a patch to a copy of `doc` and returns the copy; `doc` is never modified. */
export function applyPatch(doc: JsonValue, patch: readonly JsonPatchOp[]): JsonValue {
  let root = clone(doc);
  for (const op of patch) root = applyOp(root, op);
  return root;
}

/** The state after the first `count` patches (`count = 0` → a copy of `initial`). */
export function reconstructState(
  initial: JsonValue,
  patches: readonly (readonly JsonPatchOp[])[],
  count: number,
): JsonValue {
  if (count < 0 || count > patches.length) {
    throw new PatchError(`step count ${count} is outside 0..${patches.length}`);
  }
  let root = clone(initial);
  for (let i = 0; i < count; i++) for (const op of patches[i]) root = applyOp(root, op);
  return root;
}

function clone(value: JsonValue): JsonValue {
  return value === null || typeof value !== "object" ? value : JSON.parse(JSON.stringify(value));
}

function applyOp(root: JsonValue, op: JsonPatchOp): JsonValue {
  switch (op.op) {
    case "add":
      return insert(root, op.path, clone(op.value));
    case "replace":
      if (op.path === "") return clone(op.value);
      if (getAtPointer(root, op.path) === undefined)
        throw new PatchError(`nothing to replace at ${op.path}`);
      return insert(remove(root, op.path), op.path, clone(op.value));
    case "remove":
      return remove(root, op.path);
    case "move": {
      const value = getAtPointer(root, op.from);
      if (value === undefined) throw new PatchError(`nothing to move at ${op.from}`);
      return insert(remove(root, op.from), op.path, value);
    }
    case "copy": {
      const value = getAtPointer(root, op.from);
      if (value === undefined) throw new PatchError(`nothing to copy at ${op.from}`);
      return insert(root, op.path, clone(value));
    }
    case "test":
      if (!jsonEqual(getAtPointer(root, op.path), op.value))
        throw new PatchError(`test failed at ${op.path}`);
      return root;
  }
}

function parentOf(root: JsonValue, path: string): { parent: JsonValue; key: string } {
  const tokens = parsePointer(path);
  const key = tokens.pop() as string;
  const parentPath = tokens
    .map(escapePointerToken)
    .map((t) => `/${t}`)
    .join("");
  const parent = getAtPointer(root, parentPath);
  if (parent === undefined || parent === null || typeof parent !== "object") {
    throw new PatchError(`no container at ${parentPath || "/"} for ${path}`);
  }
  return { parent, key };
}

function arrayIndex(array: JsonValue[], key: string, allowEnd: boolean): number {
  if (allowEnd && key === "-") return array.length;
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new PatchError(`bad array index "${key}"`);
  const index = Number(key);
  if (index > array.length || (!allowEnd && index === array.length)) {
    throw new PatchError(`array index ${index} out of range`);
  }
  return index;
}

function insert(root: JsonValue, path: string, value: JsonValue): JsonValue {
  if (path === "") return value;
  const { parent, key } = parentOf(root, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  // defineProperty so that a key named "__proto__" stays an own property, never a prototype.
  else
    Object.defineProperty(parent, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  return root;
}

function remove(root: JsonValue, path: string): JsonValue {
  if (path === "") throw new PatchError("cannot remove the document root");
  const { parent, key } = parentOf(root, path);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
  else if (Object.prototype.hasOwnProperty.call(parent, key)) delete (parent as JsonObject)[key];
  else throw new PatchError(`nothing to remove at ${path}`);
  return root;
}
