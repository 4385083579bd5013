import { parseExpression, type Expr } from "../spec/expression";
import { collectionName } from "../spec/names";
import type { Action, ActionInput, DomainSpec, Entity } from "../spec/schema";
import { addDays } from "../spec/seed-plan";
import { filterField } from "../spec/semantics";
import type { Value } from "../oracle/evaluate";
import type { Args, StateValue } from "../oracle/interpret";

/** Entity fields an input is compared with, and rules it is checked against. */
interface Relations {
  fields: { entity: string; field: string }[];
  rules: string[];
}

const MAX_PER_INPUT = 48;

/**
 * Values worth trying for each input of an action: keys that exist and one that does not,
 * every enum value, numbers around the fields and limits the input is compared with, and so
 * on — enough for a small search to reach each declared error.
 */
export function inputCandidates(
  spec: DomainSpec,
  action: Action,
  state: StateValue,
): Record<string, (Value | undefined)[]> {
  const relations = relate(spec, action);
  const entities = new Map(spec.entities.map((e) => [e.name, e]));
  const valuesOf = (entityName: string, field: string): Value[] => {
    const entity = entities.get(entityName);
    if (!entity) return [];
    return Object.values(state[collectionName(entity)] ?? {}).map((record) => record[field]);
  };
  const sameName = (name: string): Value[] =>
    spec.entities.flatMap((entity) => (name in entity.fields ? valuesOf(entity.name, name) : []));
  const result: Record<string, (Value | undefined)[]> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    const related = relations.get(name) ?? { fields: [], rules: [] };
    const relatedValues = [
      ...related.fields.flatMap(({ entity, field }) => valuesOf(entity, field)),
      ...sameName(name),
    ];
    const ruleValues = related.rules
      .map((rule) => (spec.rules ?? []).find((r) => r.name === rule))
      .flatMap((rule): Value[] =>
        rule?.kind === "limit" ? [rule.value] : rule?.kind === "permission" ? rule.allowed : [],
      );
    let values: Value[];
    switch (input.type) {
      case "reference": {
        const target = entities.get(input.entity!)!;
        values = [
          ...Object.keys(state[collectionName(target)] ?? {}),
          ...relatedValues.filter((v) => typeof v === "string"),
          `${target.keyPrefix}-9999`,
        ];
        break;
      }
      case "enum":
        values = [...input.values!];
        break;
      case "boolean":
        values = [true, false];
        break;
      case "number":
      case "integer":
        values = numberCandidates(
          input,
          [...relatedValues, ...ruleValues].filter((v): v is number => typeof v === "number"),
        );
        break;
      case "date": {
        const today = spec.seed.today;
        const dates = relatedValues.filter(
          (v): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
        );
        values = [
          today,
          ...[1, 7, 30, 90, -1, -30].map((d) => addDays(today, d)),
          ...dates,
          ...dates.map((d) => addDays(d, 1)),
        ];
        break;
      }
      case "string": {
        const texts = relatedValues.filter(
          (v): v is string => typeof v === "string" && v.length > 0,
        );
        const searched = action.search?.input === name ? searchTerms(spec, action, state) : [];
        values = [
          ...searched,
          ...texts,
          ...ruleValues.filter((v): v is string => typeof v === "string"),
          "Example",
        ];
        break;
      }
    }
    const unique = dedupe(values).slice(0, MAX_PER_INPUT);
    result[name] = input.optional ? [undefined, ...unique] : unique;
  }
  return result;
}

