import type { Entity } from "./schema";

/** `PurchaseOrder` → `purchase_order`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** `purchase_order` → `purchaseOrder`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

/** `purchase_order` → `PurchaseOrder`. */
export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

export function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Name of the state collection that holds an entity's records. */
export function collectionName(entity: Pick<Entity, "name" | "plural">): string {
  return entity.plural ?? pluralize(snakeCase(entity.name));
}

/** The key assigned to the `n`-th record (1-based) of an entity: `ACC-0001`. */
export function keyFor(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, "0")}`;
}
