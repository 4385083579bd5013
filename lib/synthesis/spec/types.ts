import type { Expr, FunctionName } from "./expression";
import { expressionFunctions } from "./expression";
import type { ActionInput, EntityField } from "./schema";

/**
 * Static types of expression values. Enums and string literals are strings with a known set
 * of `values`, so `status == 'actve'` can be reported against the enum it is compared with.
 */
export interface ValueType {
  /** `unknown` stands for a value whose problem was already reported; it matches anything. */
  base: "number" | "string" | "boolean" | "date" | "null" | "list" | "unknown";
  integer?: boolean;
  /** Known possible values of a string (enum values or literals). */
  values?: string[];
  /** Entity whose key the string holds. */
  entity?: string;
  nullable?: boolean;
  /** Element type of a list. */
  item?: ValueType;
}

export function typeOfValue(field: EntityField | ActionInput): ValueType {
  const nullable =
    Boolean(field.optional) && (field.default === undefined || field.default === null);
  switch (field.type) {
    case "string":
      return { base: "string", nullable };
    case "number":
      return { base: "number", nullable };
    case "integer":
      return { base: "number", integer: true, nullable };
    case "boolean":
      return { base: "boolean", nullable };
    case "date":
      return { base: "date", nullable };
    case "enum":
      return { base: "string", values: field.values, nullable };
    case "reference":
      return { base: "string", entity: field.entity, nullable };
  }
}

