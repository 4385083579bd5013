import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_NAMES, exampleDir } from "../examples/index";
import { buildManifest, loadEnvironment } from "../session/environment";
import { compareManifests } from "./manifest";
import { loadPackage, writePackage } from "./package";
import { runSelfTests } from "./self-tests";

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe("example packages", () => {
  it.each(EXAMPLE_NAMES)(
    "%s: manifest matches the code and every self-test passes",
    async (name) => {
      const pkg = await loadPackage(exampleDir(name));
      const env = await loadEnvironment({ package: pkg });
      expect(compareManifests(pkg.manifest!, env.manifest)).toEqual([]);
      const results = await runSelfTests(env, pkg.tests!.tests);
      expect(results.filter((r) => !r.passed)).toEqual([]);
      expect(results.length).toBeGreaterThanOrEqual(4);
      env.dispose();
    },
  );
});

describe("packages", () => {
  it("round-trips through writePackage and loadPackage", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "envf-pkg-"));
    temp.push(dir);
    const original = await loadPackage(exampleDir("bank"));
    const pkg = { ...original, spec: { domain: "banking" }, tasks: [{ id: "t1" }, { id: "t2" }] };
    await writePackage(dir, pkg);
    expect(await loadPackage(dir)).toEqual(pkg);
    expect((await readFile(path.join(dir, "tasks.jsonl"), "utf8")).trim().split("\n")).toHaveLength(
      2,
    );
  });

  it("explains what is missing or malformed", async () => {
    await expect(loadPackage("/definitely/not/here")).rejects.toMatchObject({
      code: "PACKAGE_NOT_FOUND",
    });
    const dir = await mkdtemp(path.join(tmpdir(), "envf-pkg-"));
    temp.push(dir);
    await cp(exampleDir("bank"), dir, { recursive: true });
    await writeFile(
      path.join(dir, "tests.json"),
      JSON.stringify({ tests: [{ name: "x", calls: [{ tool: "a", expect: { maybe: 1 } }] }] }),
    );
    await expect(loadPackage(dir)).rejects.toMatchObject({
      code: "INVALID_PACKAGE",
      message: expect.stringContaining("tests.json"),
    });
  });

  it("finds where a manifest disagrees with the code", async () => {
    const source = (await loadPackage(exampleDir("bank"))).source;
    const manifest = await buildManifest(source);
    const edited = structuredClone(manifest);
    edited.tools = edited.tools.filter((t) => t.name !== "freeze_account");
    edited.tools[0].description = "changed";
    expect(compareManifests(edited, manifest)).toEqual([
      'tool "open_account": description differs from the code',
      'tool "freeze_account" is in the code but not in the manifest',
    ]);
  });

  it("reports failing self-tests with what was expected and what happened", async () => {
    const env = await loadEnvironment({ dir: exampleDir("bank") });
    const [result] = await runSelfTests(env, [
      {
        name: "wrong expectations",
        calls: [
          {
            tool: "withdraw",
            args: { account_id: "acc_bob", amount: 1 },
            expect: { error: "INSUFFICIENT_FUNDS" },
          },
          {
            tool: "get_balance",
            args: { account_id: "acc_bob" },
            expect: { ok: true, result: { balance: 1 } },
          },
        ],
        expectState: [{ path: "/accounts/acc_bob/balance", equals: 0 }],
      },
    ]);
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      expect.stringMatching(/^call 1 \(withdraw\): expected error INSUFFICIENT_FUNDS, got ok/),
      'call 2 (get_balance): result {"account_id":"acc_bob","balance":2499} does not contain {"balance":1}',
      "state /accounts/acc_bob/balance: expected 0, got 2499",
    ]);
    env.dispose();
  });
});
