import { report, requireEntity, scalarProblem, type CheckContext } from "./check-context";
import { keyFor } from "./names";
import type { DomainSpec, Entity, EntityField, Generator } from "./schema";
import { fieldPlans, seededCount, seededKeys } from "./seed-plan";

const textGenerators = new Set([
  "person_name",
  "first_name",
  "last_name",
  "company",
  "city",
  "phone",
  "email",
  "sequence",
]);

export function checkSeed(ctx: CheckContext, seed: DomainSpec["seed"]) {
  const spec = { seed, entities: ctx.spec.entities };
  for (const [name, entry] of Object.entries(seed.entities)) {
    const path = `seed.entities.${name}`;
    const entity = requireEntity(ctx, path, name);
    if (!entity) continue;
    for (const [fieldName, generator] of Object.entries(entry.fields ?? {})) {
      const field = entity.fields[fieldName];
      const fpath = `${path}.fields.${fieldName}`;
      if (!field) report(ctx, fpath, `${entity.name} has no field "${fieldName}"`);
      else if (fieldName === entity.key)
        report(
          ctx,
          fpath,
          `keys are assigned in order (${entity.keyPrefix}-0001, …); remove this generator`,
        );
      else checkGenerator(ctx, fpath, entity, field, generator);
    }
    (entry.records ?? []).forEach((record, r) => {
      for (const [fieldName, value] of Object.entries(record)) {
        const rpath = `${path}.records[${r}].${fieldName}`;
        const field = entity.fields[fieldName];
        if (!field) report(ctx, rpath, `${entity.name} has no field "${fieldName}"`);
        else if (fieldName === entity.key)
          report(
            ctx,
            rpath,
            `keys are assigned in order: this record is ${keyFor(entity.keyPrefix, r + 1)}`,
          );
        else {
          const problem = scalarProblem(field, value) ?? referenceProblem(ctx, spec, field, value);
          if (problem) report(ctx, rpath, problem);
        }
      }
    });
  }
  for (const entity of ctx.spec.entities) {
    if (seededCount(spec, entity.name) === 0) continue;
    for (const [fieldName, plan] of fieldPlans(spec, entity)) {
      const target = entity.fields[fieldName].entity;
      if (
        plan.gen === "ref" &&
        target &&
        seededCount(spec, target) === 0 &&
        !ctx.brokenEntities.has(target)
      ) {
        report(
          ctx,
          `seed.entities.${entity.name}`,
          `${entity.name}.${fieldName} needs seeded ${target} records to point to; seed some or make the field optional`,
        );
      }
    }
  }
}

function referenceProblem(
  ctx: CheckContext,
  spec: Pick<DomainSpec, "seed">,
  field: EntityField,
  value: unknown,
): string | undefined {
  if (field.type !== "reference" || typeof value !== "string" || !field.entity) return undefined;
  const target = ctx.spec.entities.find((e) => e.name === field.entity);
  if (!target) return undefined;
  const keys = seededKeys(spec, target);
  return keys.includes(value)
    ? undefined
    : `"${value}" is not a seeded ${target.name} (seeded keys run ${keys[0] ?? "—"} … ${keys.at(-1) ?? "—"})`;
}

function checkGenerator(
  ctx: CheckContext,
  path: string,
  entity: Entity,
  field: EntityField,
  generator: Generator,
) {
  const mismatch = (expected: string) =>
    report(
      ctx,
      `${path}.gen`,
      `"${generator.gen}" makes ${expected}, but ${entity.name} field is ${field.type}`,
    );
  const bounds = (min: number, max: number) => {
    if (min > max) report(ctx, `${path}.min`, `min ${min} is above max ${max}`);
    if (field.min !== undefined && min < field.min)
      report(ctx, `${path}.min`, `${min} is below the field's minimum ${field.min}`);
    if (field.max !== undefined && max > field.max)
      report(ctx, `${path}.max`, `${max} is above the field's maximum ${field.max}`);
  };
  switch (generator.gen) {
    case "pick":
      generator.values.forEach((value, i) => {
        const problem = scalarProblem(field, value);
        if (problem) report(ctx, `${path}.values[${i}]`, problem);
      });
      return;
    case "const": {
      const problem = scalarProblem(field, generator.value);
      if (problem) report(ctx, `${path}.value`, problem);
      return;
    }
    case "integer":
      if (field.type !== "integer" && field.type !== "number") mismatch("integers");
      bounds(generator.min, generator.max);
      return;
    case "number":
      if (field.type !== "number") mismatch("decimal numbers");
      bounds(generator.min, generator.max);
      return;
    case "date":
      if (field.type !== "date") mismatch("dates");
      if (generator.from > generator.to)
        report(ctx, `${path}.from`, `${generator.from} is after ${generator.to}`);
      return;
    case "boolean":
      if (field.type !== "boolean") mismatch("true/false");
      return;
    case "ref":
      if (field.type !== "reference") mismatch("keys of another entity");
      return;
    default:
      if (textGenerators.has(generator.gen) && field.type !== "string") mismatch("text");
      if (generator.gen === "email" && generator.from) {
        const source = entity.fields[generator.from];
        if (!source) report(ctx, `${path}.from`, `${entity.name} has no field "${generator.from}"`);
        else if (source.type !== "string")
          report(ctx, `${path}.from`, `${generator.from} is not a text field`);
      }
  }
}
