import {
  checkDuplicates,
  checkExpr,
  checkValueDecl,
  findEntity,
  makeScope,
  report,
  requireEntity,
  type CheckContext,
} from "./check-context";
import { inputsReadBy, parseExpression, templatePlaceholders } from "./expression";
import type { Action } from "./schema";
import { createdFromInputs, filterField, patchedFields, returnedBinding } from "./semantics";
import { assignProblem, describeType, typeOfValue, type Scope, type ValueType } from "./types";

const reservedNames = new Set(["input", "rules", "it", "state", "ctx"]);

export function checkActions(ctx: CheckContext) {
  checkDuplicates(ctx, "actions", ctx.spec.actions, "action");
  ctx.spec.actions.forEach((action, i) => checkAction(ctx, action, `actions[${i}]`));
}

function checkAction(ctx: CheckContext, action: Action, path: string) {
  requireEntity(ctx, `${path}.entity`, action.entity);
  const inputTypes: Record<string, ValueType> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    checkValueDecl(ctx, `${path}.inputs.${name}`, input);
    inputTypes[name] = typeOfValue(input);
  }
  const scope = makeScope(ctx, inputTypes);
  const used = new Set<string>();
  const declared = new Set(Object.keys(action.errors ?? {}));
  const raised = new Set<string>();
  const expr = (where: string, source: string, local: Scope, expected?: ValueType) => {
    try {
      for (const name of inputsReadBy(parseExpression(source))) used.add(name);
    } catch {
      // The syntax error is reported by checkExpr below.
    }
    return checkExpr(ctx, where, source, local, expected);
  };
  const bind = (where: string, name: string) => {
    if (reservedNames.has(name))
      report(ctx, where, `"${name}" is reserved; choose another binding name`);
    else if (name in scope.records || name in scope.scalars)
      report(ctx, where, `"${name}" is already bound earlier in this action`);
  };
  const raise = (where: string, code: string) => {
    raised.add(code);
    if (!declared.has(code))
      report(ctx, where, `error code "${code}" is not declared in the errors of ${action.name}`);
  };

  // A lookup driven by the caller's input can miss, so it must declare its error; one driven
  // by stored references only misses when the state is inconsistent (a bug, not an error code).
  const raiseOrInternal = (spath: string, code: string | undefined, source: string) => {
    if (code) return raise(`${spath}.error`, code);
    let readsInput = false;
    try {
      readsInput = inputsReadBy(parseExpression(source)).length > 0;
    } catch {
      return;
    }
    if (readsInput)
      report(
        ctx,
        `${spath}.error`,
        "the caller's input decides this lookup, so declare the error raised when it finds nothing",
      );
  };

  (action.preconditions ?? []).forEach((step, j) => {
    const spath = `${path}.preconditions[${j}]`;
    if (step.step === "require") {
      expr(`${spath}.that`, step.that, scope, { base: "boolean" });
      raise(`${spath}.error`, step.error);
      return;
    }
    const entity = requireEntity(ctx, `${spath}.entity`, step.entity);
    const where = { ...scope, it: step.entity };
    switch (step.step) {
      case "load":
        expr(
          `${spath}.key`,
          step.key,
          scope,
          entity ? { base: "string", entity: step.entity } : undefined,
        );
        raiseOrInternal(spath, step.error, step.key);
        break;
      case "find":
        expr(`${spath}.where`, step.where, where, { base: "boolean" });
        if (step.orderBy && entity) {
          const field = entity.fields[step.orderBy];
          if (!field)
            report(ctx, `${spath}.orderBy`, `${step.entity} has no field "${step.orderBy}"`);
          else if (field.optional || field.type === "boolean") {
            report(
              ctx,
              `${spath}.orderBy`,
              `cannot order by ${step.orderBy}: it must be a required number, date or text`,
            );
          }
        }
        raiseOrInternal(spath, step.error, step.where);
        break;
      case "forbid":
        expr(`${spath}.where`, step.where, where, { base: "boolean" });
        raise(`${spath}.error`, step.error);
        return;
      case "aggregate":
        if (step.where) expr(`${spath}.where`, step.where, where, { base: "boolean" });
        if (step.op === "sum") {
          const field = step.field && entity?.fields[step.field];
          if (!step.field) report(ctx, `${spath}.field`, "a sum needs the field to add up");
          else if (entity && !field)
            report(ctx, `${spath}.field`, `${step.entity} has no field "${step.field}"`);
          else if (field && field.type !== "number" && field.type !== "integer")
            report(
              ctx,
              `${spath}.field`,
              `cannot sum ${step.entity}.${step.field} (type ${field.type})`,
            );
        }
        bind(`${spath}.as`, step.as);
        scope.scalars[step.as] = {
          base: "number",
          integer: step.op === "count" || entity?.fields[step.field ?? ""]?.type === "integer",
        };
        return;
    }
    bind(`${spath}.as`, step.as);
    scope.records[step.as] = step.entity;
  });

  checkEffects(ctx, action, path, scope, expr, bind, used);
  checkQuery(ctx, action, path, used);
  checkKind(ctx, action, path, scope);

  for (const code of declared) {
    if (!raised.has(code))
      report(ctx, `${path}.errors.${code}`, "declared but no precondition raises it");
    for (const name of templatePlaceholders(action.errors![code])) {
      if (!(name in action.inputs))
        report(ctx, `${path}.errors.${code}`, `{${name}} is not an input of ${action.name}`);
    }
  }
  for (const name of templatePlaceholders(action.phrase)) {
    if (!(name in action.inputs))
      report(ctx, `${path}.phrase`, `{${name}} is not an input of ${action.name}`);
  }
  for (const name of Object.keys(action.inputs)) {
    if (!used.has(name))
      report(
        ctx,
        `${path}.inputs.${name}`,
        "never used: no precondition, effect or filter reads it",
      );
  }
}

