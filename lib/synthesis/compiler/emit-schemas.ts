import { collectionName } from "../spec/names";
import { tsNames, type CompileContext } from "./context";
import { sx, type SchemaSource } from "./schema-source";

export function stateSchema(ctx: CompileContext): SchemaSource {
  return sx.object(
    ctx.spec.entities.map((entity) => [
      collectionName(entity),
      sx.record(sx.named(tsNames.entityType(entity.name), ctx.entitySchema(entity))),
    ]),
  );
}

/** The "Records" section: a schema constant and a type per entity, then the state. */
export function emitRecordSection(ctx: CompileContext): string {
  const blocks = ctx.spec.entities.map((entity) => {
    const name = tsNames.entityType(entity.name);
    const relations = (entity.relations ?? []).map(
      (r) => ` * Related: ${r.name} (${r.entity} records whose ${r.field} is this ${entity.name}).`,
    );
    return [
      "/**",
      ` * ${entity.description}`,
      ...relations,
      " */",
      `const ${name} = ${ctx.entitySchema(entity).source};`,
      `type ${name} = Infer<typeof ${name}>;`,
    ].join("\n");
  });
  const state = [
    "/** Each collection maps a record's key to the record. */",
    `const State = ${stateSchema(ctx).source};`,
    "type State = Infer<typeof State>;",
  ].join("\n");
  return [...blocks, state].join("\n\n");
}
