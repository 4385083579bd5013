import type { BinaryOp, Expr } from "../spec/expression";

/** How the names of an expression become TypeScript. */
export interface ExpressionNames {
  input(name: string): string;
  rule(name: string): string;
  /** A record binding or a scalar binding. */
  binding(name: string): string;
  /** The candidate record inside a `where`. */
  it?: string;
}

/** Helper functions an expression needs in the generated file. */
export type Helper = "addDays" | "daysBetween" | "roundTo";

const precedence: Record<BinaryOp, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  in: 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
};
const tsOperator: Partial<Record<BinaryOp, string>> = { "==": "===", "!=": "!==" };
const negated: Partial<Record<BinaryOp, BinaryOp>> = {
  "==": "!=",
  "!=": "==",
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
};

const CONDITIONAL = 0;
const UNARY = 7;
const ATOM = 8;

export class ExpressionEmitter {
  readonly helpers = new Set<Helper>();
  constructor(private readonly names: ExpressionNames) {}

  emit(expr: Expr): string {
    return this.emitAt(expr, CONDITIONAL);
  }

  /** The condition under which a `require` fails, written without `!(...)` where possible. */
  emitNegation(expr: Expr): string {
    if (expr.kind === "unary" && expr.op === "!") return this.emit(expr.operand);
    if (expr.kind === "binary" && negated[expr.op])
      return this.emit({ ...expr, op: negated[expr.op]! });
    return `!${this.emitAt(expr, UNARY)}`;
  }

  private wrap(text: string, own: number, context: number) {
    return own < context ? `(${text})` : text;
  }

  private emitAt(expr: Expr, context: number): string {
    switch (expr.kind) {
      case "literal":
        return JSON.stringify(expr.value);
      case "list":
        return `[${expr.items.map((item) => this.emit(item)).join(", ")}]`;
      case "path":
        return this.path(expr.root, expr.field);
      case "unary":
        return this.wrap(`${expr.op}${this.emitAt(expr.operand, UNARY)}`, UNARY, context);
      case "conditional":
        return this.wrap(
          `${this.emitAt(expr.test, 1)} ? ${this.emitAt(expr.then, 1)} : ${this.emitAt(expr.otherwise, CONDITIONAL)}`,
          CONDITIONAL,
          context,
        );
      case "call":
        return this.call(expr.name, expr.args);
      case "binary": {
        const own = precedence[expr.op];
        if (expr.op === "in")
          return this.wrap(
            `${this.emitAt(expr.right, ATOM)}.includes(${this.emit(expr.left)})`,
            ATOM,
            context,
          );
        // Left-associative: the right operand binds tighter to keep `a - (b - c)` intact.
        const text = `${this.emitAt(expr.left, own)} ${tsOperator[expr.op] ?? expr.op} ${this.emitAt(expr.right, own + 1)}`;
        return this.wrap(text, own, context);
      }
    }
  }

  private path(root: string, field: string | undefined): string {
    if (root === "input") return this.names.input(field!);
    if (root === "rules") return this.names.rule(field!);
    const base = root === "it" ? this.names.it! : this.names.binding(root);
    return field ? `${base}.${field}` : base;
  }

  private call(name: string, args: Expr[]): string {
    const a = args.map((arg) => this.emit(arg));
    switch (name) {
      case "today":
        return "TODAY";
      case "add_days":
        this.helpers.add("addDays");
        return `addDays(${a[0]}, ${a[1]})`;
      case "days_between":
        this.helpers.add("daysBetween");
        return `daysBetween(${a[0]}, ${a[1]})`;
      case "round":
        this.helpers.add("roundTo");
        return `roundTo(${a[0]}, ${a[1]})`;
      case "min":
        return `Math.min(${a[0]}, ${a[1]})`;
      case "max":
        return `Math.max(${a[0]}, ${a[1]})`;
      case "lower":
        return `${this.emitAt(args[0], ATOM)}.toLowerCase()`;
      case "contains":
        return `${this.emitAt(args[0], ATOM)}.toLowerCase().includes(${this.emitAt(args[1], ATOM)}.toLowerCase())`;
      default:
        throw new Error(
          `unknown function ${name}() reached the compiler; validateSpec should have rejected it`,
        );
    }
  }
}

/** TypeScript source of the helpers, in a stable order. */
export const helperSource: Record<Helper, string> = {
  addDays: `/** The ISO date \`days\` days after \`date\`. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(\`\${date}T00:00:00Z\`) + days * DAY_MS).toISOString().slice(0, 10);
}`,
  daysBetween: `/** Whole days from \`from\` to \`to\` (negative when \`to\` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(\`\${to}T00:00:00Z\`) - Date.parse(\`\${from}T00:00:00Z\`)) / DAY_MS);
}`,
  roundTo: `function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}`,
};
