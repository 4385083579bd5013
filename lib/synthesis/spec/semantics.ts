import type { Action, Entity } from "./schema";

/**
 * Defaults the compiler and the interpreter must agree on, kept in one place.
 */

/** The binding a tool returns: explicit `returns`, else the created record, else the first loaded/found record of the action's entity. */
export function returnedBinding(action: Action): string | undefined {
  if (action.kind === "list" || action.kind === "search") return undefined;
  if (action.returns) return action.returns;
  const created = (action.effects ?? []).find(
    (e) => e.effect === "create" && e.entity === action.entity,
  );
  if (created && created.effect === "create") return created.as;
  for (const step of action.preconditions ?? []) {
    if ((step.step === "load" || step.step === "find") && step.entity === action.entity)
      return step.as;
  }
  return undefined;
}

/** Fields a `create` effect fills from same-named inputs (those without an explicit value). */
export function createdFromInputs(
  action: Action,
  entity: Entity,
  values: Record<string, string> | undefined,
): string[] {
  return Object.keys(entity.fields).filter(
    (field) => field !== entity.key && !(values && field in values) && field in action.inputs,
  );
}

/** Fields a `patch` effect may change: same-named inputs, except the key. */
export function patchedFields(action: Action, entity: Entity): string[] {
  return Object.keys(entity.fields).filter(
    (field) => field !== entity.key && field in action.inputs,
  );
}

/** Default filter operator and field for a list/search filter. */
export function filterField(filter: { input: string; field?: string }): string {
  return filter.field ?? filter.input;
}
