import type { JsonValue } from "@/lib/runtime";
import { singular } from "../graph/schema-fields";

type JsonObject = { [key: string]: JsonValue };
export type Scalar = string | number | boolean;

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The values an episode's seed state holds, by field name: where arguments that name existing
 * things (ids, names, statuses) come from, so tasks never invent records that do not exist.
 */
export class StatePool {
  private readonly byName = new Map<string, Scalar[]>();
  private readonly seen = new Set<string>();
  /** Every distinct number in the state (sizes, stocks, balances): scales for risky amounts. */
  readonly allNumbers: number[] = [];

  constructor(state: JsonValue) {
    this.walk(state, undefined, 0);
  }

  /** Distinct values stored under this field name, in state order. */
  values(name: string): Scalar[] {
    return this.byName.get(name) ?? [];
  }

  numbers(name: string): number[] {
    return this.values(name).filter((v): v is number => typeof v === "number");
  }

  /** The value already exists in the seed state (as opposed to being created by a call). */
  has(value: JsonValue): boolean {
    return (typeof value === "string" || typeof value === "number") && this.seen.has(key(value));
  }

  private add(name: string, value: Scalar): void {
    let list = this.byName.get(name);
    if (!list) this.byName.set(name, (list = []));
    if (!list.includes(value)) list.push(value);
    if (typeof value !== "boolean") this.seen.add(key(value));
    if (typeof value === "number") {
      if (!this.allNumbers.includes(value)) this.allNumbers.push(value);
    }
  }

  /** `collection` is the property holding this node (its records' noun, once singular). */
  private walk(node: JsonValue, collection: string | undefined, depth: number): void {
    if (depth > 6) return;
    if (Array.isArray(node)) {
      for (const item of node) this.walk(item, collection, depth + 1);
      return;
    }
    if (!isObject(node)) return;
    const noun = collection ? singular(collection) : undefined;
    const entries = Object.entries(node);
    // A map of records keyed by id: the keys are ids even when records do not repeat them.
    const isRecordMap = entries.length > 0 && entries.every(([, v]) => isObject(v));
    for (const [name, value] of entries) {
      if (isRecordMap) {
        if (noun && !Object.values(value as JsonObject).includes(name))
          this.add(`${noun}_id`, name);
        this.walk(value, collection, depth + 1);
      } else if (value !== null && typeof value === "object") {
        this.walk(value, name, depth + 1);
      } else if (value !== null) {
        this.add(name, value);
        if (name === "id" && noun) this.add(`${noun}_id`, value);
      }
    }
  }
}

const key = (value: string | number) => `${typeof value}:${value}`;
