import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { gallery } from "../gallery/index";
import { banking } from "../gallery/banking";
import { exampleSpec } from "../llm/prompts";
import { domainSpecJsonSchema, JSON_SCHEMA_PATH } from "./json-schema";
import { formatProblems, validateSpec } from "./validate";
import type { DomainSpec } from "./schema";

/** A deep copy to break on purpose; the tests poke at arbitrary paths, so it is untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- corrupting arbitrary paths is the point
const editable = (spec: DomainSpec): any => structuredClone(spec);

describe("validateSpec", () => {
  it.each(gallery.map((entry) => [entry.name, entry.spec]))(
    "accepts the %s gallery spec",
    (_, spec) => {
      const result = validateSpec(spec);
      expect(result.ok ? [] : formatProblems(result.problems)).toEqual([]);
    },
  );

  it("accepts the shortened example the LLM prompt shows", () => {
    expect(validateSpec(exampleSpec()).problems).toEqual([]);
  });

  it("lists every problem of a bad spec, each with its path", () => {
    const bad = editable(banking);
    bad.actions[2].inputs.status.type = "text"; // structural
    bad.actions[3].preconditions[0].entity = "Acount"; // unknown entity
    bad.actions[6].preconditions[2].that =
      "account.balance >= input.amount && account.status == 'actve'"; // not an enum value
    bad.actions[6].preconditions[1].error = "NOT_ACTIVE"; // raised but not declared
    bad.actions[7].effects[0].value = "source.balance - input.ammount"; // unknown input
    bad.actions[8].phrase = "Show the transactions of {acount_id}"; // unknown placeholder
    bad.actions.push(structuredClone(bad.actions[0])); // duplicate name
    bad.entities[3].fields.status.values = undefined; // enum without values
    bad.rules[1].that = "it.balance >="; // syntax error
    bad.seed.entities.Card.records[0].account_id = "ACC-0999"; // dangling reference

    const result = validateSpec(bad);
    expect(result.ok).toBe(false);
    const lines = formatProblems(result.problems).split("\n");
    const expected: [string, RegExp][] = [
      ["actions[2].inputs.status.type", /expected one of "string"\|"number"/],
      ["actions[3].preconditions[0].entity", /unknown entity "Acount"/],
      ["actions[6].preconditions[2].that", /'actve' is not one of 'active', 'frozen', 'closed'/],
      ["actions[6].preconditions[1].error", /"NOT_ACTIVE" is not declared/],
      ["actions[6].errors.ACCOUNT_NOT_ACTIVE", /declared but no precondition raises it/],
      ["actions[7].effects[0].value", /no input named "ammount"/],
      ["actions[8].phrase", /\{acount_id\} is not an input/],
      ["actions[12].name", /duplicate action "get_customer" \(also actions\[0\]\)/],
      ["entities[3].fields.status.values", /an enum needs its list of values/],
      ["rules[1].that", /unexpected end of expression/],
      ["seed.entities.Card.records[0].account_id", /"ACC-0999" is not a seeded Account/],
    ];
    for (const [path, message] of expected) {
      expect(
        lines.filter((line) => line.startsWith(`${path}: `) && message.test(line)),
        `${path} ${message}`,
      ).toHaveLength(1);
    }
  });

  it("checks expression types and kinds against the entities", () => {
    const bad = editable(banking);
    bad.actions[6].preconditions.push({
      step: "require",
      that: "account.balance",
      error: "INSUFFICIENT_FUNDS",
    });
    bad.actions[4].effects[0].values.opened_on = "account_type"; // a bare unknown name
    bad.actions[1].effects = [{ effect: "delete", target: "customer" }]; // search must not change state
    const problems = formatProblems(validateSpec(bad).problems);
    expect(problems).toContain(
      "actions[6].preconditions[3].that: expected a condition (true/false), got number",
    );
    expect(problems).toContain(
      'actions[4].effects[0].values.opened_on: account_type: unknown name "account_type"',
    );
    expect(problems).toContain("actions[1].effects: a search action must not change the state");
  });

  it("rejects input that is not a spec at all with a readable message", () => {
    const result = validateSpec({ specVersion: 2, name: "Bad Name" });
    expect(result.ok).toBe(false);
    const text = formatProblems(result.problems);
    expect(text).toContain("specVersion: expected 1");
    expect(text).toContain("name: expected a short lower-case name");
    expect(text).toContain("entities: expected array");
  });
});

describe("domain-spec.schema.json", () => {
  it("is generated from the zod schema and up to date (regenerate: npx tsx lib/synthesis/spec/json-schema.ts)", () => {
    // Compared as JSON so that formatting (Prettier) does not matter, only content.
    expect(JSON.parse(readFileSync(JSON_SCHEMA_PATH, "utf8"))).toEqual(
      JSON.parse(domainSpecJsonSchema()),
    );
  });

  it("lets other tools validate specs: gallery specs pass, a malformed one fails", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(JSON_SCHEMA_PATH, "utf8")));
    for (const entry of gallery) expect(validate(entry.spec), entry.name).toBe(true);
    const bad = editable(banking);
    bad.actions[0].kind = "fetch";
    expect(validate(bad)).toBe(false);
  });
});
