import type { JsonValue } from "@/lib/runtime";
import type { ArgInfo } from "./tool-info";

/**
 * The value as this argument would accept it (a number written where text is expected
 * becomes text, and so on), or undefined when the schema would reject it. Keeps the
 * learner's choices to calls that pass validation.
 */
export function coerce(arg: ArgInfo, value: JsonValue): JsonValue | undefined {
  let v: JsonValue = value;
  switch (arg.type) {
    case "string":
      if (typeof v === "number") v = String(v);
      if (typeof v !== "string") return undefined;
      if (arg.minLength !== null && v.length < arg.minLength) return undefined;
      if (arg.pattern && !arg.pattern.test(v)) return undefined;
      break;
    case "number":
    case "integer":
      if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) v = Number(v);
      if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
      if (arg.type === "integer" && !Number.isInteger(v)) return undefined;
      if (arg.minimum !== null && v < arg.minimum) return undefined;
      if (arg.maximum !== null && v > arg.maximum) return undefined;
      break;
    case "boolean":
      if (typeof v !== "boolean") return undefined;
      break;
    case "other":
      if (!arg.enumValues) return undefined;
  }
  if (arg.enumValues && !arg.enumValues.some((e) => e === v)) return undefined;
  return v;
}

/** An empty value of the argument's type, for when nothing fits. */
export function placeholder(arg: ArgInfo): JsonValue {
  if (arg.enumValues && arg.enumValues.length > 0) return arg.enumValues[0];
  if (arg.type === "number" || arg.type === "integer") return arg.minimum ?? 0;
  if (arg.type === "boolean") return false;
  if (arg.type === "string") return "";
  return null;
}
