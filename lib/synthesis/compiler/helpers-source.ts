import { helperSource as expressionHelpers } from "./emit-expression";
import { wordListSource, type WordList } from "./word-lists";

interface HelperDef {
  source: string;
  needs?: string[];
}

const fileHelpers: Record<string, HelperDef> = {
  DAY_MS: { source: "const DAY_MS = 86_400_000;" },
  keyFor: {
    source: `/** The key of the \`n\`-th record with this prefix: keyFor("ACC", 7) → "ACC-0007". */
function keyFor(prefix: string, n: number): string {
  return \`\${prefix}-\${String(n).padStart(4, "0")}\`;
}`,
  },
  keyRange: {
    source: `/** The keys of the first \`count\` records with this prefix. */
function keyRange(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => keyFor(prefix, i + 1));
}`,
    needs: ["keyFor"],
  },
  nextKey: {
    source: `/** A key one above the highest in use, so keys of deleted records are never reused. */
function nextKey(records: Record<string, unknown>, prefix: string): string {
  let highest = 0;
  for (const key of Object.keys(records)) {
    const n = Number(key.slice(prefix.length + 1));
    if (key.startsWith(\`\${prefix}-\`) && Number.isInteger(n) && n > highest) highest = n;
  }
  return keyFor(prefix, highest + 1);
}`,
    needs: ["keyFor"],
  },
  lookup: {
    source: `/** The record stored under \`key\`; never an inherited property such as "constructor". */
function lookup<T>(records: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(records, key) ? records[key] : undefined;
}`,
  },
  personName: {
    source: `function personName(ctx: ToolContext): string {
  return \`\${ctx.pick(FIRST_NAMES)} \${ctx.pick(LAST_NAMES)}\`;
}`,
    needs: ["FIRST_NAMES", "LAST_NAMES"],
  },
  emailFor: {
    source: `/** "Maya Patel" → "maya.patel@example.com". */
function emailFor(name: string, domain: string): string {
  return \`\${name.toLowerCase().replace(/[^a-z0-9]+/g, ".").replace(/^\\.|\\.$/g, "")}@\${domain}\`;
}`,
  },
  phoneNumber: {
    source: `/** A number in the +1 555-01xx range, reserved for fiction. */
function phoneNumber(ctx: ToolContext): string {
  return \`+1 555-01\${String(ctx.randomInt(0, 99)).padStart(2, "0")}\`;
}`,
  },
  decimalBetween: {
    source: `function decimalBetween(ctx: ToolContext, min: number, max: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((min + ctx.random() * (max - min)) * factor) / factor;
}`,
  },
  dateBetween: {
    source: `/** A date from \`from\` to \`to\` inclusive (both YYYY-MM-DD). */
function dateBetween(ctx: ToolContext, from: string, to: string): string {
  const start = Date.parse(\`\${from}T00:00:00Z\`);
  const days = Math.round((Date.parse(\`\${to}T00:00:00Z\`) - start) / DAY_MS);
  return new Date(start + ctx.randomInt(0, days) * DAY_MS).toISOString().slice(0, 10);
}`,
    needs: ["DAY_MS"],
  },
  addDays: { source: expressionHelpers.addDays, needs: ["DAY_MS"] },
  daysBetween: { source: expressionHelpers.daysBetween, needs: ["DAY_MS"] },
  roundTo: { source: expressionHelpers.roundTo },
};

const wordListNames = new Set<string>(["FIRST_NAMES", "LAST_NAMES", "COMPANIES", "CITIES"]);

/** Order in which helpers appear in the file: constants and lists first, then functions. */
const order = [
  "DAY_MS",
  "FIRST_NAMES",
  "LAST_NAMES",
  "COMPANIES",
  "CITIES",
  ...Object.keys(fileHelpers).filter((k) => k !== "DAY_MS"),
];

/** Source of the used helpers and everything they need, in a fixed order. */
export function emitHelpers(used: Iterable<string>): string {
  const all = new Set<string>();
  const add = (name: string) => {
    if (all.has(name)) return;
    all.add(name);
    for (const dep of fileHelpers[name]?.needs ?? []) add(dep);
  };
  for (const name of used) add(name);
  return order
    .filter((name) => all.has(name))
    .map((name) =>
      wordListNames.has(name) ? wordListSource(name as WordList) : fileHelpers[name].source,
    )
    .join("\n\n");
}
