import { ExpressionSyntaxError, parseExpression } from "./expression";
import type { ActionInput, Entity, EntityField } from "./schema";
import { assignProblem, checkExpression, describeType, type Scope, type ValueType } from "./types";
import type { CheckedSpec, SpecProblem } from "./validate";

/** Shared state of one validation pass. */
export interface CheckContext {
  spec: CheckedSpec;
  /** Entities present in the file but malformed: references to them are not reported again. */
  brokenEntities: Set<string>;
  problems: SpecProblem[];
}

export function report(ctx: CheckContext, path: string, message: string) {
  ctx.problems.push({ path, message });
}

export function findEntity(ctx: CheckContext, name: string): Entity | undefined {
  return ctx.spec.entities.find((e) => e.name === name);
}

/** Report an unknown entity; returns the entity when it exists and parsed. */
export function requireEntity(ctx: CheckContext, path: string, name: string): Entity | undefined {
  const entity = findEntity(ctx, name);
  if (!entity && !ctx.brokenEntities.has(name)) {
    const known = ctx.spec.entities.map((e) => e.name).join(", ");
    report(ctx, path, `unknown entity "${name}" (entities: ${known || "none"})`);
  }
  return entity;
}

function ruleTypes(ctx: CheckContext): Record<string, ValueType> {
  const types: Record<string, ValueType> = {};
  for (const rule of ctx.spec.rules ?? []) {
    if (rule.kind === "limit")
      types[rule.name] = {
        base: "number",
        integer: Number.isInteger(rule.value),
      };
    if (rule.kind === "permission")
      types[rule.name] = {
        base: "list",
        item: { base: "string", values: rule.allowed },
      };
  }
  return types;
}

export function makeScope(ctx: CheckContext, inputs: Record<string, ValueType>): Scope {
  return {
    inputs,
    rules: ruleTypes(ctx),
    records: {},
    scalars: {},
    // Unknown or malformed entities are reported where they are named, not at each field use.
    fieldsOf: (name) => findEntity(ctx, name)?.fields,
  };
}

/** Parse and type-check one expression, reporting problems at `path`. */
export function checkExpr(
  ctx: CheckContext,
  path: string,
  source: string,
  scope: Scope,
  expected?: ValueType,
): ValueType | undefined {
  let expr;
  try {
    expr = parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    report(ctx, path, `${error.message} at character ${error.position + 1} of "${source}"`);
    return undefined;
  }
  const problems: string[] = [];
  const type = checkExpression(expr, scope, problems);
  for (const problem of problems) report(ctx, path, problem);
  if (expected && problems.length === 0) {
    const mismatch =
      expected.base === "boolean"
        ? type.base === "boolean" || type.base === "unknown"
          ? undefined
          : `expected a condition (true/false), got ${describeType(type)}`
        : assignProblem(type, expected);
    if (mismatch) report(ctx, path, mismatch);
  }
  return type;
}

/** Problems with one field or input declaration (enum values, reference target, bounds, default). */
export function checkValueDecl(ctx: CheckContext, path: string, decl: EntityField | ActionInput) {
  if (decl.type === "enum" && !decl.values)
    report(ctx, `${path}.values`, "an enum needs its list of values");
  if (decl.type !== "enum" && decl.values)
    report(ctx, `${path}.values`, `only an enum has values (type is ${decl.type})`);
  if (decl.type === "reference") {
    if (!decl.entity) report(ctx, `${path}.entity`, "a reference needs the entity it points to");
    else requireEntity(ctx, `${path}.entity`, decl.entity);
  } else if (decl.entity) {
    report(ctx, `${path}.entity`, `only a reference names an entity (type is ${decl.type})`);
  }
  if (
    (decl.min !== undefined || decl.max !== undefined) &&
    decl.type !== "number" &&
    decl.type !== "integer"
  ) {
    report(ctx, path, `min/max apply to numbers only (type is ${decl.type})`);
  }
  if (decl.min !== undefined && decl.max !== undefined && decl.min > decl.max)
    report(ctx, `${path}.min`, `min ${decl.min} is above max ${decl.max}`);
  if (decl.default !== undefined && decl.default !== null) {
    const problem = scalarProblem(decl, decl.default);
    if (problem) report(ctx, `${path}.default`, problem);
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a JSON scalar is a valid value for a field; returns the reason when not. */
export function scalarProblem(
  decl: EntityField | ActionInput,
  value: string | number | boolean | null,
): string | undefined {
  if (value === null)
    return decl.optional ? undefined : "null is not allowed (the field is not optional)";
  switch (decl.type) {
    case "string":
    case "reference":
      return typeof value === "string"
        ? undefined
        : `expected a string, got ${JSON.stringify(value)}`;
    case "number":
    case "integer":
      if (typeof value !== "number") return `expected a number, got ${JSON.stringify(value)}`;
      if (decl.type === "integer" && !Number.isInteger(value))
        return `expected an integer, got ${value}`;
      if (decl.min !== undefined && value < decl.min)
        return `${value} is below the minimum ${decl.min}`;
      if (decl.max !== undefined && value > decl.max)
        return `${value} is above the maximum ${decl.max}`;
      return undefined;
    case "boolean":
      return typeof value === "boolean"
        ? undefined
        : `expected true or false, got ${JSON.stringify(value)}`;
    case "date":
      return typeof value === "string" && isoDate.test(value)
        ? undefined
        : `expected a date like 2025-01-31, got ${JSON.stringify(value)}`;
    case "enum":
      return typeof value === "string" && decl.values?.includes(value)
        ? undefined
        : `expected one of ${(decl.values ?? []).map((v) => `"${v}"`).join(", ")}, got ${JSON.stringify(value)}`;
  }
}

/** Report each name that occurs more than once in a list. */
export function checkDuplicates(
  ctx: CheckContext,
  section: string,
  items: { name: string }[],
  what: string,
) {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.name);
    if (earlier === undefined) first.set(item.name, i);
    else
      report(
        ctx,
        `${section}[${i}].name`,
        `duplicate ${what} "${item.name}" (also ${section}[${earlier}])`,
      );
  });
}
