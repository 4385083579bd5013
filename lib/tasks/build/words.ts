import type { JsonValue } from "@/lib/runtime";

/** `account_type` → `account type`, `customer_id` → `customer ID`. */
export function humanize(name: string): string {
  return name
    .replace(/\[\]/g, "")
    .split(/[_.]/)
    .filter(Boolean)
    .map((w) => (w === "id" ? "ID" : w))
    .join(" ");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases a leading ordinary word ("Deposit …" → "deposit …") but not ids or acronyms. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * How a value is written in an instruction (and searched for in it): scalars as they are,
 * records as "sku MUG-1, quantity 2", lists in brackets with "; " between items.
 */
export function formatValue(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join("; ")}]`;
  return Object.entries(value)
    .map(([k, v]) => `${humanize(k)} ${formatValue(v)}`)
    .join(", ");
}
