import type { Expr } from "../spec/expression";
import { addDays } from "../spec/seed-plan";

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type RecordValue = { [field: string]: Value };

/** Names an expression can read while the oracle runs an action. */
export interface Env {
  input(name: string): Value;
  rule(name: string): Value;
  binding(name: string): Value | RecordValue;
  it?: RecordValue;
  today: string;
}

const DAY_MS = 86_400_000;

/**
 * Evaluate an expression with exactly the semantics of the TypeScript the compiler emits
 * (`==` is `===`, arithmetic is IEEE doubles), so the oracle predicts the generated code.
 */
export function evaluate(expr: Expr, env: Env): Value {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "list":
      return expr.items.map((item) => evaluate(item, env));
    case "path": {
      if (expr.root === "input") return env.input(expr.field!);
      if (expr.root === "rules") return env.rule(expr.field!);
      const base = expr.root === "it" ? env.it! : env.binding(expr.root);
      return expr.field ? (base as RecordValue)[expr.field] : (base as Value);
    }
    case "unary": {
      const value = evaluate(expr.operand, env);
      return expr.op === "!" ? !value : -(value as number);
    }
    case "conditional":
      return evaluate(expr.test, env) ? evaluate(expr.then, env) : evaluate(expr.otherwise, env);
    case "binary":
      return binary(expr, env);
    case "call": {
      const args = expr.args.map((arg) => evaluate(arg, env));
      switch (expr.name) {
        case "today":
          return env.today;
        case "add_days":
          return addDays(args[0] as string, args[1] as number);
        case "days_between":
          return Math.round(
            (Date.parse(`${args[1]}T00:00:00Z`) - Date.parse(`${args[0]}T00:00:00Z`)) / DAY_MS,
          );
        case "round": {
          const factor = 10 ** (args[1] as number);
          return Math.round((args[0] as number) * factor) / factor;
        }
        case "min":
          return Math.min(args[0] as number, args[1] as number);
        case "max":
          return Math.max(args[0] as number, args[1] as number);
        case "lower":
          return (args[0] as string).toLowerCase();
        case "contains":
          return (args[0] as string).toLowerCase().includes((args[1] as string).toLowerCase());
      }
      throw new Error(`unknown function ${expr.name}()`);
    }
  }
}

function binary(expr: Extract<Expr, { kind: "binary" }>, env: Env): Value {
  if (expr.op === "&&")
    return Boolean(evaluate(expr.left, env)) && Boolean(evaluate(expr.right, env));
  if (expr.op === "||")
    return Boolean(evaluate(expr.left, env)) || Boolean(evaluate(expr.right, env));
  const left = evaluate(expr.left, env) as number;
  const right = evaluate(expr.right, env) as number;
  switch (expr.op) {
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return left / right;
    case "in":
      return (right as unknown as Value[]).includes(left);
  }
}