export function describeType(type: ValueType): string {
  const suffix = type.nullable ? " or null" : "";
  if (type.entity) return `key of ${type.entity}${suffix}`;
  if (type.base === "string" && type.values)
    return `one of ${type.values.map((v) => `'${v}'`).join(", ")}${suffix}`;
  if (type.base === "list") return `list of ${type.item ? describeType(type.item) : "values"}`;
  if (type.base === "number" && type.integer) return `integer${suffix}`;
  return type.base + suffix;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isDateLike = (type: ValueType) =>
  type.base === "date" ||
  (type.base === "string" && !!type.values && type.values.every((v) => isoDate.test(v)));
const isStringLike = (type: ValueType) => type.base === "string" || type.base === "date";

/** What an expression may refer to. */
export interface Scope {
  inputs: Record<string, ValueType>;
  rules: Record<string, ValueType>;
  /** Record bindings (`from`, `order`): binding name → entity name. */
  records: Record<string, string>;
  /** Scalar bindings from `aggregate` steps. */
  scalars: Record<string, ValueType>;
  /** Entity of `it` inside a `where`. */
  it?: string;
  /** Fields of an entity; undefined for an unknown entity (reported elsewhere, so uses are not). */
  fieldsOf(entity: string): Record<string, EntityField> | undefined;
}

/** Collects problems instead of stopping at the first, so a spec author sees them all. */
export function checkExpression(expr: Expr, scope: Scope, problems: string[]): ValueType {
  const any: ValueType = { base: "unknown" };
  const fieldType = (entity: string, field: string, root: string): ValueType => {
    const fields = scope.fieldsOf(entity);
    if (!fields) return any;
    const decl = fields[field];
    if (!decl) {
      problems.push(`${root}.${field}: ${entity} has no field "${field}"`);
      return any;
    }
    return typeOfValue(decl);
  };

  switch (expr.kind) {
    case "literal":
      if (expr.value === null) return { base: "null", nullable: true };
      if (typeof expr.value === "string") return { base: "string", values: [expr.value] };
      if (typeof expr.value === "number")
        return { base: "number", integer: Number.isInteger(expr.value) };
      return { base: "boolean" };
    case "list": {
      const items = expr.items.map((item) => checkExpression(item, scope, problems));
      const values = items.flatMap((item) => item.values ?? []);
      return {
        base: "list",
        item: {
          base: items[0]?.base ?? "string",
          values: values.length ? values : undefined,
        },
      };
    }
    case "path": {
      const { root, field } = expr;
      if (root === "input") {
        if (!field || !(field in scope.inputs)) {
          problems.push(`input.${field ?? ""}: no input named "${field ?? ""}"`);
          return any;
        }
        return scope.inputs[field];
      }
      if (root === "rules") {
        if (!field || !(field in scope.rules)) {
          problems.push(`rules.${field ?? ""}: no limit or permission rule named "${field ?? ""}"`);
          return any;
        }
        return scope.rules[field];
      }
      if (root === "it") {
        if (!scope.it) {
          problems.push("`it` is only available inside a `where`");
          return any;
        }
        if (!field) return { base: "string", entity: scope.it };
        return fieldType(scope.it, field, "it");
      }
      if (root in scope.records) {
        if (!field) {
          problems.push(`${root}: a record; use one of its fields, e.g. ${root}.<field>`);
          return any;
        }
        return fieldType(scope.records[root], field, root);
      }
      if (root in scope.scalars && !field) return scope.scalars[root];
      problems.push(
        `${root}${field ? `.${field}` : ""}: unknown name "${root}" (not input, rules, it, or a binding defined earlier)`,
      );
      return any;
    }
    case "unary": {
      const operand = checkExpression(expr.operand, scope, problems);
      if (expr.op === "!") {
        requireBase(operand, "boolean", "!", problems);
        return { base: "boolean" };
      }
      requireBase(operand, "number", "unary -", problems);
      return { base: "number", integer: operand.integer };
    }
    case "conditional": {
      requireBase(
        checkExpression(expr.test, scope, problems),
        "boolean",
        "the condition of ?:",
        problems,
      );
      const a = checkExpression(expr.then, scope, problems);
      const b = checkExpression(expr.otherwise, scope, problems);
      if (
        a.base !== b.base &&
        a.base !== "unknown" &&
        b.base !== "unknown" &&
        a.base !== "null" &&
        b.base !== "null" &&
        !(isStringLike(a) && isStringLike(b))
      ) {
        problems.push(`the branches of ?: differ (${describeType(a)} vs ${describeType(b)})`);
      }
      const values = a.values && b.values ? [...new Set([...a.values, ...b.values])] : undefined;
      const base = a.base === "null" ? b.base : a.base;
      return {
        ...a,
        base,
        values,
        nullable: a.nullable || b.nullable,
        integer: a.integer && b.integer,
      };
    }
    case "call":
      return checkCall(expr.name, expr.args, scope, problems);
    case "binary":
      return checkBinary(expr, scope, problems);
  }
}

function requireBase(type: ValueType, base: ValueType["base"], where: string, problems: string[]) {
  if (type.base === "unknown") return;
  const ok = base === "date" ? isDateLike(type) : type.base === base;
  if (!ok) problems.push(`${where} needs ${base}, got ${describeType(type)}`);
  else if (type.nullable)
    problems.push(`${where} needs ${base}, got ${describeType(type)} (give the input a default)`);
}

function checkBinary(
  expr: Extract<Expr, { kind: "binary" }>,
  scope: Scope,
  problems: string[],
): ValueType {
  const left = checkExpression(expr.left, scope, problems);
  const right = checkExpression(expr.right, scope, problems);
  switch (expr.op) {
    case "&&":
    case "||":
      requireBase(left, "boolean", expr.op, problems);
      requireBase(right, "boolean", expr.op, problems);
      return { base: "boolean" };
    case "+":
    case "-":
    case "*":
    case "/":
      requireBase(left, "number", expr.op, problems);
      requireBase(right, "number", expr.op, problems);
      return {
        base: "number",
        integer: expr.op !== "/" && left.integer && right.integer,
      };
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const base = isDateLike(left) && isDateLike(right) ? "date" : "number";
      requireBase(left, base, expr.op, problems);
      requireBase(right, base, expr.op, problems);
      return { base: "boolean" };
    }
    case "==":
    case "!=":
      checkComparable(left, right, expr.op, problems);
      return { base: "boolean" };
    case "in":
      if (right.base === "unknown") return { base: "boolean" };
      if (right.base !== "list")
        problems.push(
          `the right side of "in" must be a list or a permission rule, got ${describeType(right)}`,
        );
      else if (right.item) checkComparable(left, right.item, "in", problems);
      return { base: "boolean" };
  }
}