type ExprCheck = (
  where: string,
  source: string,
  scope: Scope,
  expected?: ValueType,
) => ValueType | undefined;

function checkEffects(
  ctx: CheckContext,
  action: Action,
  path: string,
  scope: Scope,
  expr: ExprCheck,
  bind: (where: string, name: string) => void,
  used: Set<string>,
) {
  const target = (where: string, name: string) => {
    const entityName = scope.records[name];
    if (!entityName)
      report(
        ctx,
        where,
        `"${name}" is not a record bound by a load, find or create before this effect`,
      );
    return entityName ? findEntity(ctx, entityName) : undefined;
  };
  (action.effects ?? []).forEach((effect, j) => {
    const epath = `${path}.effects[${j}]`;
    switch (effect.effect) {
      case "set": {
        const entity = target(`${epath}.target`, effect.target);
        if (!entity) return;
        const field = entity.fields[effect.field];
        if (!field) report(ctx, `${epath}.field`, `${entity.name} has no field "${effect.field}"`);
        else if (effect.field === entity.key) report(ctx, `${epath}.field`, "keys never change");
        expr(`${epath}.value`, effect.value, scope, field ? typeOfValue(field) : undefined);
        return;
      }
      case "patch": {
        const entity = target(`${epath}.target`, effect.target);
        if (!entity) return;
        const fields = patchedFields(action, entity);
        if (!fields.length)
          report(
            ctx,
            epath,
            `no input is named like a field of ${entity.name}, so the patch changes nothing`,
          );
        for (const name of fields) {
          used.add(name);
          const problem = assignProblem(
            { ...typeOfValue(action.inputs[name]), nullable: false },
            typeOfValue(entity.fields[name]),
          );
          if (problem)
            report(
              ctx,
              `${path}.inputs.${name}`,
              `cannot patch ${entity.name}.${name}: ${problem}`,
            );
        }
        return;
      }
      case "delete":
        target(`${epath}.target`, effect.target);
        return;
      case "create": {
        const entity = requireEntity(ctx, `${epath}.entity`, effect.entity);
        if (entity) {
          for (const [name, value] of Object.entries(effect.values ?? {})) {
            const field = entity.fields[name];
            if (!field)
              report(ctx, `${epath}.values.${name}`, `${entity.name} has no field "${name}"`);
            else if (name === entity.key)
              report(
                ctx,
                `${epath}.values.${name}`,
                `the key is generated (${entity.keyPrefix}-0001, …); do not set it`,
              );
            expr(`${epath}.values.${name}`, value, scope, field ? typeOfValue(field) : undefined);
          }
          const fromInputs = createdFromInputs(action, entity, effect.values);
          for (const name of fromInputs) {
            used.add(name);
            // An omitted input falls back to the field's default, so it is never null then.
            const hasDefault =
              entity.fields[name].default !== undefined && entity.fields[name].default !== null;
            const inputType = typeOfValue(action.inputs[name]);
            const problem = assignProblem(
              hasDefault ? { ...inputType, nullable: false } : inputType,
              typeOfValue(entity.fields[name]),
            );
            if (problem)
              report(
                ctx,
                `${path}.inputs.${name}`,
                `cannot fill ${entity.name}.${name}: ${problem}`,
              );
          }
          for (const [name, field] of Object.entries(entity.fields)) {
            if (name === entity.key || field.optional || field.default !== undefined) continue;
            if (effect.values?.[name] !== undefined || fromInputs.includes(name)) continue;
            report(
              ctx,
              epath,
              `${entity.name}.${name} gets no value: add an input "${name}", a value, or a default on the field`,
            );
          }
        }
        bind(`${epath}.as`, effect.as);
        scope.records[effect.as] = effect.entity;
        return;
      }
    }
  });
}

