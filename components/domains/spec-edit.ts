/**
 * Edits the spec form makes. They work on whatever JSON the raw editor holds (it may not be a
 * valid spec yet), so every access is defensive; each returns a new object.
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const list = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter(isObject) : [];

export const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A copy of the spec with `change` applied to it. */
export function edit(spec: Json, change: (draft: Json) => void): Json {
  const draft = structuredClone(spec);
  change(draft);
  return draft;
}

export const PASCAL_NAME = /^[A-Z][A-Za-z0-9]*$/;

/** Why an entity cannot be renamed to `to`, or null when it can. */
export function renameProblem(spec: Json, from: string, to: string): string | null {
  if (!PASCAL_NAME.test(to)) return "use a PascalCase name like PurchaseOrder";
  if (to !== from && list(spec.entities).some((e) => e.name === to))
    return `another entity is already named ${to}`;
  return null;
}

/**
 * Renames an entity and every reference to it: `entity` of reference fields, relations,
 * actions, steps, effects and invariants, and its seed settings.
 */
export function renameEntity(spec: Json, from: string, to: string): Json {
  const rename = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rename);
    if (!isObject(node)) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === "entity" && value === from ? to : rename(value),
      ]),
    );
  };
  const renamed = rename(spec) as Json;
  for (const entity of list(renamed.entities)) if (entity.name === from) entity.name = to;
  const seed = isObject(renamed.seed) ? renamed.seed : undefined;
  if (seed && isObject(seed.entities) && from in seed.entities) {
    seed.entities = Object.fromEntries(
      Object.entries(seed.entities).map(([name, value]) => [name === from ? to : name, value]),
    );
  }
  return renamed;
}

export function seedCount(spec: Json, entity: string): number | "" {
  const seed = isObject(spec.seed) && isObject(spec.seed.entities) ? spec.seed.entities : {};
  const entry = seed[entity];
  return isObject(entry) && typeof entry.count === "number" ? entry.count : "";
}

export function setSeedCount(spec: Json, entity: string, count: number): Json {
  return edit(spec, (draft) => {
    if (!isObject(draft.seed))
      draft.seed = { today: new Date().toISOString().slice(0, 10), entities: {} };
    const seed = draft.seed as Json;
    if (!isObject(seed.entities)) seed.entities = {};
    const entities = seed.entities as Json;
    entities[entity] = { ...(isObject(entities[entity]) ? entities[entity] : {}), count };
  });
}

/** Sets `key` of the `index`-th element of the list `section` ("entities", "actions", "rules"). */
export function setItemField(
  spec: Json,
  section: string,
  index: number,
  key: string,
  value: unknown,
): Json {
  return edit(spec, (draft) => {
    const item = Array.isArray(draft[section]) ? (draft[section] as unknown[])[index] : undefined;
    if (isObject(item)) item[key] = value;
  });
}

/** The `{placeholders}` an action's phrase may use: its inputs. */
export function inputNames(action: Json): string[] {
  return isObject(action.inputs) ? Object.keys(action.inputs) : [];
}

/** A minimal valid spec to start a domain that has none. */
export function starterSpec(domainName: string): Json {
  const name =
    domainName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "domain";
  return {
    specVersion: 1,
    name: /^[a-z]/.test(name) ? name : `d-${name}`,
    title: domainName,
    summary: `Items kept by ${domainName}.`,
    entities: [
      {
        name: "Item",
        description: "A record the software keeps.",
        key: "item_id",
        keyPrefix: "ITM",
        fields: { item_id: { type: "string" }, title: { type: "string" } },
      },
    ],
    actions: [
      {
        name: "get_item",
        kind: "get",
        entity: "Item",
        description: "Look up an item by its id.",
        inputs: { item_id: { type: "string" } },
        preconditions: [
          {
            step: "load",
            as: "item",
            entity: "Item",
            key: "input.item_id",
            error: "ITEM_NOT_FOUND",
          },
        ],
        returns: "item",
        errors: { ITEM_NOT_FOUND: "No item {item_id}" },
        phrase: "Look up item {item_id}",
      },
    ],
    seed: { today: new Date().toISOString().slice(0, 10), entities: { Item: { count: 10 } } },
  };
}
