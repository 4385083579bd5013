import type { Action, DomainSpec, Entity, EntityField, ActionInput } from "../spec/schema";
import { camelCase, collectionName, pascalCase } from "../spec/names";
import { sx, type SchemaSource } from "./schema-source";

/** Everything the emitters share while writing one environment file. */
export class CompileContext {
  /** File-level helper functions and word lists the emitted code uses. */
  readonly helpers = new Set<string>();
  /** Entities with invariant rules, each checked by a `check<Entity>` function. */
  readonly invariantEntities: Set<string>;
  private readonly schemas = new Map<string, SchemaSource>();

  constructor(readonly spec: DomainSpec) {
    this.invariantEntities = new Set(
      (spec.rules ?? []).flatMap((rule) => (rule.kind === "invariant" ? [rule.entity] : [])),
    );
  }

  /** An entity's record schema: optional fields are nullable (always present, possibly null). */
  entitySchema(entity: Entity): SchemaSource {
    let schema = this.schemas.get(entity.name);
    if (!schema) {
      schema = sx.object(
        Object.entries(entity.fields).map(([name, field]): [string, SchemaSource] => {
          const value = this.valueSchema(field, name === entity.key ? entity : undefined);
          return [name, field.optional ? sx.nullable(value) : value];
        }),
      );
      this.schemas.set(entity.name, schema);
    }
    return schema;
  }

  entity(name: string): Entity {
    const entity = this.spec.entities.find((e) => e.name === name);
    if (!entity)
      throw new Error(
        `unknown entity ${name} reached the compiler; validateSpec should have rejected it`,
      );
    return entity;
  }

  collection(entityName: string): string {
    return `state.${collectionName(this.entity(entityName))}`;
  }

  /** Schema of one field (entity field or input), with a description that helps an agent. */
  valueSchema(decl: EntityField | ActionInput, keyOf?: Entity): SchemaSource {
    const description = describeValue(decl, keyOf);
    switch (decl.type) {
      case "string":
        return sx.string({ description });
      case "reference":
        return sx.string({ minLength: 1, description });
      case "number":
        return sx.number({ minimum: decl.min, maximum: decl.max, description });
      case "integer":
        return sx.integer({ minimum: decl.min, maximum: decl.max, description });
      case "boolean":
        return sx.boolean({ description });
      case "date":
        return sx.string({ pattern: ISO_DATE_PATTERN, description });
      case "enum":
        return sx.enum(decl.values ?? [], { description });
    }
  }
}

export function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? `an ${word}` : `a ${word}`;
}

const ISO_DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

function describeValue(decl: EntityField | ActionInput, keyOf?: Entity): string | undefined {
  const parts: string[] = [];
  if (keyOf) parts.push(`Unique key of the ${keyOf.name}, e.g. "${keyOf.keyPrefix}-0001".`);
  if (decl.description) parts.push(decl.description);
  if (decl.type === "date") parts.push("Date, YYYY-MM-DD.");
  if (decl.type === "reference") parts.push(`Key of ${article(decl.entity!)}.`);
  return parts.length ? parts.join(" ") : undefined;
}

/** TypeScript names derived from spec names. */
export const tsNames = {
  /** Type and schema constant of an entity. */
  entityType: (entity: string) => entity,
  toolFunction: (action: Action) => camelCase(action.name),
  inputSchema: (action: Action) => `${pascalCase(action.name)}Input`,
  outputSchema: (action: Action) => `${pascalCase(action.name)}Output`,
  /** Constants for rules: `approval_limit` → `APPROVAL_LIMIT`. */
  rule: (name: string) => name.toUpperCase(),
  binding: (name: string) => safeIdentifier(camelCase(name)),
  seedFunction: (entity: Entity) => `seed${pascalCase(collectionName(entity))}`,
};

const reservedWords = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

/** A spec name that is a JavaScript keyword (`new`, `case`) gets a trailing underscore. */
export function safeIdentifier(name: string): string {
  return reservedWords.has(name) ? `${name}_` : name;
}