function checkQuery(ctx: CheckContext, action: Action, path: string, used: Set<string>) {
  const isQuery = action.kind === "list" || action.kind === "search";
  const entity = findEntity(ctx, action.entity);
  if (action.filters && !isQuery)
    report(ctx, `${path}.filters`, `only list and search actions filter (kind is ${action.kind})`);
  if (action.search && action.kind !== "search")
    report(ctx, `${path}.search`, `only a search action has \`search\` (kind is ${action.kind})`);
  if (action.kind === "search" && !action.search)
    report(ctx, path, "a search action needs `search: { input, fields }`");
  (action.filters ?? []).forEach((filter, k) => {
    const fpath = `${path}.filters[${k}]`;
    const input = action.inputs[filter.input];
    if (!input) report(ctx, `${fpath}.input`, `no input named "${filter.input}"`);
    used.add(filter.input);
    const fieldName = filterField(filter);
    const field = entity?.fields[fieldName];
    if (entity && !field)
      report(ctx, `${fpath}.field`, `${entity.name} has no field "${fieldName}"`);
    if (!input || !field) return;
    const op = filter.op ?? "eq";
    const fieldType = typeOfValue(field);
    if (
      (op === "lte" || op === "gte") &&
      fieldType.base !== "number" &&
      fieldType.base !== "date"
    ) {
      report(
        ctx,
        `${fpath}.op`,
        `"${op}" needs a number or date field; ${fieldName} is ${describeType(fieldType)}`,
      );
    }
    if (op === "contains" && field.type !== "string")
      report(ctx, `${fpath}.op`, `"contains" needs a string field; ${fieldName} is ${field.type}`);
    const problem = assignProblem(
      { ...typeOfValue(input), nullable: false },
      {
        ...fieldType,
        nullable: false,
        values: op === "eq" ? fieldType.values : undefined,
      },
    );
    if (problem)
      report(ctx, `${fpath}.input`, `cannot compare with ${entity!.name}.${fieldName}: ${problem}`);
  });
  if (action.search) {
    const input = action.inputs[action.search.input];
    used.add(action.search.input);
    if (!input) report(ctx, `${path}.search.input`, `no input named "${action.search.input}"`);
    else if (input.type !== "string")
      report(
        ctx,
        `${path}.search.input`,
        `the search text must be a string input (is ${input.type})`,
      );
    action.search.fields.forEach((name, k) => {
      const field = entity?.fields[name];
      if (entity && !field)
        report(ctx, `${path}.search.fields[${k}]`, `${entity.name} has no field "${name}"`);
      else if (field && !["string", "enum", "reference", "date"].includes(field.type)) {
        report(
          ctx,
          `${path}.search.fields[${k}]`,
          `cannot search text in ${name} (type ${field.type})`,
        );
      }
    });
  }
}

function checkKind(ctx: CheckContext, action: Action, path: string, scope: Scope) {
  const effects = action.effects ?? [];
  const onEntity = (name: string) => scope.records[name] === action.entity;
  const isQuery = action.kind === "list" || action.kind === "search";
  if (isQuery) {
    if (action.returns)
      report(
        ctx,
        `${path}.returns`,
        `a ${action.kind} action returns the matching records, not a binding`,
      );
    if (effects.length)
      report(ctx, `${path}.effects`, `a ${action.kind} action must not change the state`);
    return;
  }
  const returned = returnedBinding(action);
  if (action.returns && !(action.returns in scope.records)) {
    report(ctx, `${path}.returns`, `"${action.returns}" is not a record bound in this action`);
  } else if (!returned) {
    report(
      ctx,
      path,
      `nothing to return: load or create a record of ${action.entity}, or name a binding in \`returns\``,
    );
  }
  const need = (ok: boolean, message: string) => ok || report(ctx, `${path}.kind`, message);
  switch (action.kind) {
    case "get":
      need(effects.length === 0, "a get action must not change the state (use kind custom)");
      break;
    case "create":
      need(
        effects.some((e) => e.effect === "create" && e.entity === action.entity),
        `a create action needs a create effect for ${action.entity}`,
      );
      break;
    case "update":
      need(
        effects.some((e) => (e.effect === "set" || e.effect === "patch") && onEntity(e.target)),
        `an update action needs a set or patch effect on a ${action.entity}`,
      );
      break;
    case "delete":
      need(
        effects.some((e) => e.effect === "delete" && onEntity(e.target)),
        `a delete action needs a delete effect on a ${action.entity}`,
      );
      break;
    case "custom":
      need(
        effects.length > 0,
        "a custom action is a state transition: give it at least one effect",
      );
      break;
  }
}
