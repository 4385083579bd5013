import { collectionName } from "../spec/names";
import type { Entity, EntityField } from "../spec/schema";
import { fieldPlans, seededCount, type FieldPlan } from "../spec/seed-plan";
import { tsNames, type CompileContext } from "./context";

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
  const sources = new Set(plans.flatMap(([, plan]) => (plan.gen === "email" && plan.from ? [plan.from] : [])));
  const constants = plans.filter(([name]) => sources.has(name)).map(([name, plan]) => `    const ${name} = ${generatorSource(ctx, entity.fields[name], plan)};`);
  const properties = plans.map(([name, plan]) => (sources.has(name) ? `      ${name},` : `      ${name}: ${generatorSource(ctx, entity.fields[name], plan)},`));
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
      ...fixed.map((record) => `    ${objectLiteral(record)},`),
      "  ];",
      `  scenarios.forEach((record, i) => Object.assign(${collection}[keyFor(${JSON.stringify(entity.keyPrefix)}, i + 1)], record));`,
    );
  }
  lines.push(`  return ${collection};`, "}");
  ctx.helpers.add("keyFor");
  return lines.join("\n");
}

function objectLiteral(record: Record<string, unknown>): string {
  return `{ ${Object.entries(record)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ")} }`;
}

function generatorSource(ctx: CompileContext, field: EntityField, plan: FieldPlan): string {
  const use = (helper: string) => ctx.helpers.add(helper);
  switch (plan.gen) {
    case "null":
      return "null";
    case "person_name":
      use("personName");
      return "personName(ctx)";
    case "first_name":
      use("FIRST_NAMES");
      return "ctx.pick(FIRST_NAMES)";
    case "last_name":
      use("LAST_NAMES");
      return "ctx.pick(LAST_NAMES)";
    case "company":
      use("COMPANIES");
      return "ctx.pick(COMPANIES)";
    case "city":
      use("CITIES");
      return "ctx.pick(CITIES)";
    case "phone":
      use("phoneNumber");
      return "phoneNumber(ctx)";
    case "email": {
      use("emailFor");
      const domain = JSON.stringify(plan.domain ?? "example.com");
      if (plan.from) return `emailFor(${plan.from}, ${domain})`;
      use("personName");
      return `emailFor(personName(ctx), ${domain})`;
    }
    case "pick":
      return `ctx.pick([${plan.values.map((v) => JSON.stringify(v)).join(", ")}] as const)`;
    case "integer":
      return `ctx.randomInt(${plan.min}, ${plan.max})`;
    case "number":
      use("decimalBetween");
      return `decimalBetween(ctx, ${plan.min}, ${plan.max}, ${plan.decimals ?? 2})`;
    case "date":
      use("dateBetween");
      return `dateBetween(ctx, ${JSON.stringify(plan.from)}, ${JSON.stringify(plan.to)})`;
    case "boolean":
      return `ctx.random() < ${plan.probability ?? 0.5}`;
    case "ref": {
      // Keys are positional, so the referenced records' keys are known without generating them.
      const target = ctx.entity(field.entity!);
      use("keyRange");
      return `ctx.pick(keyRange(${JSON.stringify(target.keyPrefix)}, ${seededCount(ctx.spec, target.name)}))`;
    }
    case "sequence":
      return `\`${plan.template.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${").replace(/\{n\}/g, "${n}")}\``;
    case "const":
      return JSON.stringify(plan.value);
  }
}
