/** Names that identify a record rather than describe it: what tool-graph edges are made of. */
const KEY_SUFFIX = /(^|_)(id|key|code|sku|uuid|ref|slug|number)$/;
const NOT_KEYS = new Set(["phone_number"]);

export function isKeyName(name: string): boolean {
  return KEY_SUFFIX.test(name) && !NOT_KEYS.has(name);
}

/** The entity a key names: `account_id` → `account`, `sku` → `sku`. */
export function entityOf(key: string): string {
  return key.replace(/_(id|key|code|sku|uuid|ref|slug|number)$/, "");
}
