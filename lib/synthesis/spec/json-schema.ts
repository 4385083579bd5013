import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DomainSpec } from "./schema";

/**
 * Where the committed JSON Schema lives (referenced from specs as `"$schema"`). Resolved from the
 * project root because bundlers (the Next.js server build) move compiled code away from its source.
 */
export const JSON_SCHEMA_PATH = path.join(process.cwd(), "lib/synthesis/domain-spec.schema.json");

/** The domain spec's JSON Schema, generated from the zod schema (the single source of truth). */
export function domainSpecJsonSchema(): string {
  const schema = z.toJSONSchema(DomainSpec, {
    io: "input",
    target: "draft-2020-12",
  });
  return `${JSON.stringify({ ...schema, $id: "https://envfactory.dev/schemas/domain-spec.v1.json" }, null, 2)}\n`;
}

// `npx tsx lib/synthesis/spec/json-schema.ts` rewrites the committed file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(JSON_SCHEMA_PATH, domainSpecJsonSchema());
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
