import type { z } from "zod";
import { invalidInput, notFound } from "@/lib/server/errors";

/** Parses service input with zod; every problem comes back with its path, e.g. `name: too short`. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = problems
      .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
      .join("; ");
    throw invalidInput(summary, problems);
  }
  return result.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything that is not one of ours is simply not found. */
export function idOrNotFound(id: string, what: string): string {
  if (!UUID.test(id)) throw notFound(what);
  return id;
}
