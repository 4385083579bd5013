import { z } from "zod";

/**
 * The domain spec, format version 1: everything the offline compiler needs to write an
 * environment. Expressions (`that`, `where`, `value`, `key`) are strings in a small language
 * documented in `lib/synthesis/README.md`; `validateSpec` parses and type-checks them.
 *
 * Objects are strict so that a misspelt key ("efects") is reported instead of ignored.
 */

export const SPEC_VERSION = 1;

const snakeName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, "expected a snake_case name like `account_id`");
const pascalName = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]*$/, "expected a PascalCase entity name like `PurchaseOrder`");
const errorCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, "expected an UPPER_SNAKE error code like `OUT_OF_STOCK`");
const expression = z.string().min(1, "expected an expression");
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const fieldTypes = [
  "string",
  "number",
  "integer",
  "boolean",
  "date",
  "enum",
  "reference",
] as const;
export const FieldType = z.enum(fieldTypes);

/** Shape shared by entity fields and action inputs. */
const valueShape = {
  type: FieldType,
  description: z.string().optional(),
  values: z.array(z.string().min(1)).min(1).optional().describe("Allowed values of an `enum`."),
  entity: pascalName.optional().describe("Entity whose key a `reference` holds."),
  min: z
    .number()
    .optional()
    .describe("Inclusive bounds of a number/integer, enforced by the tool's input schema."),
  max: z.number().optional(),
};

export const EntityField = z
  .strictObject({
    ...valueShape,
    optional: z.boolean().optional().describe("The field may be null."),
    default: scalar
      .optional()
      .describe("Value used by `create` when no input or explicit value sets the field."),
  })
  .meta({ description: "A field of an entity." });

export const ActionInput = z
  .strictObject({
    ...valueShape,
    optional: z
      .boolean()
      .optional()
      .describe(
        "The caller may omit the input (it is then `null` in expressions unless `default` is set).",
      ),
    default: scalar.optional(),
  })
  .meta({ description: "An input of an action (a tool argument)." });

export const Relation = z
  .strictObject({
    name: snakeName.describe("Name of the relation as seen from this entity, e.g. `transactions`."),
    entity: pascalName,
    field: snakeName.describe("The reference field on `entity` that points back to this entity."),
    description: z.string().optional(),
  })
  .meta({
    description:
      "A one-to-many relation: records of `entity` whose `field` holds this entity's key.",
  });

export const Entity = z
  .strictObject({
    name: pascalName,
    plural: snakeName
      .optional()
      .describe("Name of the state collection; defaults to the snake_case plural of `name`."),
    description: z.string(),
    key: snakeName.describe(
      "The key field: a string, generated as `<keyPrefix>-0001`, `<keyPrefix>-0002`, …",
    ),
    keyPrefix: z.string().regex(/^[A-Z][A-Z0-9]*$/, "expected an upper-case prefix like `ACC`"),
    fields: z.record(snakeName, EntityField),
    relations: z.array(Relation).optional(),
  })
  .meta({ description: "A kind of record kept in the environment state." });

const errorRef = errorCode.meta({
  description: "Error code raised when the step fails; declare it in the action's `errors`.",
});

const optionalErrorRef = errorCode.optional().meta({
  description:
    "Error code raised when nothing matches; required when the caller's input decides the match.",
});

