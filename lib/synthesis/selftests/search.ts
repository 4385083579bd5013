import type { Action } from "../spec/schema";
import type { Value } from "../oracle/evaluate";
import type { Args, Oracle, Outcome, StateValue } from "../oracle/interpret";

/** A call and what the oracle says it does. */
export interface Example {
  args: Args;
  outcome: Outcome;
}

/** Deterministic PRNG (mulberry32), seeded from a string so each action explores its own way. */
function seededRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (const ch of seedText) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outcomeKey(outcome: Outcome): string {
  return outcome.kind === "ok" ? "ok" : outcome.kind === "error" ? outcome.code : "broken";
}

/** Key under which successful calls whose result tells something are also filed. */
export const TELLING = "ok:telling";

/** A success that shows something: any record, or a list that found at least one. */
function isTelling(outcome: Outcome): boolean {
  if (outcome.kind !== "ok") return false;
  const count = (outcome.result as { count?: unknown }).count;
  return typeof count !== "number" || count > 0;
}

/** Drop omitted optional inputs so the args are plain JSON. */
function compact(args: Args): Args {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}

/**
 * Explore calls of one action in one state: random combinations of candidate values, then
 * every single-input variation of each example found. Stops once every wanted outcome has an
 * example. Returns all examples per outcome key, in the order found.
 */
export function explore(
  oracle: Oracle,
  action: Action,
  state: StateValue,
  candidates: Record<string, (Value | undefined)[]>,
  wanted: Set<string>,
  budget: number,
  partials: Args[] = [],
): Map<string, Example[]> {
  const found = new Map<string, Example[]>();
  const tried = new Set<string>();
  const names = Object.keys(candidates);
  let calls = 0;
  const done = () => [...wanted].every((key) => found.has(key));
  const attempt = (args: Args) => {
    const clean = compact(args);
    const id = JSON.stringify(clean);
    if (tried.has(id) || calls >= budget) return;
    tried.add(id);
    calls++;
    const outcome = oracle.run(action, clean, state);
    const key = outcomeKey(outcome);
    for (const k of isTelling(outcome) ? [key, TELLING] : [key]) {
      const list = found.get(k) ?? [];
      // A few examples per outcome are enough to choose a good one from.
      if (list.length < 8) list.push({ args: clean, outcome });
      found.set(k, list);
    }
  };

  const random = seededRandom(action.name);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const randomArgs = () => Object.fromEntries(names.map((name) => [name, pick(candidates[name])]));
  if (names.length === 0) attempt({});
  for (const partial of partials) {
    if (done() || calls >= budget / 2) break;
    attempt({ ...randomArgs(), ...partial });
  }
  for (let round = 0; round < budget / 2 && !done() && calls < budget; round++) {
    attempt(randomArgs());
  }
  // Vary one input at a time around what was found: reaches errors guarded by earlier checks.
  const bases = [...found.values()].flat().map((example) => example.args);
  for (const base of bases) {
    for (const name of names) {
      for (const value of candidates[name]) {
        if (done() || calls >= budget) return found;
        attempt({ ...base, [name]: value });
      }
    }
  }
  return found;
}
