import { parseExpression, type Expr } from "../spec/expression";
import { collectionName, keyFor } from "../spec/names";
import type { Action, ActionInput, DomainSpec, Entity } from "../spec/schema";
import { createdFromInputs, filterField, patchedFields, returnedBinding } from "../spec/semantics";
import { evaluate, type Env, type RecordValue, type Value } from "./evaluate";

export type StateValue = Record<string, Record<string, RecordValue>>;
export type Args = Record<string, Value | undefined>;

/** What a call does, as predicted from the spec alone. */
export type Outcome =
  | { kind: "ok"; result: Value; state: StateValue; touched: string[] }
  | { kind: "error"; code: string; message: string }
  /** The call would break an invariant or a field bound: a spec bug (a missing precondition). */
  | { kind: "broken"; reason: string };

class ToolFailure {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** A lookup without a declared error found nothing: the generated code throws a plain Error. */
class DanglingReference {
  constructor(readonly reason: string) {}
}

/** Copy-on-write view of the state: only collections and records an effect touches are copied. */
class Draft {
  private readonly copied = new Set<string>();
  readonly state: StateValue;
  constructor(base: StateValue) {
    this.state = { ...base };
  }
  collection(name: string): Record<string, RecordValue> {
    if (!this.copied.has(name)) {
      this.state[name] = { ...this.state[name] };
      this.copied.add(name);
    }
    return this.state[name];
  }
}

/**
 * The spec interpreter: runs an action against a state with the semantics the compiler
 * implements, independently of the generated code. Self-tests built from its predictions
 * therefore check the generated (or LLM-revised) code against the spec.
 */
export class Oracle {
  private readonly parsed = new Map<string, Expr>();
  private readonly entities: Map<string, Entity>;

  constructor(readonly spec: DomainSpec) {
    this.entities = new Map(spec.entities.map((e) => [e.name, e]));
  }

  private expr(source: string): Expr {
    let expr = this.parsed.get(source);
    if (!expr) {
      expr = parseExpression(source);
      this.parsed.set(source, expr);
    }
    return expr;
  }

  private entity(name: string): Entity {
    return this.entities.get(name)!;
  }

  action(name: string): Action {
    const action = this.spec.actions.find((a) => a.name === name);
    if (!action) throw new Error(`no action ${name}`);
    return action;
  }

  run(action: Action, args: Args, state: StateValue): Outcome {
    try {
      return this.execute(action, args, state);
    } catch (error) {
      if (error instanceof ToolFailure)
        return { kind: "error", code: error.code, message: error.message };
      if (error instanceof DanglingReference) return { kind: "broken", reason: error.reason };
      throw error;
    }
  }

  private execute(action: Action, args: Args, base: StateValue): Outcome {
    const inputValue = (name: string): Value => {
      const input = action.inputs[name];
      const value = args[name];
      if (!input.optional) return value as Value;
      return value ?? input.default ?? null;
    };
    const bindings = new Map<string, Value | RecordValue>();
    const recordOf = new Map<string, { entity: string }>();
    const env = (it?: RecordValue): Env => ({
      input: inputValue,
      rule: (name) => this.ruleValue(name),
      binding: (name) => bindings.get(name)!,
      it,
      today: this.spec.seed.today,
    });
    const fail = (code: string | undefined, missing: string): never => {
      if (!code) throw new DanglingReference(missing);
      throw new ToolFailure(code, renderMessage(action.errors?.[code] ?? code, action, args));
    };
    const records = (entity: string) => Object.values(base[collectionName(this.entity(entity))]);

    for (const step of action.preconditions ?? []) {
      switch (step.step) {
        case "load": {
          const collection = base[collectionName(this.entity(step.entity))];
          const key = evaluate(this.expr(step.key), env()) as string;
          const record = Object.prototype.hasOwnProperty.call(collection, key)
            ? collection[key]
            : undefined;
          if (!record) fail(step.error, `${step.entity} ${key} is missing`);
          bindings.set(step.as, record!);
          recordOf.set(step.as, { entity: step.entity });
          break;
        }
        case "require":
          if (!evaluate(this.expr(step.that), env())) fail(step.error, "");
          break;
        case "find": {
          const where = this.expr(step.where);
          let matches = records(step.entity).filter((r) => evaluate(where, env(r)));
          if (step.orderBy) {
            const field = step.orderBy;
            const sign = step.order === "desc" ? -1 : 1;
            matches = [...matches].sort((a, b) => {
              const [x, y] = [a[field] as number, b[field] as number];
              return sign * (x < y ? -1 : x > y ? 1 : 0);
            });
          }
          if (!matches[0]) fail(step.error, `no ${step.entity} matches ${step.where}`);
          bindings.set(step.as, matches[0]);
          recordOf.set(step.as, { entity: step.entity });
          break;
        }
        case "forbid": {
          const where = this.expr(step.where);
          if (records(step.entity).some((r) => evaluate(where, env(r)))) fail(step.error, "");
          break;
        }
        case "aggregate": {
          const where = step.where ? this.expr(step.where) : undefined;
          const matching = records(step.entity).filter((r) => !where || evaluate(where, env(r)));
          bindings.set(
            step.as,
            step.op === "count"
              ? matching.length
              : matching.reduce((total, r) => total + (r[step.field!] as number), 0),
          );
          break;
        }
      }
    }

    const draft = new Draft(base);
    const owned = new Set<string>();
    const touched = new Set<string>();
    // Before changing a bound record, copy it into the draft and rebind.
    const own = (binding: string): RecordValue => {
      const entity = this.entity(recordOf.get(binding)!.entity);
      const record = bindings.get(binding) as RecordValue;
      if (owned.has(binding)) return record;
      const copy = { ...record };
      draft.collection(collectionName(entity))[record[entity.key] as string] = copy;
      // Other bindings to the same record see the change too, as they would in the code.
      for (const [name, value] of bindings)
        if (value === record) {
          bindings.set(name, copy);
          owned.add(name);
        }
      return copy;
    };
    for (const effect of action.effects ?? []) {
      switch (effect.effect) {
        case "set": {
          const value = evaluate(this.expr(effect.value), env());
          own(effect.target)[effect.field] = value;
          touched.add(effect.target);
          break;
        }
        case "patch": {
          const entity = this.entity(recordOf.get(effect.target)!.entity);
          const record = own(effect.target);
          for (const field of patchedFields(action, entity))
            if (args[field] !== undefined) record[field] = args[field] as Value;
          touched.add(effect.target);
          break;
        }
        case "create": {
          const entity = this.entity(effect.entity);
          const collection = draft.collection(collectionName(entity));
          const fromInputs = createdFromInputs(action, entity, effect.values);
          const record: RecordValue = {};
          for (const [field, decl] of Object.entries(entity.fields)) {
            if (field === entity.key) record[field] = nextKey(collection, entity.keyPrefix);
            else if (effect.values?.[field] !== undefined)
              record[field] = evaluate(this.expr(effect.values[field]), env());
            else if (fromInputs.includes(field)) {
              const input: ActionInput = action.inputs[field];
              const fallback = input.default ?? decl.default ?? null;
              record[field] = input.optional
                ? ((args[field] as Value | undefined) ?? fallback)
                : (args[field] as Value);
            } else record[field] = decl.default ?? null;
          }
          collection[record[entity.key] as string] = record;
          bindings.set(effect.as, record);
          recordOf.set(effect.as, { entity: entity.name });
          owned.add(effect.as);
          touched.add(effect.as);
          break;
        }
        case "delete": {
          const entity = this.entity(recordOf.get(effect.target)!.entity);
          const record = bindings.get(effect.target) as RecordValue;
          delete draft.collection(collectionName(entity))[record[entity.key] as string];
          break;
        }
      }
    }

    for (const binding of touched) {
      const problem = this.checkRecord(
        recordOf.get(binding)!.entity,
        bindings.get(binding) as RecordValue,
      );
      if (problem) return { kind: "broken", reason: problem };
    }

    let result: Value;
    if (action.kind === "list" || action.kind === "search") {
      const entity = this.entity(action.entity);
      const matches = this.query(action, entity, args, Object.values(base[collectionName(entity)]));
      result = { [collectionName(entity)]: matches, count: matches.length };
    } else {
      result = { ...(bindings.get(returnedBinding(action)!) as RecordValue) };
    }
    return { kind: "ok", result, state: draft.state, touched: [...touched] };
  }

