import type { Mention, MentionKind } from "./instruction";
import type { ArgInfo } from "./tool-info";

/** Families of values that compete for the same arguments (ids with ids, numbers with numbers). */
export type ValueFamily = "key" | "number" | "text" | "other";

export function argFamily(arg: ArgInfo): ValueFamily {
  if (arg.type === "number" || arg.type === "integer") return "number";
  if (arg.isKey) return "key";
  if (arg.type === "string") return "text";
  return "other";
}

const MENTION_FAMILY: Record<MentionKind, ValueFamily> = {
  id: "key",
  number: "number",
  quoted: "text",
  name: "text",
  text: "text",
  date: "other",
  email: "other",
};

export function mentionFamily(mention: Mention): ValueFamily {
  return MENTION_FAMILY[mention.kind];
}

/** +1 the kind of value suits the argument, −1 it clearly does not, 0 unclear. */
export function kindFit(mention: Mention, arg: ArgInfo): -1 | 0 | 1 {
  const numeric = arg.type === "number" || arg.type === "integer";
  switch (mention.kind) {
    case "id":
      return arg.isKey ? 1 : arg.isText || numeric ? -1 : 0;
    case "number":
      return numeric ? 1 : arg.isKey || arg.isText ? -1 : 0;
    case "quoted":
      return arg.isText ? 1 : arg.isKey ? -1 : 0;
    case "date":
      return arg.isDate ? 1 : arg.isKey ? -1 : 0;
    case "email":
      return arg.isEmail ? 1 : arg.isKey ? -1 : 0;
    case "name":
      return arg.isText || (arg.type === "string" && !arg.isKey && !arg.enumValues)
        ? 1
        : arg.isKey
          ? -1
          : 0;
    case "text":
      return arg.isText ? 1 : arg.isKey ? -1 : 0;
  }
}

function idPrefix(value: string): string | null {
  const prefix = /^([A-Za-z]{2,})[-_]?\d/.exec(value)?.[1] ?? /^([A-Za-z]{2,})_/.exec(value)?.[1];
  return prefix ? prefix.toLowerCase() : null;
}

/**
 * "ACC-0001" → "acc" abbreviates "account", "CRD-7" → "card", "PO-3" → "purchase order"
 * (the prefix's letters in order, starting at the first letter of a word).
 */
export function idPrefixMatches(value: string, arg: ArgInfo): boolean {
  const prefix = idPrefix(value);
  if (prefix === null) return false;
  const abbreviates = (tokens: readonly string[]) =>
    tokens.some(
      (token, i) =>
        token[0] === prefix[0] && isSubsequence(prefix, tokens.slice(i, i + 3).join("")),
    );
  return abbreviates(arg.nameTokens) || abbreviates(arg.textTokens);
}

/** An id whose prefix abbreviates none of the argument's words ("ACC-1" for a customer). */
export function idPrefixContradicts(value: string, arg: ArgInfo): boolean {
  return arg.isKey && idPrefix(value) !== null && !idPrefixMatches(value, arg);
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

/** Share of the argument name's words among the words before a mention. */
export function nearShare(mention: Mention, arg: ArgInfo): number {
  if (arg.nameTokens.length === 0) return 0;
  let hit = 0;
  for (const token of arg.nameTokens) if (mention.before.includes(token)) hit++;
  return hit / arg.nameTokens.length;
}

/** The instruction refers to the argument near this mention (by name or by id prefix). */
export function mentionNamesArg(mention: Mention, arg: ArgInfo): boolean {
  if (nearShare(mention, arg) > 0 || mention.after.some((t) => arg.nameTokens.includes(t)))
    return true;
  return mention.kind === "id" && idPrefixMatches(String(mention.value), arg);
}
