import { parseExpression, templatePlaceholders, type Expr } from "../spec/expression";
import { camelCase, collectionName, snakeCase } from "../spec/names";
import type { Action, ActionInput, Effect, Entity, Step } from "../spec/schema";
import { createdFromInputs, filterField, patchedFields, returnedBinding } from "../spec/semantics";
import { safeIdentifier, tsNames, type CompileContext } from "./context";
import { ExpressionEmitter } from "./emit-expression";
import { sx, type SchemaSource } from "./schema-source";
import { WIDTH, wrap } from "./text";
import type { ToolManifest } from "@/lib/runtime/types";

/** What one action contributes to the file: its section and its entry in `tools`. */
export interface EmittedTool {
  section: string;
  registration: string;
  manifest: ToolManifest;
}

function inputDefault(input: ActionInput): string | undefined {
  return input.default === undefined || input.default === null
    ? undefined
    : JSON.stringify(input.default);
}

/** `{name}` placeholders → `${args.name}` inside a template literal (or a plain string without any). */
function messageSource(template: string, action: Action): string {
  if (templatePlaceholders(template).length === 0) return JSON.stringify(template);
  const escaped = template.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${");
  return `\`${escaped.replace(/\{([a-z][a-z0-9_]*)\}/g, (_, name: string) => {
    const input = action.inputs[name];
    return input?.optional ? `\${args.${name} ?? "(none)"}` : `\${args.${name}}`;
  })}\``;
}

class ToolWriter {
  private readonly lines: string[] = [];
  /** Record bindings → entity name. */
  private readonly records = new Map<string, string>();
  private readonly bindingNames: Set<string>;

  constructor(
    private readonly ctx: CompileContext,
    private readonly action: Action,
  ) {
    this.bindingNames = new Set([
      ...(action.preconditions ?? []).flatMap((step) =>
        "as" in step ? [tsNames.binding(step.as)] : [],
      ),
      ...(action.effects ?? []).flatMap((effect) =>
        effect.effect === "create" ? [tsNames.binding(effect.as)] : [],
      ),
    ]);
  }

  private line(text = "") {
    this.lines.push(text ? `  ${text}` : "");
  }

  /** `head + argument + tail` on one line, or with the argument on its own line when long. */
  private call(head: string, argument: string, tail: string) {
    const oneLine = `${head}${argument}${tail}`;
    if (oneLine.length <= WIDTH - 2) this.line(oneLine);
    else this.lines.push(`  ${head}`, `    ${argument},`, `  ${tail.replace(/^\)/, ")")}`);
  }

  /** The lambda parameter standing for `it`: the entity's name, unless a binding already uses it. */
  private paramFor(entity: string): string {
    const name = safeIdentifier(camelCase(snakeCase(entity)));
    return this.bindingNames.has(name) || name === "args" || name === "state" ? "candidate" : name;
  }

  private emitter(it?: string) {
    const { action } = this;
    const emitter = new ExpressionEmitter({
      input: (name) => {
        const input = action.inputs[name];
        if (!input.optional) return `args.${name}`;
        return `(args.${name} ?? ${inputDefault(input) ?? "null"})`;
      },
      rule: (name) => tsNames.rule(name),
      binding: (name) => tsNames.binding(name),
      it,
    });
    return emitter;
  }

  private expr(source: string | Expr, it?: string): string {
    const emitter = this.emitter(it);
    const text = emitter.emit(typeof source === "string" ? parseExpression(source) : source);
    for (const helper of emitter.helpers) this.ctx.helpers.add(helper);
    return text;
  }

  private negation(source: string): string {
    const emitter = this.emitter();
    const text = emitter.emitNegation(parseExpression(source));
    for (const helper of emitter.helpers) this.ctx.helpers.add(helper);
    return text;
  }

  /** Raise the declared error, or (no code) report a dangling stored reference as a bug. */
  private fail(code: string | undefined, missing: string) {
    if (!code) {
      this.line(
        "  // Stored references point at existing records; a miss means the state is inconsistent.",
      );
      this.line(`  throw new Error(${missing});`);
      return;
    }
    const message = this.action.errors?.[code] ?? code;
    const args = [JSON.stringify(code), messageSource(message, this.action)];
    const oneLine = `throw new ToolError(${args.join(", ")});`;
    if (oneLine.length <= WIDTH - 4) this.line(`  ${oneLine}`);
    else
      this.lines.push("    throw new ToolError(", ...args.map((arg) => `      ${arg},`), "    );");
  }

  step(step: Step) {
    const all = (entity: string) => `Object.values(${this.ctx.collection(entity)})`;
    switch (step.step) {
      case "load": {
        const name = tsNames.binding(step.as);
        this.ctx.helpers.add("lookup");
        const key = this.expr(step.key);
        this.line(`const ${name} = lookup(${this.ctx.collection(step.entity)}, ${key});`);
        this.line(`if (!${name}) {`);
        this.fail(step.error, `\`${step.entity} \${${key}} is missing\``);
        this.line("}");
        this.records.set(step.as, step.entity);
        return;
      }
      case "require":
        this.line(`if (${this.negation(step.that)}) {`);
        this.fail(step.error, "");
        this.line("}");
        return;
      case "find": {
        const name = tsNames.binding(step.as);
        const param = this.paramFor(step.entity);
        const where = `(${param}) => ${this.expr(step.where, param)}`;
        if (step.orderBy) {
          const field = this.ctx.entity(step.entity).fields[step.orderBy];
          const [a, b] = step.order === "desc" ? ["b", "a"] : ["a", "b"];
          const compare =
            field.type === "number" || field.type === "integer"
              ? `${a}.${step.orderBy} - ${b}.${step.orderBy}`
              : `${a}.${step.orderBy} < ${b}.${step.orderBy} ? -1 : ${a}.${step.orderBy} > ${b}.${step.orderBy} ? 1 : 0`;
          this.line(
            `// The ${step.order === "desc" ? "highest" : "lowest"} ${step.orderBy} wins when several match.`,
          );
          this.line(`const ${name} = ${all(step.entity)}`);
          this.line(`  .filter(${where})`);
          this.line(`  .sort((a, b) => ${compare})[0];`);
        } else {
          this.call(`const ${name} = ${all(step.entity)}.find(`, where, ");");
        }
        this.line(`if (!${name}) {`);
        this.fail(step.error, JSON.stringify(`no ${step.entity} matches ${step.where}`));
        this.line("}");
        this.records.set(step.as, step.entity);
        return;
      }
      case "forbid": {
        const param = this.paramFor(step.entity);
        this.call(
          `if (${all(step.entity)}.some(`,
          `(${param}) => ${this.expr(step.where, param)}`,
          ")) {",
        );
        this.fail(step.error, "");
        this.line("}");
        return;
      }
      case "aggregate": {
        const param = this.paramFor(step.entity);
        const name = tsNames.binding(step.as);
        const filter = step.where ? [`.filter((${param}) => ${this.expr(step.where, param)})`] : [];
        const finish =
          step.op === "count"
            ? [".length"]
            : [`.reduce((total, ${param}) => total + ${param}.${step.field}, 0)`];
        const oneLine = `const ${name} = ${all(step.entity)}${[...filter, ...finish].join("")};`;
        if (oneLine.length <= WIDTH - 2) this.line(oneLine);
        else {
          this.line(`const ${name} = ${all(step.entity)}`);
          [...filter, ...finish].forEach((part, i, parts) =>
            this.line(`  ${part}${i === parts.length - 1 ? ";" : ""}`),
          );
        }
        return;
      }
    }
  }

  effect(effect: Effect, touched: Set<string>) {
    switch (effect.effect) {
      case "set": {
        const target = `${tsNames.binding(effect.target)}.${effect.field}`;
        const value = parseExpression(effect.value);
        const self = (e: Expr) =>
          e.kind === "path" && e.root === effect.target && e.field === effect.field;
        if (value.kind === "binary" && (value.op === "+" || value.op === "-") && self(value.left)) {
          this.line(`${target} ${value.op}= ${this.expr(value.right)};`);
        } else {
          this.line(`${target} = ${this.expr(effect.value)};`);
        }
        touched.add(effect.target);
        return;
      }
      case "patch": {
        const binding = tsNames.binding(effect.target);
        const entity = this.ctx.entity(this.records.get(effect.target)!);
        if (
          patchedFields(this.action, entity).some((field) => this.action.inputs[field].optional)
        ) {
          this.line("// Only the fields the caller passed change.");
        }
        for (const field of patchedFields(this.action, entity)) {
          if (this.action.inputs[field].optional)
            this.line(`if (args.${field} !== undefined) ${binding}.${field} = args.${field};`);
          else this.line(`${binding}.${field} = args.${field};`);
        }
        touched.add(effect.target);
        return;
      }
      case "create": {
        const entity = this.ctx.entity(effect.entity);
        const name = tsNames.binding(effect.as);
        const fromInputs = createdFromInputs(this.action, entity, effect.values);
        this.ctx.helpers.add("nextKey");
        this.line(`const ${name}: ${tsNames.entityType(entity.name)} = {`);
        for (const [field, decl] of Object.entries(entity.fields)) {
          let value: string;
          if (field === entity.key)
            value = `nextKey(${this.ctx.collection(entity.name)}, ${JSON.stringify(entity.keyPrefix)})`;
          else if (effect.values?.[field] !== undefined) value = this.expr(effect.values[field]);
          else if (fromInputs.includes(field)) {
            const input = this.action.inputs[field];
            const fallback =
              inputDefault(input) ??
              (decl.default !== undefined ? JSON.stringify(decl.default) : "null");
            value = input.optional ? `args.${field} ?? ${fallback}` : `args.${field}`;
          } else value = decl.default !== undefined ? JSON.stringify(decl.default) : "null";
          this.line(`  ${field}: ${value},`);
        }
        this.line("};");
        this.line(`${this.ctx.collection(entity.name)}[${name}.${entity.key}] = ${name};`);
        this.records.set(effect.as, effect.entity);
        touched.add(effect.as);
        return;
      }
      case "delete": {
        const entity = this.ctx.entity(this.records.get(effect.target)!);
        const binding = tsNames.binding(effect.target);
        this.line(`delete ${this.ctx.collection(entity.name)}[${binding}.${entity.key}];`);
        return;
      }
    }
  }

  /** Body of a list or search tool: filters, then the matching records. */
  query(entity: Entity): string {
    const { action } = this;
    const param = this.paramFor(entity.name);
    const conditions: string[] = [];
    if (action.search) {
      const query = `args.${action.search.input}`;
      this.line(
        `const text = ${action.inputs[action.search.input].optional ? `(${query} ?? "")` : query}.toLowerCase();`,
      );
      const matches = action.search.fields.map((field) => {
        const value = entity.fields[field].optional
          ? `(${param}.${field} ?? "")`
          : `${param}.${field}`;
        return `${value}.toLowerCase().includes(text)`;
      });
      conditions.push(matches.length > 1 ? `(${matches.join(" || ")})` : matches[0]);
    }
    for (const filter of action.filters ?? []) {
      const field = filterField(filter);
      const decl = entity.fields[field];
      const value = `${param}.${field}`;
      const arg = `args.${filter.input}`;
      let test: string;
      switch (filter.op ?? "eq") {
        case "eq":
          test = `${value} === ${arg}`;
          break;
        case "lte":
          test = decl.optional ? `${value} !== null && ${value} <= ${arg}` : `${value} <= ${arg}`;
          break;
        case "gte":
          test = decl.optional ? `${value} !== null && ${value} >= ${arg}` : `${value} >= ${arg}`;
          break;
        case "contains":
          test = `${decl.optional ? `(${value} ?? "")` : value}.toLowerCase().includes(${arg}.toLowerCase())`;
          break;
      }
      conditions.push(
        action.inputs[filter.input].optional ? `(${arg} === undefined || ${test})` : test,
      );
    }
    const collection = camelCase(collectionName(entity));
    const result = this.bindingNames.has(collection) ? "matches" : collection;
    if (!conditions.length) {
      this.line(`const ${result} = Object.values(${this.ctx.collection(entity.name)});`);
    } else if (conditions.length === 1) {
      this.call(
        `const ${result} = Object.values(${this.ctx.collection(entity.name)}).filter(`,
        `(${param}) => ${conditions[0]}`,
        ");",
      );
    } else {
      this.line(`const ${result} = Object.values(${this.ctx.collection(entity.name)}).filter(`);
      this.line(`  (${param}) =>`);
      conditions.forEach((condition, i) =>
        this.line(`    ${condition}${i < conditions.length - 1 ? " &&" : ","}`),
      );
      this.line(");");
    }
    const key = collectionName(entity);
    return key === result
      ? `{ ${key}, count: ${result}.length }`
      : `{ ${key}: ${result}, count: ${result}.length }`;
  }

  body(): string[] {
    const { action } = this;
    for (const step of action.preconditions ?? []) this.step(step);
    const effects = action.effects ?? [];
    if (effects.length) {
      if (this.lines.length) this.line();
      this.line("// Every check passed: apply the changes.");
    }
    const touched = new Set<string>();
    for (const effect of effects) this.effect(effect, touched);
    for (const binding of touched) {
      const entity = this.records.get(binding)!;
      if (this.ctx.invariantEntities.has(entity))
        this.line(`check${entity}(${tsNames.binding(binding)});`);
    }
    if (action.kind === "list" || action.kind === "search") {
      const result = this.query(this.ctx.entity(action.entity));
      this.line(`return ${result};`);
    } else {
      this.line(`return ${tsNames.binding(returnedBinding(action)!)};`);
    }
    return this.lines;
  }

  /** Entity of the returned record (create/get/update/delete/custom). */
  returnedEntity(): string {
    const binding = returnedBinding(this.action)!;
    for (const step of this.action.preconditions ?? [])
      if ("as" in step && step.as === binding && step.step !== "aggregate") return step.entity;
    for (const effect of this.action.effects ?? [])
      if (effect.effect === "create" && effect.as === binding) return effect.entity;
    throw new Error(
      `${this.action.name} returns "${binding}", which is not bound; validateSpec should have rejected it`,
    );
  }
}

export function emitTool(ctx: CompileContext, action: Action): EmittedTool {
  const writer = new ToolWriter(ctx, action);
  const body = writer.body();
  const isQuery = action.kind === "list" || action.kind === "search";
  const inputName = tsNames.inputSchema(action);
  const inputSchema = sx.object(
    Object.entries(action.inputs).map(([name, input]) => {
      const fallback = inputDefault(input);
      const description = fallback
        ? `${input.description ?? ""} Defaults to ${fallback}.`.trim()
        : input.description;
      const schema = ctx.valueSchema({ ...input, description });
      return [name, input.optional ? sx.optional(schema) : schema];
    }),
  );
  const lines = [`// ─── ${action.name} ${"─".repeat(Math.max(3, 90 - action.name.length))}`, ""];
  lines.push(
    `const ${inputName} = ${inputSchema.source};`,
    `type ${inputName} = Infer<typeof ${inputName}>;`,
    "",
  );
  let output: string;
  let returnType: string;
  let outputSchema: SchemaSource;
  if (isQuery) {
    const entity = ctx.entity(action.entity);
    output = tsNames.outputSchema(action);
    returnType = `Infer<typeof ${output}>`;
    outputSchema = sx.object([
      [
        collectionName(entity),
        sx.array(sx.named(tsNames.entityType(entity.name), ctx.entitySchema(entity))),
      ],
      ["count", sx.integer()],
    ]);
    lines.push(`const ${output} = ${outputSchema.source};`, "");
  } else {
    const entity = ctx.entity(writer.returnedEntity());
    output = tsNames.entityType(entity.name);
    returnType = output;
    outputSchema = ctx.entitySchema(entity);
  }
  const codes = Object.keys(action.errors ?? {});
  lines.push(
    "/**",
    ...wrap(action.description, WIDTH, " * "),
    ...(codes.length ? wrap(`Fails with ${codes.join(", ")}.`, WIDTH, " * ") : []),
    ` * As a task: "${action.phrase}".`,
    " */",
    `function ${tsNames.toolFunction(action)}(state: State, args: ${inputName}): ${returnType} {`,
    ...body,
    "}",
  );

  const registration = [
    `    ${action.name}: {`,
    `      description: ${JSON.stringify(action.description)},`,
    `      input: ${inputName},`,
    `      output: ${output},`,
    ...(codes.length
      ? [
          "      errors: {",
          ...codes.map((code) => `        ${code}: ${JSON.stringify(action.errors![code])},`),
          "      },",
        ]
      : []),
    ...(isQuery || action.kind === "get" ? ["      readOnly: true,"] : []),
    `      run: ${tsNames.toolFunction(action)},`,
    "    },",
  ].join("\n");
  const manifest: ToolManifest = {
    name: action.name,
    description: action.description,
    inputSchema: inputSchema.value,
    outputSchema: outputSchema.value,
    errors: { ...action.errors },
    readOnly: isQuery || action.kind === "get",
  };
  return { section: lines.join("\n"), registration, manifest };
}
