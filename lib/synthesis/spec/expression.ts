/**
 * The spec's expression language: small enough to read at a glance, translated 1:1 into
 * TypeScript by the compiler and evaluated directly by the spec interpreter.
 *
 *   from.balance >= input.amount && from.status == 'active'
 *   input.total > rules.approval_limit ? 'pending_approval' : 'approved'
 *   requester.role in rules.approver_roles
 *
 * Paths are `input.<name>`, `rules.<name>`, `<binding>.<field>`, `it.<field>` (inside
 * `where`) or a bare scalar binding (`server_count`).
 */

export type BinaryOp =
  "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "+" | "-" | "*" | "/";

export type Expr =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "list"; items: Expr[] }
  | { kind: "path"; root: string; field?: string }
  | { kind: "unary"; op: "!" | "-"; operand: Expr }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { kind: "conditional"; test: Expr; then: Expr; otherwise: Expr }
  | { kind: "call"; name: string; args: Expr[] };

/** Functions available in expressions, with their arity. */
export const expressionFunctions = {
  today: 0,
  add_days: 2,
  days_between: 2,
  round: 2,
  min: 2,
  max: 2,
  lower: 1,
  contains: 2,
} as const;
export type FunctionName = keyof typeof expressionFunctions;

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    public readonly position: number,
  ) {
    super(message);
  }
}

type Token =
  | { type: "number"; value: number; pos: number }
  | { type: "string"; value: string; pos: number }
  | { type: "ident"; value: string; pos: number }
  | { type: "punct"; value: string; pos: number }
  | { type: "end"; pos: number };

const punctuation = [
  "||",
  "&&",
  "==",
  "!=",
  "<=",
  ">=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "!",
  "(",
  ")",
  "[",
  "]",
  ",",
  ".",
  "?",
  ":",
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ type: "number", value: Number(match[0]), pos: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ type: "ident", value: match[0], pos: i });
      i += match[0].length;
    } else if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) throw new ExpressionSyntaxError("unterminated string", i);
      tokens.push({ type: "string", value: source.slice(i + 1, end), pos: i });
      i = end + 1;
    } else {
      const op = punctuation.find((p) => source.startsWith(p, i));
      if (!op) throw new ExpressionSyntaxError(`unexpected character "${ch}"`, i);
      tokens.push({ type: "punct", value: op, pos: i });
      i += op.length;
    }
  }
  tokens.push({ type: "end", pos: source.length });
  return tokens;
}

const binaryLevels: BinaryOp[][] = [
  ["||"],
  ["&&"],
  ["==", "!=", "<", "<=", ">", ">=", "in"],
  ["+", "-"],
  ["*", "/"],
];

/** Parse an expression; throws `ExpressionSyntaxError` with the offending position. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const isPunct = (value: string) => {
    const token = peek();
    return token.type === "punct" && token.value === value;
  };
  const expect = (value: string) => {
    if (!isPunct(value)) throw new ExpressionSyntaxError(`expected "${value}"`, peek().pos);
    index++;
  };

  function conditional(): Expr {
    const test = binary(0);
    if (!isPunct("?")) return test;
    index++;
    const then = conditional();
    expect(":");
    return { kind: "conditional", test, then, otherwise: conditional() };
  }

  function binary(level: number): Expr {
    if (level === binaryLevels.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const token = peek();
      const op = binaryLevels[level].find(
        (candidate) =>
          (token.type === "punct" || token.type === "ident") && token.value === candidate,
      );
      if (!op) return left;
      index++;
      const right = binary(level + 1);
      left = { kind: "binary", op, left, right };
      // Comparisons do not chain: `a < b < c` is almost always a mistake.
      if (level === 2) return left;
    }
  }

  function unary(): Expr {
    if (isPunct("!") || isPunct("-")) {
      const op = (peek() as { value: "!" | "-" }).value;
      index++;
      return { kind: "unary", op, operand: unary() };
    }
    return primary();
  }

  function primary(): Expr {
    const token = peek();
    index++;
    switch (token.type) {
      case "number":
      case "string":
        return { kind: "literal", value: token.value };
      case "ident": {
        if (token.value === "true" || token.value === "false")
          return { kind: "literal", value: token.value === "true" };
        if (token.value === "null") return { kind: "literal", value: null };
        if (isPunct("(")) {
          index++;
          const args: Expr[] = [];
          while (!isPunct(")")) {
            args.push(conditional());
            if (!isPunct(")")) expect(",");
          }
          index++;
          return { kind: "call", name: token.value, args };
        }
        if (isPunct(".")) {
          index++;
          const field = peek();
          if (field.type !== "ident")
            throw new ExpressionSyntaxError("expected a field name after '.'", field.pos);
          index++;
          return { kind: "path", root: token.value, field: field.value };
        }
        return { kind: "path", root: token.value };
      }
      case "punct":
        if (token.value === "(") {
          const inner = conditional();
          expect(")");
          return inner;
        }
        if (token.value === "[") {
          const items: Expr[] = [];
          while (!isPunct("]")) {
            items.push(conditional());
            if (!isPunct("]")) expect(",");
          }
          index++;
          return { kind: "list", items };
        }
        throw new ExpressionSyntaxError(`unexpected "${token.value}"`, token.pos);
      case "end":
        throw new ExpressionSyntaxError("unexpected end of expression", token.pos);
    }
  }

  const result = conditional();
  if (peek().type !== "end")
    throw new ExpressionSyntaxError("unexpected text after the expression", peek().pos);
  return result;
}

/** Every `{name}` placeholder in a phrase or message template. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([a-z][a-z0-9_]*)\}/g)].map((match) => match[1]);
}

/** Names of the `input.<name>` paths an expression reads. */
export function inputsReadBy(expr: Expr): string[] {
  switch (expr.kind) {
    case "literal":
      return [];
    case "path":
      return expr.root === "input" && expr.field ? [expr.field] : [];
    case "list":
      return expr.items.flatMap(inputsReadBy);
    case "unary":
      return inputsReadBy(expr.operand);
    case "binary":
      return [...inputsReadBy(expr.left), ...inputsReadBy(expr.right)];
    case "conditional":
      return [
        ...inputsReadBy(expr.test),
        ...inputsReadBy(expr.then),
        ...inputsReadBy(expr.otherwise),
      ];
    case "call":
      return expr.args.flatMap(inputsReadBy);
  }
}
