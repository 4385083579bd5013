import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleDir } from "@/lib/runtime";
import { runEnvf } from "./cli-test-support";

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe("envf check", () => {
  it(
    "passes an example package and fails a broken copy with file:line:column diagnostics",
    { timeout: 120_000 },
    async () => {
      const broken = await mkdtemp(path.join(tmpdir(), "envf-check-"));
      temp.push(broken);
      await cp(exampleDir("bank"), broken, { recursive: true });
      const file = path.join(broken, "environment.ts");
      const source = await readFile(file, "utf8");
      // A type error, and a behaviour change that one self-test catches.
      const edited = source
        .replace(
          "return { account_id: args.account_id, frozen: true };",
          "return { account_id: args.acount_id, frozen: true };",
        )
        .replace("source.balance -= args.amount;", "source.balance -= args.amount * 2;");
      await writeFile(file, edited);
      const line = edited.split("\n").findIndex((l) => l.includes("args.acount_id")) + 1;

      const [good, bad] = await Promise.all([
        runEnvf(["check", exampleDir("bank")]),
        runEnvf(["check", broken]),
      ]);
      expect(good.code).toBe(0);
      expect(good.stdout).toContain("✓ self-tests: 6/6 passed");
      expect(good.stdout.trim().endsWith("OK")).toBe(true);

      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`environment.ts:${line}:`);
      expect(bad.stderr).toContain("TS2551");
      expect(bad.stderr).toMatch(
        /✗ withdraw lowers the balance and logs a transaction\n\s+call 1 \(withdraw\): result .* does not contain \{"balance":7500\}/,
      );
      expect(bad.stderr.trim().endsWith("FAILED")).toBe(true);
    },
  );

  it("says what to do when the directory is not a package", { timeout: 120_000 }, async () => {
    const result = await runEnvf(["check", "/no/such/env"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error[package_not_found]: /no/such/env/environment.ts does not exist",
    );
  });
});