export const Step = z.discriminatedUnion("step", [
  z
    .strictObject({
      step: z.literal("load"),
      as: snakeName,
      entity: pascalName,
      key: expression,
      error: optionalErrorRef,
    })
    .meta({
      description:
        "Bind `as` to the record of `entity` whose key is `key`; raise `error` when there is none. `error` may be left out only when the key comes from the state (a stored reference), where a miss is a bug, not a caller mistake.",
    }),
  z
    .strictObject({
      step: z.literal("require"),
      that: expression,
      error: errorRef,
    })
    .meta({
      description: "Raise `error` unless the boolean expression `that` holds.",
    }),
  z
    .strictObject({
      step: z.literal("find"),
      as: snakeName,
      entity: pascalName,
      where: expression,
      orderBy: snakeName
        .optional()
        .describe(
          "When several records match, take the one with the lowest (or highest) value of this field.",
        ),
      order: z.enum(["asc", "desc"]).optional(),
      error: optionalErrorRef,
    })
    .meta({
      description:
        "Bind `as` to the first record of `entity` matching `where` (`it` is the candidate); raise `error` when none does.",
    }),
  z
    .strictObject({
      step: z.literal("forbid"),
      entity: pascalName,
      where: expression,
      error: errorRef,
    })
    .meta({
      description:
        "Raise `error` if any record of `entity` matches `where` (e.g. a conflicting booking).",
    }),
  z
    .strictObject({
      step: z.literal("aggregate"),
      as: snakeName,
      op: z.enum(["count", "sum"]),
      entity: pascalName,
      field: snakeName.optional(),
      where: expression.optional(),
    })
    .meta({
      description: "Bind `as` to the count of matching records, or the sum of `field` over them.",
    }),
]);

export const Effect = z.discriminatedUnion("effect", [
  z
    .strictObject({
      effect: z.literal("set"),
      target: snakeName,
      field: snakeName,
      value: expression,
    })
    .meta({ description: "Set a field of a bound record." }),
  z.strictObject({ effect: z.literal("patch"), target: snakeName }).meta({
    description:
      "Copy every provided input named like a field of the bound record onto it (partial update).",
  }),
  z
    .strictObject({
      effect: z.literal("create"),
      entity: pascalName,
      as: snakeName,
      values: z
        .record(snakeName, expression)
        .optional()
        .describe(
          "Field values; fields not listed take the same-named input, else the field's default.",
        ),
    })
    .meta({
      description: "Create a record with a fresh key and bind it to `as`.",
    }),
  z
    .strictObject({ effect: z.literal("delete"), target: snakeName })
    .meta({ description: "Remove a bound record from the state." }),
]);

export const Filter = z
  .strictObject({
    input: snakeName,
    field: snakeName
      .optional()
      .describe("Entity field compared with the input; defaults to the input's name."),
    op: z.enum(["eq", "lte", "gte", "contains"]).optional(),
  })
  .meta({
    description:
      "Keep records whose `field` compares with the input (skipped when the input is omitted).",
  });

export const actionKinds = [
  "create",
  "get",
  "list",
  "search",
  "update",
  "delete",
  "custom",
] as const;

export const Action = z
  .strictObject({
    name: snakeName.describe(
      "The tool name: a snake_case verb phrase, e.g. `create_purchase_order`.",
    ),
    kind: z.enum(actionKinds),
    entity: pascalName.describe(
      "The entity the action is about; `list`/`search` return records of it.",
    ),
    description: z.string(),
    inputs: z.record(snakeName, ActionInput),
    preconditions: z.array(Step).optional(),
    effects: z.array(Effect).optional(),
    filters: z.array(Filter).optional().describe("`list`/`search`: input-driven filters."),
    search: z
      .strictObject({ input: snakeName, fields: z.array(snakeName).min(1) })
      .optional()
      .describe(
        "`search`: case-insensitive substring match of one input over several text fields.",
      ),
    returns: snakeName
      .optional()
      .describe("Binding returned by the tool (a loaded, found or created record)."),
    errors: z
      .record(errorCode, z.string().min(1))
      .optional()
      .describe(
        "Every error code the action raises, with its message; `{input}` placeholders are filled in.",
      ),
    phrase: z
      .string()
      .min(1)
      .describe(
        'Task phrasing for one call, e.g. "Transfer {amount} from account {from_account_id} to {to_account_id}".',
      ),
  })
  .meta({ description: "One tool of the environment." });

export const Rule = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("limit"),
      name: snakeName,
      value: z.number(),
      description: z.string(),
    })
    .meta({
      description: "A named number, used in expressions as `rules.<name>`.",
    }),
  z
    .strictObject({
      kind: z.literal("permission"),
      name: snakeName,
      allowed: z.array(z.string().min(1)).min(1),
      description: z.string(),
    })
    .meta({
      description: "A named list of allowed values (roles, tiers), used as `x in rules.<name>`.",
    }),
  z
    .strictObject({
      kind: z.literal("invariant"),
      name: snakeName,
      entity: pascalName,
      that: expression,
      description: z.string(),
    })
    .meta({
      description: "A condition every record of `entity` (`it`) satisfies after every action.",
    }),
]);

