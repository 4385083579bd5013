import { keyFor } from "./names";
import type { DomainSpec, Entity, EntityField, Generator } from "./schema";

/**
 * How each seeded field gets its value. A field without a generator gets one from its type;
 * an optional field without a generator starts out null.
 */
export type FieldPlan = Generator | { gen: "null" };

function defaultGenerator(name: string, field: EntityField, today: string): FieldPlan {
  if (field.optional) return { gen: "null" };
  switch (field.type) {
    case "string":
      return { gen: "sequence", template: `${humanize(name)} {n}` };
    case "number":
      return {
        gen: "number",
        min: field.min ?? 0,
        max: field.max ?? 1000,
        decimals: 2,
      };
    case "integer":
      return { gen: "integer", min: field.min ?? 0, max: field.max ?? 100 };
    case "boolean":
      return { gen: "boolean" };
    case "date":
      return { gen: "date", from: addDays(today, -365), to: today };
    case "enum":
      return { gen: "pick", values: field.values ?? [] };
    case "reference":
      return { gen: "ref" };
  }
}

/** Every non-key field of a seeded entity, with the generator that fills it. */
export function fieldPlans(spec: Pick<DomainSpec, "seed">, entity: Entity): [string, FieldPlan][] {
  const explicit = spec.seed.entities[entity.name]?.fields ?? {};
  return Object.entries(entity.fields)
    .filter(([name]) => name !== entity.key)
    .map(([name, field]) => [
      name,
      explicit[name] ?? defaultGenerator(name, field, spec.seed.today),
    ]);
}

/** Number of seeded records (fixed plus generated) of an entity. */
export function seededCount(spec: Pick<DomainSpec, "seed">, entityName: string): number {
  const seed = spec.seed.entities[entityName];
  return seed ? (seed.records?.length ?? 0) + seed.count : 0;
}

/** Keys of the seeded records of an entity, in order. */
export function seededKeys(spec: Pick<DomainSpec, "seed">, entity: Entity): string[] {
  return Array.from({ length: seededCount(spec, entity.name) }, (_, i) =>
    keyFor(entity.keyPrefix, i + 1),
  );
}

export function humanize(name: string): string {
  const words = name.replace(/_id$/, "").split("_");
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(" ");
}

export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}
