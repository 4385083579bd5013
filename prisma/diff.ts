/**
 * `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
 * SQL that takes the newest migration's schema snapshot to prisma/schema.prisma. Runs offline
 * through Prisma's WebAssembly schema engine (Prisma's CLI would download a native engine).
 * Each migration folder keeps the schema it produced (schema.snapshot.prisma) for the next diff.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { listMigrations } from "../lib/server/db/migrate";
import { resolveDatabaseUrl } from "../lib/server/db/url";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma/migrations");
const SNAPSHOT = "schema.snapshot.prisma";

async function loadEngine() {
  const wasm = await readFile(
    path.join(root, "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm"),
  );
  const { instance } = await WebAssembly.instantiate(wasm, {
    "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
  });
  engineModule.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return engineModule.SchemaEngine;
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error(
      "usage: npm run db:diff -- <migration_name>   (lower-case letters, digits and _)",
    );
    process.exit(2);
  }
  const schema = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
  const previous = (await listMigrations(migrationsDir)).at(-1);
  const previousSchema = previous
    ? await readFile(path.join(migrationsDir, previous.name, SNAPSHOT), "utf8")
    : null;

  const { url, stop } = await resolveDatabaseUrl();
  try {
    const SchemaEngine = await loadEngine();
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
    const engine = await SchemaEngine.new(
      { datamodels: [["schema.prisma", schema]] },
      () => undefined,
      adapter,
    );
    const result = await engine.diff({
      from: previousSchema
        ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: previousSchema }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    if (!sql || sql.includes("This is an empty migration")) {
      console.log("prisma/schema.prisma matches the newest migration: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    if (existsSync(dir)) throw new Error(`${dir} already exists`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    await writeFile(path.join(dir, SNAPSHOT), schema);
    console.log(
      `wrote ${path.relative(root, dir)}/migration.sql — review it, then npm run db:migrate`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