const range = { min: z.number(), max: z.number() };
export const Generator = z.discriminatedUnion("gen", [
  z.strictObject({ gen: z.literal("person_name") }),
  z.strictObject({ gen: z.literal("first_name") }),
  z.strictObject({ gen: z.literal("last_name") }),
  z.strictObject({ gen: z.literal("company") }),
  z.strictObject({ gen: z.literal("city") }),
  z.strictObject({ gen: z.literal("phone") }),
  z
    .strictObject({
      gen: z.literal("email"),
      from: snakeName.optional(),
      domain: z.string().optional(),
    })
    .meta({
      description:
        "An address derived from another field of the same record (e.g. the name), or random.",
    }),
  z.strictObject({ gen: z.literal("pick"), values: z.array(scalar).min(1) }),
  z.strictObject({ gen: z.literal("integer"), ...range }),
  z.strictObject({
    gen: z.literal("number"),
    ...range,
    decimals: z.number().int().min(0).max(6).optional(),
  }),
  z.strictObject({
    gen: z.literal("date"),
    from: z.iso.date(),
    to: z.iso.date(),
  }),
  z.strictObject({
    gen: z.literal("boolean"),
    probability: z.number().min(0).max(1).optional(),
  }),
  z.strictObject({ gen: z.literal("ref") }).meta({
    description: "The key of a random record of the referenced entity.",
  }),
  z.strictObject({ gen: z.literal("sequence"), template: z.string() }).meta({
    description: 'Text with `{n}` replaced by the record\'s 1-based position, e.g. "Room {n}".',
  }),
  z.strictObject({ gen: z.literal("const"), value: scalar }),
]);

export const SeedEntity = z
  .strictObject({
    count: z
      .number()
      .int()
      .min(0)
      .max(500)
      .describe("Generated records, after the fixed `records`."),
    fields: z.record(snakeName, Generator).optional(),
    records: z
      .array(z.record(snakeName, scalar))
      .optional()
      .describe(
        "Hand-written records placed first (keys may be omitted); useful for scenarios like an out-of-stock item.",
      ),
  })
  .meta({
    description: "How to seed one entity. Fields without a generator get one from their type.",
  });

export const Seed = z
  .strictObject({
    today: z.iso
      .date()
      .describe(
        "The simulated current date, returned by `today()`; fixed so tasks are reproducible.",
      ),
    entities: z.record(pascalName, SeedEntity),
  })
  .meta({
    description: "Deterministic seed-data generation, driven by the episode's seeded random.",
  });

export const DomainSpec = z
  .strictObject({
    $schema: z.string().optional(),
    specVersion: z.literal(SPEC_VERSION),
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, "expected a short lower-case name like `procurement`")
      .describe("Short name, used for the environment package name."),
    title: z.string().min(1),
    summary: z.string().min(1),
    description: z.string().optional(),
    entities: z.array(Entity).min(1),
    actions: z.array(Action).min(1),
    rules: z.array(Rule).optional(),
    seed: Seed,
  })
  .meta({
    title: "EnvFactory domain spec",
    description:
      "A domain for EnvFactory: entities, actions (tools), rules and seed data. Version 1.",
  });

export type DomainSpec = z.infer<typeof DomainSpec>;
export type Entity = z.infer<typeof Entity>;
export type EntityField = z.infer<typeof EntityField>;
export type ActionInput = z.infer<typeof ActionInput>;
export type Action = z.infer<typeof Action>;
export type Step = z.infer<typeof Step>;
export type Effect = z.infer<typeof Effect>;
export type Filter = z.infer<typeof Filter>;
export type Rule = z.infer<typeof Rule>;
export type Generator = z.infer<typeof Generator>;
export type SeedEntity = z.infer<typeof SeedEntity>;
export type FieldType = z.infer<typeof FieldType>;
export type ActionKind = (typeof actionKinds)[number];