function checkComparable(left: ValueType, right: ValueType, op: string, problems: string[]) {
  if (left.base === "unknown" || right.base === "unknown") return;
  if (left.base === "null" || right.base === "null") {
    if (!left.nullable && !right.nullable)
      problems.push(
        `comparing with null, but ${describeType(left.base === "null" ? right : left)} is never null`,
      );
    return;
  }
  const sameFamily = left.base === right.base || (isStringLike(left) && isStringLike(right));
  if (!sameFamily) {
    problems.push(`"${op}" compares ${describeType(left)} with ${describeType(right)}`);
    return;
  }
  if (left.values && right.values && !left.values.some((v) => right.values!.includes(v))) {
    const [literal, other] =
      left.values.length <= right.values.length ? [left, right] : [right, left];
    problems.push(
      `${literal.values!.map((v) => `'${v}'`).join(", ")} is not ${describeType({ ...other, nullable: false })}`,
    );
  }
  if (left.entity && right.entity && left.entity !== right.entity) {
    problems.push(`"${op}" compares a key of ${left.entity} with a key of ${right.entity}`);
  }
}

function checkCall(name: string, args: Expr[], scope: Scope, problems: string[]): ValueType {
  if (!(name in expressionFunctions)) {
    problems.push(
      `unknown function ${name}(); available: ${Object.keys(expressionFunctions).join(", ")}`,
    );
    return { base: "unknown" };
  }
  const arity = expressionFunctions[name as FunctionName];
  if (args.length !== arity)
    problems.push(`${name}() takes ${arity} argument(s), got ${args.length}`);
  const types = args.map((arg) => checkExpression(arg, scope, problems));
  const need = (i: number, base: ValueType["base"]) =>
    types[i] && requireBase(types[i], base, `${name}() argument ${i + 1}`, problems);
  switch (name as FunctionName) {
    case "today":
      return { base: "date" };
    case "add_days":
      need(0, "date");
      need(1, "number");
      return { base: "date" };
    case "days_between":
      need(0, "date");
      need(1, "date");
      return { base: "number", integer: true };
    case "round":
    case "min":
    case "max":
      need(0, "number");
      need(1, "number");
      return {
        base: "number",
        integer: name !== "round" && types.every((t) => t.integer),
      };
    case "lower":
      need(0, "string");
      return { base: "string" };
    case "contains":
      need(0, "string");
      need(1, "string");
      return { base: "boolean" };
  }
}

/** Whether a value of type `value` may be stored in a field/input of type `target`. */
export function assignProblem(value: ValueType, target: ValueType): string | undefined {
  if (value.base === "unknown" || target.base === "unknown") return undefined;
  if (value.base === "null" || value.nullable) {
    if (!target.nullable) return `may be null, but ${describeType(target)} is required`;
    if (value.base === "null") return undefined;
  }
  if (target.base === "date")
    return isDateLike(value) ? undefined : `expected a date, got ${describeType(value)}`;
  if (target.base !== value.base && !(target.base === "string" && value.base === "date")) {
    return `expected ${describeType(target)}, got ${describeType(value)}`;
  }
  if (target.base === "number" && target.integer && !value.integer)
    return `expected an integer, got ${describeType(value)}`;
  if (target.values && (!value.values || value.values.some((v) => !target.values!.includes(v)))) {
    return `expected ${describeType(target)}, got ${describeType(value)}`;
  }
  if (target.entity && value.entity && target.entity !== value.entity)
    return `expected ${describeType(target)}, got ${describeType(value)}`;
  return undefined;
}
