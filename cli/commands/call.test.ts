import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleDir, FAULT_PROFILES } from "@/lib/runtime";
import { FaultInjector } from "@/lib/runtime/faults/injector";
import { runEnvf } from "./cli-test-support";

const bank = exampleDir("bank");
const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

/** A seed whose first step gets a fault under the flaky profile. */
function faultySeed(): number {
  for (let seed = 0; ; seed++)
    if (new FaultInjector(FAULT_PROFILES.flaky, seed).plan("withdraw").exclusive) return seed;
}

describe("envf call", () => {
  it(
    "prints one JSON object with the observation, patch and new state",
    { timeout: 120_000 },
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "envf-call-"));
      temp.push(dir);
      const stateFile = path.join(dir, "state.json");
      await writeFile(
        stateFile,
        JSON.stringify({
          accounts: { a: { id: "a", owner: "Al", balance: 50, frozen: false } },
          transactions: [],
        }),
      );
      const seed = faultySeed();

      const [ok, fromState, badArgs, unknownTool, faulty] = await Promise.all([
        runEnvf(["call", bank, "withdraw", '{"account_id":"acc_bob","amount":500}']),
        runEnvf(["call", bank, "get_balance", '{"account_id":"a"}', "--state", stateFile]),
        runEnvf(["call", bank, "withdraw", '{"account_id":"acc_bob","amount":"all"}']),
        runEnvf(["call", bank, "steal", "{}"]),
        runEnvf([
          "call",
          bank,
          "withdraw",
          '{"account_id":"acc_bob","amount":1}',
          "--faults",
          "flaky",
          "--seed",
          String(seed),
        ]),
      ]);

      expect(ok.code).toBe(0);
      expect(ok.stdout.trim().split("\n")).toHaveLength(1);
      const step = JSON.parse(ok.stdout);
      expect(step.observation).toMatchObject({ ok: true, result: { balance: 2000 } });
      expect(step.patch[0]).toEqual({
        op: "replace",
        path: "/accounts/acc_bob/balance",
        value: 2000,
      });
      expect(step.state.accounts.acc_bob.balance).toBe(2000);
      expect(step.faults).toEqual([]);

      expect(JSON.parse(fromState.stdout).observation).toEqual({
        ok: true,
        result: { account_id: "a", balance: 50 },
      });

      expect(badArgs.code).toBe(1);
      expect(JSON.parse(badArgs.stdout).observation.error.code).toBe("INVALID_ARGUMENTS");
      expect(JSON.parse(unknownTool.stdout).observation.error.code).toBe("UNKNOWN_TOOL");

      const faulted = JSON.parse(faulty.stdout);
      expect(faulted.faults.length).toBeGreaterThan(0);
      expect(faulted.patch).toEqual([]);
      expect(faulted.state.accounts.acc_bob.balance).toBe(2500);
    },
  );

  it("exits 1 with a message for unusable input", { timeout: 120_000 }, async () => {
    const [missing, badProfile, badState] = await Promise.all([
      runEnvf(["call", "/no/such/env", "withdraw", "{}"]),
      runEnvf(["call", bank, "withdraw", "{}", "--faults", "chaos"]),
      runEnvf(["call", bank, "withdraw", "{}", "--state", "/no/state.json"]),
    ]);
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toContain("error[package_not_found]");
    expect(badProfile.code).toBe(1);
    expect(badProfile.stderr).toMatch(/--faults: .*none.*flaky.*hostile/);
    expect(badState.stderr).toContain(
      "error[state_not_found]: cannot read --state file /no/state.json",
    );
  });
});