  private query(action: Action, entity: Entity, args: Args, all: RecordValue[]): RecordValue[] {
    return all.filter((record) => {
      if (action.search) {
        const text = ((args[action.search.input] ?? "") as string).toLowerCase();
        if (
          !action.search.fields.some((field) =>
            ((record[field] ?? "") as string).toLowerCase().includes(text),
          )
        )
          return false;
      }
      for (const filter of action.filters ?? []) {
        const arg = args[filter.input];
        if (arg === undefined) continue;
        const value = record[filterField(filter)];
        switch (filter.op ?? "eq") {
          case "eq":
            if (value !== arg) return false;
            break;
          case "lte":
            if (value === null || !((value as number) <= (arg as number))) return false;
            break;
          case "gte":
            if (value === null || !((value as number) >= (arg as number))) return false;
            break;
          case "contains":
            if (!((value ?? "") as string).toLowerCase().includes((arg as string).toLowerCase()))
              return false;
            break;
        }
      }
      return true;
    });
  }

  private ruleValue(name: string): Value {
    const rule = (this.spec.rules ?? []).find((r) => r.name === name);
    if (rule?.kind === "limit") return rule.value;
    if (rule?.kind === "permission") return rule.allowed;
    throw new Error(`no rule ${name}`);
  }

  /** An invariant or field bound the record breaks, if any. */
  private checkRecord(entityName: string, record: RecordValue): string | undefined {
    const entity = this.entity(entityName);
    for (const rule of this.spec.rules ?? []) {
      if (rule.kind !== "invariant" || rule.entity !== entityName) continue;
      const env: Env = {
        input: () => null,
        rule: (n) => this.ruleValue(n),
        binding: () => null,
        it: record,
        today: this.spec.seed.today,
      };
      if (!evaluate(this.expr(rule.that), env))
        return `${entity.name} ${record[entity.key]} breaks invariant "${rule.name}"`;
    }
    for (const [name, field] of Object.entries(entity.fields)) {
      const value = record[name];
      if (typeof value !== "number") continue;
      if (
        (field.min !== undefined && value < field.min) ||
        (field.max !== undefined && value > field.max)
      ) {
        return `${entity.name}.${name} would be ${value}, outside its bounds`;
      }
    }
    return undefined;
  }
}

/** Mirrors the generated `nextKey`: one above the highest numeric suffix in use. */
function nextKey(records: Record<string, unknown>, prefix: string): string {
  let highest = 0;
  for (const key of Object.keys(records)) {
    const n = Number(key.slice(prefix.length + 1));
    if (key.startsWith(`${prefix}-`) && Number.isInteger(n) && n > highest) highest = n;
  }
  return keyFor(prefix, highest + 1);
}

/** Fill `{input}` placeholders the way the generated template literals do. */
function renderMessage(template: string, action: Action, args: Args): string {
  return template.replace(/\{([a-z][a-z0-9_]*)\}/g, (_, name: string) => {
    const value = args[name];
    return action.inputs[name]?.optional ? String(value ?? "(none)") : String(value);
  });
}
