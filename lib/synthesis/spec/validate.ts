import type { z } from "zod";
import { checkActions } from "./check-actions";
import { checkEntities, checkRules } from "./check-entities";
import { checkSeed } from "./check-seed";
import { DomainSpec, Action, Entity, Rule, Seed } from "./schema";

/** One thing wrong with a spec, located by a path such as `actions[2].inputs.amount.type`. */
export interface SpecProblem {
  path: string;
  message: string;
}

export type SpecValidation =
  { ok: true; spec: DomainSpec; problems: [] } | { ok: false; problems: SpecProblem[] };

/** `["actions", 2, "inputs", "amount"]` → `actions[2].inputs.amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join("");
}

export function formatProblems(problems: readonly SpecProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n");
}

function zodProblems(error: z.ZodError, prefix: PropertyKey[] = []): SpecProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message.replace(/^Invalid (input|option): /, "");
    if (issue.code === "unrecognized_keys")
      message = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    if (issue.code === "invalid_key")
      message = `invalid name: ${issue.issues.map((i) => i.message).join("; ")}`;
    if (issue.code === "invalid_union" && "discriminator" in issue) {
      message = `expected ${String(issue.discriminator)} to be one of ${(issue as { options?: unknown[] }).options?.map((o) => `"${String(o)}"`).join(", ")}`;
    }
    return { path: formatPath([...prefix, ...issue.path]), message };
  });
}

/**
 * Check a spec and return every problem found: structural ones (from the zod schema) and
 * cross-references (unknown entities and fields, duplicate names, undeclared or unraised error
 * codes, ill-typed expressions, seed rules that cannot be satisfied).
 *
 * Sections are parsed one element at a time so that one malformed action does not hide the
 * problems of the others.
 */
export function validateSpec(json: unknown): SpecValidation {
  const whole = DomainSpec.safeParse(json);
  if (whole.success) {
    const problems = crossCheck(whole.data, new Set());
    return problems.length ? { ok: false, problems } : { ok: true, spec: whole.data, problems: [] };
  }
  const problems = zodProblems(whole.error);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, problems };

  const raw = json as Record<string, unknown>;
  const brokenEntities = new Set<string>();
  // Original index of each parsed element, to point cross-check problems at the right place.
  const positions: Record<string, number[]> = {};
  const parsedList = <T>(key: string, schema: z.ZodType<T>): T[] => {
    const list = Array.isArray(raw[key]) ? (raw[key] as unknown[]) : [];
    positions[key] = [];
    return list.flatMap((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) {
        positions[key].push(index);
        return [parsed.data];
      }
      const name = (item as { name?: unknown } | null)?.name;
      if (key === "entities" && typeof name === "string") brokenEntities.add(name);
      return [];
    });
  };
  const seed = Seed.safeParse(raw.seed);
  const partial: CheckedSpec = {
    entities: parsedList("entities", Entity),
    actions: parsedList("actions", Action),
    rules: parsedList("rules", Rule),
    seed: seed.success ? seed.data : undefined,
  };
  const seen = new Set(problems.map((p) => `${p.path}|${p.message}`));
  for (const problem of crossCheck(partial, brokenEntities)) {
    const path = problem.path.replace(
      /^(entities|actions|rules)\[(\d+)\]/,
      (_, key: string, i: string) => `${key}[${positions[key][Number(i)]}]`,
    );
    if (!seen.has(`${path}|${problem.message}`)) problems.push({ ...problem, path });
  }
  return { ok: false, problems };
}

/** What the cross-checks need; `seed` may be missing when it did not parse. */
export interface CheckedSpec {
  entities: Entity[];
  actions: Action[];
  rules?: Rule[];
  seed?: DomainSpec["seed"];
}

function crossCheck(spec: CheckedSpec, brokenEntities: Set<string>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const context = { spec, brokenEntities, problems };
  checkEntities(context);
  checkRules(context);
  checkActions(context);
  if (spec.seed) checkSeed(context, spec.seed);
  return problems;
}

/** Parse and validate, throwing a `SpecInvalidError` listing every problem. */
export function parseSpec(json: unknown): DomainSpec {
  const result = validateSpec(json);
  if (!result.ok) throw new SpecInvalidError(result.problems);
  return result.spec;
}

export class SpecInvalidError extends Error {
  readonly code = "SPEC_INVALID";
  constructor(public readonly problems: SpecProblem[]) {
    super(
      `SPEC_INVALID: the domain spec has ${problems.length} problem(s):\n${formatProblems(problems)}`,
    );
  }
}
