import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exampleDir } from "../examples/index";
import { compileEnvironment } from "./compile";
import { typecheckEnvironment } from "./typecheck";

const bank = readFileSync(`${exampleDir("bank")}/environment.ts`, "utf8");

describe("compileEnvironment", () => {
  it("bundles the SDK into one script", async () => {
    const result = await compileEnvironment(bank);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.code).toContain("var __envModule");
      expect(result.code).not.toMatch(/\bimport\b|\brequire\(/);
    }
  });

  it("reports syntax errors at their line and column", async () => {
    const result = await compileEnvironment('import { s } from "@envfactory/sdk";\nconst x = ;\n');
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [
        { line: 2, column: 11, severity: "error", message: expect.stringContaining("Unexpected") },
      ],
    });
  });
});

describe("typecheckEnvironment", () => {
  it("accepts the example environments", async () => {
    for (const name of ["bank", "tracker", "store"] as const) {
      expect(
        await typecheckEnvironment(readFileSync(`${exampleDir(name)}/environment.ts`, "utf8")),
      ).toEqual([]);
    }
  });

  it("reports type errors against the SDK with 1-based ranges", async () => {
    const broken = bank.replace(
      "return { account_id: args.account_id, frozen: true };",
      'return { account_id: args.acount_id, frozen: "yes" };',
    );
    const line = broken.split("\n").findIndex((l) => l.includes("args.acount_id")) + 1;
    const diagnostics = await typecheckEnvironment(broken);
    const typo = diagnostics.find((d) => d.code === "TS2551");
    expect(typo).toMatchObject({
      line,
      severity: "error",
      message: expect.stringContaining("acount_id"),
    });
    expect(typo!.column).toBe(broken.split("\n")[line - 1].indexOf("acount_id") + 1);
    expect(typo!.endColumn).toBe(typo!.column + "acount_id".length);
    expect(diagnostics.some((d) => d.message.includes("not assignable to type 'boolean'"))).toBe(
      true,
    );
  });

  it("knows the sandbox has no Node or DOM globals", async () => {
    const diagnostics = await typecheckEnvironment(
      `import { s } from "@envfactory/sdk";\nexport const x = process.env.HOME + document.title;\nconsole.log(s.string());\n`,
    );
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(
      /Cannot find name 'process'[\s\S]*Cannot find name 'document'/,
    );
    expect(diagnostics.every((d) => d.line === 2)).toBe(true);
  });
});
