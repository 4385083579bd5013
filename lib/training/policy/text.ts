/** Word-level text helpers shared by the learner's features. */

const STOPWORDS = new Set(
  "a an the of to for in on at by with from and or is are be was were it its this that these those as into onto our your their his her them they we you i me my please then than so if all any each per via".split(
    " ",
  ),
);

/** Crude stemming so "accounts"/"account" and "transferring"/"transfer" meet. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("es") && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  return w;
}

/** Splits snake_case, camelCase and prose into lower-case stems, dropping stopwords. */
export function contentTokens(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** Share of `tokens` found in `pool` (0 when `tokens` is empty). */
export function overlapShare(
  tokens: readonly string[],
  pool: ReadonlySet<string> | readonly string[],
): number {
  if (tokens.length === 0) return 0;
  const has = Array.isArray(pool)
    ? (t: string) => pool.includes(t)
    : (t: string) => (pool as ReadonlySet<string>).has(t);
  let hit = 0;
  for (const t of tokens) if (has(t)) hit++;
  return hit / tokens.length;
}

/** Tokens that say little about which field or argument is meant. */
const GENERIC = new Set(["id", "key", "code", "number", "value"]);

/** Lower-case words of prose or identifiers (snake_case and camelCase split). */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Every stem of a text, stopwords included ("from" and "to" tell arguments apart). */
export function allTokens(text: string): string[] {
  return words(text).map(stem);
}

/** The tokens of an identifier that carry its meaning ("from_account_id" → from, account). */
export function meaningfulTokens(identifier: string): string[] {
  const tokens = allTokens(identifier);
  const specific = tokens.filter((t) => !GENERIC.has(t));
  return specific.length > 0 ? specific : tokens;
}

/** The shape of a value: letters → a, digits → 9 ("ACC-0012" → "aaa-9999"). */
export function shapeOf(value: string): string {
  return value.replace(/[A-Za-z]/g, "a").replace(/[0-9]/g, "9");
}