function dedupe(values: Value[]): Value[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function numberCandidates(input: ActionInput, related: number[]): number[] {
  const integer = input.type === "integer";
  const step = integer ? 1 : 0.01;
  const around = related.flatMap((v) => [v, v + step, v - step, v * 2]);
  const raw = [
    1,
    2,
    5,
    10,
    100,
    1000,
    ...(input.min !== undefined ? [input.min] : []),
    ...(input.max !== undefined ? [input.max] : []),
    ...around,
  ];
  const fit = raw
    .map((v) => (integer ? Math.round(v) : Math.round(v * 100) / 100))
    .filter(
      (v) =>
        (input.min === undefined || v >= input.min) && (input.max === undefined || v <= input.max),
    );
  return [...new Set(fit)];
}

/** Words from the searched fields, so a search has something to find. */
function searchTerms(spec: DomainSpec, action: Action, state: StateValue): string[] {
  const entity = spec.entities.find((e) => e.name === action.entity)!;
  const words = Object.values(state[collectionName(entity)] ?? {}).flatMap((record) =>
    action.search!.fields.flatMap((field) => {
      const value = record[field];
      return typeof value === "string" ? [value.split(/[\s@.]+/)[0]] : [];
    }),
  );
  return [...words.slice(0, 6), "zzz-no-match"];
}

/** For each input: the entity fields and rules it is compared with or loads by. */
function relate(spec: DomainSpec, action: Action): Map<string, Relations> {
  const relations = new Map<string, Relations>();
  const add = (input: string, entry: Partial<Relations>) => {
    const current = relations.get(input) ?? { fields: [], rules: [] };
    current.fields.push(...(entry.fields ?? []));
    current.rules.push(...(entry.rules ?? []));
    relations.set(input, current);
  };
  const bound = new Map<string, string>();
  const entityOf = (root: string, it?: string) => (root === "it" ? it : bound.get(root));
  const visit = (expr: Expr, it?: string) => {
    if (expr.kind === "binary" && expr.op !== "&&" && expr.op !== "||") {
      for (const [side, other] of [
        [expr.left, expr.right],
        [expr.right, expr.left],
      ]) {
        for (const input of pathsIn(side)) {
          if (input.root !== "input" || !input.field) continue;
          for (const path of pathsIn(other)) {
            if (path.root === "rules" && path.field) add(input.field, { rules: [path.field] });
            const entity = entityOf(path.root, it);
            if (entity && path.field) add(input.field, { fields: [{ entity, field: path.field }] });
          }
        }
      }
      visit(expr.left, it);
      visit(expr.right, it);
    } else if (expr.kind === "binary") {
      visit(expr.left, it);
      visit(expr.right, it);
    } else if (expr.kind === "unary") visit(expr.operand, it);
    else if (expr.kind === "conditional")
      [expr.test, expr.then, expr.otherwise].forEach((e) => visit(e, it));
    else if (expr.kind === "call" || expr.kind === "list")
      (expr.kind === "call" ? expr.args : expr.items).forEach((e) => visit(e, it));
  };
  for (const step of action.preconditions ?? []) {
    if (step.step === "load") {
      const key = parseExpression(step.key);
      if (key.kind === "path" && key.root === "input" && key.field) {
        const entity = spec.entities.find((e) => e.name === step.entity) as Entity;
        add(key.field, { fields: [{ entity: entity.name, field: entity.key }] });
      }
    }
    if (step.step === "require") visit(parseExpression(step.that));
    if ((step.step === "find" || step.step === "forbid" || step.step === "aggregate") && step.where)
      visit(parseExpression(step.where), step.entity);
    if ("as" in step && step.step !== "aggregate") bound.set(step.as, step.entity);
  }
  for (const filter of action.filters ?? [])
    add(filter.input, { fields: [{ entity: action.entity, field: filterField(filter) }] });
  return relations;
}

function pathsIn(expr: Expr): { root: string; field?: string }[] {
  switch (expr.kind) {
    case "path":
      return [expr];
    case "binary":
      return [...pathsIn(expr.left), ...pathsIn(expr.right)];
    case "unary":
      return pathsIn(expr.operand);
    case "conditional":
      return [...pathsIn(expr.test), ...pathsIn(expr.then), ...pathsIn(expr.otherwise)];
    case "call":
      return expr.args.flatMap(pathsIn);
    case "list":
      return expr.items.flatMap(pathsIn);
    case "literal":
      return [];
  }
}

/**
 * Partial calls that copy several fields of one existing record into the inputs a `where`
 * compares them with (`it.doctor_id == input.doctor_id && it.date == input.date …`): the
 * combinations that reach conflict errors, which independent random values almost never hit.
 */
export function jointCandidates(spec: DomainSpec, action: Action, state: StateValue): Args[] {
  const partials: Args[] = [];
  for (const step of action.preconditions ?? []) {
    if (step.step !== "find" && step.step !== "forbid" && step.step !== "aggregate") continue;
    if (!step.where) continue;
    const pairs = equalityPairs(parseExpression(step.where));
    if (pairs.length < 2) continue;
    const entity = spec.entities.find((e) => e.name === step.entity);
    if (!entity) continue;
    for (const record of Object.values(state[collectionName(entity)] ?? {}).slice(0, 40)) {
      partials.push(
        Object.fromEntries(
          pairs
            .filter(([input]) => input in action.inputs)
            .map(([input, field]) => [input, record[field]]),
        ),
      );
    }
  }
  return partials;
}

/** `[input, field]` for each `it.field == input.name` in a conjunction. */
function equalityPairs(expr: Expr): [string, string][] {
  if (expr.kind !== "binary") return [];
  if (expr.op === "&&") return [...equalityPairs(expr.left), ...equalityPairs(expr.right)];
  if (expr.op !== "==") return [];
  const [a, b] = [expr.left, expr.right];
  if (a.kind === "path" && b.kind === "path") {
    if (a.root === "it" && b.root === "input" && a.field && b.field) return [[b.field, a.field]];
    if (b.root === "it" && a.root === "input" && a.field && b.field) return [[a.field, b.field]];
  }
  return [];
}
