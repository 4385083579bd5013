import type { Manifest } from "@/lib/runtime/types";
import type { DomainSpec } from "../spec/schema";
import { CompileContext } from "./context";
import { emitHelpers } from "./helpers-source";
import { emitRulesSection } from "./emit-rules";
import { emitRecordSection, stateSchema } from "./emit-schemas";
import { emitSeedSection } from "./emit-seed";
import { emitTool } from "./emit-tools";
import { wrap } from "./text";

/** Version written into generated environments; bump when the generated code's shape changes. */
export const GENERATED_VERSION = "1.0.0";

function banner(title: string): string {
  return `// ═══ ${title} ${"═".repeat(Math.max(3, 94 - title.length))}`;
}

/**
 * Compile a validated spec into the source of `environment.ts` and its manifest. Pure and
 * deterministic: the same spec always gives the same text.
 */
export function emitEnvironment(spec: DomainSpec): { source: string; manifest: Manifest } {
  const ctx = new CompileContext(spec);
  const tools = spec.actions.map((action) => emitTool(ctx, action));
  const records = emitRecordSection(ctx);
  const rules = emitRulesSection(ctx);
  const seed = emitSeedSection(ctx);
  const helpers = emitHelpers(ctx.helpers);
  const usesToolError = spec.actions.some((action) => Object.keys(action.errors ?? {}).length > 0);

  const header = [
    "/**",
    ` * ${spec.title} — an EnvFactory environment generated from the domain spec "${spec.name}" (spec.json).`,
    " *",
    ...wrap(spec.summary, 94, " * "),
    ...(spec.description ? [" *", ...wrap(spec.description, 94, " * ")] : []),
    " *",
    " * Layout: records and state, business rules, tools (one function each), seed data, helpers.",
    " * Every check a tool makes comes before any change, so a failing call changes nothing.",
    " * The self-tests in tests.json pin each tool's behaviour; keep them passing when you edit.",
    " */",
    `import { defineEnvironment, s, ${usesToolError ? "ToolError, " : ""}type Infer, type ToolContext } from "@envfactory/sdk";`,
  ].join("\n");

  const definition = [
    "export default defineEnvironment({",
    `  name: ${JSON.stringify(spec.name)},`,
    `  version: ${JSON.stringify(GENERATED_VERSION)},`,
    `  description: ${JSON.stringify(spec.summary)},`,
    "  state: State,",
    "  initialState,",
    "  tools: {",
    ...tools.map((tool) => tool.registration),
    "  },",
    "});",
  ].join("\n");

  const source = [
    header,
    banner("Records"),
    records,
    banner("Business rules"),
    rules,
    banner("Tools"),
    ...tools.map((tool) => tool.section),
    banner("Seed data"),
    seed,
    ...(helpers ? [banner("Helpers"), helpers] : []),
    definition,
  ].join("\n\n");

  const manifest: Manifest = {
    name: spec.name,
    version: GENERATED_VERSION,
    description: spec.summary,
    stateSchema: stateSchema(ctx).value,
    tools: tools.map((tool) => tool.manifest),
  };
  return { source: `${source}\n`, manifest };
}
