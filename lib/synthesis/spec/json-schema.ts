import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DomainSpec } from "./schema";

/** Where the committed JSON Schema lives (referenced from specs as `"$schema"`). */
export const JSON_SCHEMA_PATH = fileURLToPath(
  new URL("../domain-spec.schema.json", import.meta.url),
);

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
