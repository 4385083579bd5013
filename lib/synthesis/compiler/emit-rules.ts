import { parseExpression } from "../spec/expression";
import { camelCase, snakeCase } from "../spec/names";
import { tsNames, type CompileContext } from "./context";
import { ExpressionEmitter } from "./emit-expression";

/**
 * The "Business rules" section: limits and permission lists as named constants, the fixed
 * current date, and one check function per entity with invariants. An invariant failing is
 * a bug in a tool (a missing precondition), so it throws a plain Error: the runtime reports
 * ENV_RUNTIME_ERROR and rolls the call back.
 */
export function emitRulesSection(ctx: CompileContext): string {
  const blocks: string[] = [
    `/** The simulated current date (what \`today()\` means in the spec), fixed so tasks are reproducible. */\nconst TODAY = ${JSON.stringify(ctx.spec.seed.today)};`,
  ];
  for (const rule of ctx.spec.rules ?? []) {
    if (rule.kind === "limit")
      blocks.push(`/** ${rule.description} */\nconst ${tsNames.rule(rule.name)} = ${rule.value};`);
    if (rule.kind === "permission") {
      const values = rule.allowed.map((v) => JSON.stringify(v)).join(", ");
      blocks.push(
        `/** ${rule.description} */\nconst ${tsNames.rule(rule.name)}: readonly string[] = [${values}];`,
      );
    }
  }
  for (const entityName of ctx.invariantEntities) {
    const entity = ctx.entity(entityName);
    const param = camelCase(snakeCase(entity.name));
    const emitter = new ExpressionEmitter({
      input: () => {
        throw new Error("invariants cannot read inputs");
      },
      rule: (name) => tsNames.rule(name),
      binding: (name) => name,
      it: param,
    });
    const checks = (ctx.spec.rules ?? []).flatMap((rule) => {
      if (rule.kind !== "invariant" || rule.entity !== entityName) return [];
      const message = `\`${entity.name} \${${param}.${entity.key}} breaks "${rule.name}": ${rule.description.replace(/[`\\$]/g, "\\$&")}\``;
      return [
        `  if (${emitter.emitNegation(parseExpression(rule.that))}) {`,
        `    throw new Error(${message});`,
        "  }",
      ];
    });
    for (const helper of emitter.helpers) ctx.helpers.add(helper);
    blocks.push(
      [
        `/** Rules every ${entity.name} keeps after each change. */`,
        `function check${entity.name}(${param}: ${tsNames.entityType(entity.name)}): void {`,
        ...checks,
        "}",
      ].join("\n"),
    );
  }
  return blocks.join("\n\n");
}
