import { collectionName } from "../spec/names";
import type { Entity, EntityField } from "../spec/schema";
import { fieldPlans, seededCount, type FieldPlan } from "../spec/seed-plan";
import { tsNames, type CompileContext } from "./context";
import { WIDTH } from "./text";

/**
 * The "Seed data" section: `initialState(ctx)` builds every collection from the episode's
 * seeded random, so each seed gives a different but reproducible world, while hand-written
 * records from the spec (scenarios tasks rely on) are always present under the same keys.
 */
export function emitSeedSection(ctx: CompileContext): string {
  const entities = ctx.spec.entities;
  const builders = entities.map((entity) => emitSeedFunction(ctx, entity));
  const collections = entities.map((entity) => {
    const count = seededCount(ctx.spec, entity.name);
    return `    ${collectionName(entity)}: ${count ? `${tsNames.seedFunction(entity)}(ctx)` : "{}"},`;
  });
  const initial = [
    "/** The state every episode starts from; the same seed always gives the same state. */",
    "function initialState(ctx: ToolContext): State {",
    "  return {",
    ...collections,
    "  };",
    "}",
  ].join("\n");
  return [initial, ...builders.filter((b) => b !== "")].join("\n\n");
}

function emitSeedFunction(ctx: CompileContext, entity: Entity): string {
  const seed = ctx.spec.seed.entities[entity.name];
  const count = seededCount(ctx.spec, entity.name);
  if (!seed || count === 0) return "";
  const type = tsNames.entityType(entity.name);
  const collection = collectionName(entity);
  const plans = fieldPlans(ctx.spec, entity);
  // Fields other fields derive from (an email from a name) are drawn first, as constants.
  const sources = new Set(
    plans.flatMap(([, plan]) => (plan.gen === "email" && plan.from ? [plan.from] : [])),
  );
  const constants = plans
    .filter(([name]) => sources.has(name))
    .map(
      ([name, plan]) => `    const ${name} = ${generatorSource(ctx, entity.fields[name], plan)};`,
    );
  const properties = plans.map(([name, plan]) =>
    sources.has(name)
      ? `      ${name},`
      : `      ${name}: ${generatorSource(ctx, entity.fields[name], plan)},`,
  );
  const fixed = seed.records ?? [];
  const lines = [
    `/** ${count} ${collection}${fixed.length ? ` (${fixed.length} written by hand in the spec, then ${seed.count} generated)` : ""}. */`,
    `function ${tsNames.seedFunction(entity)}(ctx: ToolContext): Record<string, ${type}> {`,
    `  const ${collection}: Record<string, ${type}> = {};`,
    `  for (let n = 1; n <= ${count}; n++) {`,
    `    const key = keyFor(${JSON.stringify(entity.keyPrefix)}, n);`,
    ...constants,
    `    ${collection}[key] = {`,
    `      ${entity.key}: key,`,
    ...properties,
    "    };",
    "  }",
  ];
  if (fixed.length) {
    lines.push(
      "  // Scenario records from the spec replace the first generated ones, field by field.",
      `  const scenarios: Partial<${type}>[] = [`,
      ...fixed.map((record) => objectLiteral(record, "    ")),
      "  ];",
      `  scenarios.forEach((record, i) => Object.assign(${collection}[keyFor(${JSON.stringify(entity.keyPrefix)}, i + 1)], record));`,
    );
  }
  lines.push(`  return ${collection};`, "}");
  ctx.helpers.add("keyFor");
  return lines.join("\n");
}

/** A record as an object literal element: on one line, or one property per line when long. */
function objectLiteral(record: Record<string, unknown>, indent: string): string {
  const properties = Object.entries(record).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const oneLine = `${indent}{ ${properties.join(", ")} },`;
  if (oneLine.length <= WIDTH) return oneLine;
  return [`${indent}{`, ...properties.map((p) => `${indent}  ${p},`), `${indent}},`].join("\n");
}

function generatorSource(ctx: CompileContext, field: EntityField, plan: FieldPlan): string {
  const need = (helper: string) => ctx.helpers.add(helper);
  switch (plan.gen) {
    case "null":
      return "null";
    case "person_name":
      need("personName");
      return "personName(ctx)";
    case "first_name":
      need("FIRST_NAMES");
      return "ctx.pick(FIRST_NAMES)";
    case "last_name":
      need("LAST_NAMES");
      return "ctx.pick(LAST_NAMES)";
    case "company":
      need("COMPANIES");
      return "ctx.pick(COMPANIES)";
    case "city":
      need("CITIES");
      return "ctx.pick(CITIES)";
    case "phone":
      need("phoneNumber");
      return "phoneNumber(ctx)";
    case "email": {
      need("emailFor");
      const domain = JSON.stringify(plan.domain ?? "example.com");
      if (plan.from) return `emailFor(${plan.from}, ${domain})`;
      need("personName");
      return `emailFor(personName(ctx), ${domain})`;
    }
    case "pick":
      return `ctx.pick([${plan.values.map((v) => JSON.stringify(v)).join(", ")}] as const)`;
    case "integer":
      return `ctx.randomInt(${plan.min}, ${plan.max})`;
    case "number":
      need("decimalBetween");
      return `decimalBetween(ctx, ${plan.min}, ${plan.max}, ${plan.decimals ?? 2})`;
    case "date":
      need("dateBetween");
      return `dateBetween(ctx, ${JSON.stringify(plan.from)}, ${JSON.stringify(plan.to)})`;
    case "boolean":
      return `ctx.random() < ${plan.probability ?? 0.5}`;
    case "ref": {
      // Keys are positional, so the referenced records' keys are known without generating them.
      const target = ctx.entity(field.entity!);
      need("keyRange");
      return `ctx.pick(keyRange(${JSON.stringify(target.keyPrefix)}, ${seededCount(ctx.spec, target.name)}))`;
    }
    case "sequence":
      return `\`${plan.template.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${").replace(/\{n\}/g, "${n}")}\``;
    case "const":
      return JSON.stringify(plan.value);
  }
}
