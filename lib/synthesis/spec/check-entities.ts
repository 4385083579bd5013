import {
  checkDuplicates,
  checkExpr,
  checkValueDecl,
  makeScope,
  report,
  requireEntity,
  type CheckContext,
} from "./check-context";
import { collectionName } from "./names";

export function checkEntities(ctx: CheckContext) {
  const { entities } = ctx.spec;
  checkDuplicates(ctx, "entities", entities, "entity");
  const collections = new Map<string, number>();
  entities.forEach((entity, i) => {
    const path = `entities[${i}]`;
    const collection = collectionName(entity);
    const other = collections.get(collection);
    if (other !== undefined && entities[other].name !== entity.name) {
      report(
        ctx,
        `${path}.plural`,
        `collection name "${collection}" is also used by entities[${other}]`,
      );
    }
    collections.set(collection, i);

    const key = entity.fields[entity.key];
    if (!key) {
      report(
        ctx,
        `${path}.key`,
        `"${entity.key}" is not a field of ${entity.name} (fields: ${Object.keys(entity.fields).join(", ")})`,
      );
    } else if (key.type !== "string" || key.optional) {
      report(
        ctx,
        `${path}.fields.${entity.key}.type`,
        "the key field must be a required string (keys look like " + `"${entity.keyPrefix}-0001")`,
      );
    }
    const prefixOwner = entities.findIndex((e) => e.keyPrefix === entity.keyPrefix);
    if (prefixOwner !== i)
      report(
        ctx,
        `${path}.keyPrefix`,
        `key prefix "${entity.keyPrefix}" is also used by entities[${prefixOwner}]`,
      );

    for (const [name, field] of Object.entries(entity.fields))
      checkValueDecl(ctx, `${path}.fields.${name}`, field);

    (entity.relations ?? []).forEach((relation, r) => {
      const rpath = `${path}.relations[${r}]`;
      const target = requireEntity(ctx, `${rpath}.entity`, relation.entity);
      if (!target) return;
      const field = target.fields[relation.field];
      if (!field)
        report(ctx, `${rpath}.field`, `${relation.entity} has no field "${relation.field}"`);
      else if (field.type !== "reference" || field.entity !== entity.name) {
        report(
          ctx,
          `${rpath}.field`,
          `${relation.entity}.${relation.field} must be a reference to ${entity.name}`,
        );
      }
    });
  });
}

export function checkRules(ctx: CheckContext) {
  const rules = ctx.spec.rules ?? [];
  checkDuplicates(ctx, "rules", rules, "rule");
  rules.forEach((rule, i) => {
    if (rule.kind !== "invariant") return;
    const entity = requireEntity(ctx, `rules[${i}].entity`, rule.entity);
    if (!entity) return;
    checkExpr(
      ctx,
      `rules[${i}].that`,
      rule.that,
      { ...makeScope(ctx, {}), it: entity.name },
      { base: "boolean" },
    );
  });
}
