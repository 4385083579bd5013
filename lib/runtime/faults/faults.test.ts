import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnvironment, type LoadedEnvironment } from "../session/environment";
import { createSession } from "../session/inline-session";
import type { SessionOptions } from "../session/session-core";
import type { FaultKind, StepRecord } from "../types";
import { FAULT_PROFILES, resolveFaultConfig } from "./profiles";

const SOURCE = `import { defineEnvironment, s } from "@envfactory/sdk";
export default defineEnvironment({
  name: "counter", version: "1.0.0", description: "", state: s.object({ n: s.integer() }), initialState: { n: 0 },
  tools: {
    inc: { description: "", input: s.object({}), output: s.object({ n: s.integer(), draw: s.number() }), run(state, _args, ctx) { state.n += 1; return { n: state.n, draw: ctx.random() }; } },
    peek: { description: "", input: s.object({}), output: s.integer(), readOnly: true, run(state) { return state.n; } },
  },
});`;

let env: LoadedEnvironment;
beforeAll(async () => {
  env = await loadEnvironment({ source: SOURCE });
});
afterAll(() => env.dispose());

/** Runs `episodes` episodes of [inc, peek] × 25 (5,000 steps for 100 episodes), one seed each. */
async function run(faults: SessionOptions["faults"], episodes = 100) {
  const session = await createSession(env, { faults });
  const steps: StepRecord[] = [];
  const finals: { n: number; succeededIncs: number }[] = [];
  for (let e = 0; e < episodes; e++) {
    session.resetSync({ seed: e });
    for (let i = 0; i < 25; i++) {
      session.stepSync("inc", {});
      session.stepSync("peek", {});
    }
    const ran = session.steps.filter(
      (s) =>
        s.tool === "inc" &&
        (s.observation.ok || s.faults.some((f) => f.kind.endsWith("_response"))),
    ).length;
    finals.push({ n: (session.state() as { n: number }).n, succeededIncs: ran });
    steps.push(...session.steps);
  }
  return { steps, finals };
}

const share = (steps: StepRecord[], kind: FaultKind) =>
  steps.filter((s) => s.faults.some((f) => f.kind === kind)).length / steps.length;

describe("fault profiles", () => {
  it("none injects nothing", async () => {
    const { steps } = await run("none", 20);
    expect(steps.every((s) => s.faults.length === 0 && s.observation.ok)).toBe(true);
  });

  it("flaky fails about one call in five before it reaches the tool, and failed calls change nothing", async () => {
    const { steps, finals } = await run("flaky");
    expect(steps).toHaveLength(5000);
    const failed = steps.filter((s) => !s.observation.ok).length / steps.length;
    expect(failed).toBeGreaterThan(0.17);
    expect(failed).toBeLessThan(0.23);
    expect(Math.abs(share(steps, "service_unavailable") - 0.08)).toBeLessThan(0.015);
    expect(Math.abs(share(steps, "timeout") - 0.06)).toBeLessThan(0.015);
    expect(Math.abs(share(steps, "rate_limit") - 0.06)).toBeLessThan(0.015);
    for (const f of finals) expect(f.n).toBe(f.succeededIncs);
    const limited = steps.find((s) => s.faults[0]?.kind === "rate_limit")!;
    expect(limited.observation).toMatchObject({
      ok: false,
      error: { code: "RATE_LIMITED", retryAfterMs: limited.faults[0].retryAfterMs },
    });
    expect(steps.find((s) => s.faults[0]?.kind === "timeout")!.observation).toMatchObject({
      error: { code: "TIMEOUT" },
    });
    // A retry after a transient failure can succeed.
    const retried = steps.findIndex(
      (s, i) => !s.observation.ok && steps[i + 2]?.tool === s.tool && steps[i + 2].observation.ok,
    );
    expect(retried).toBeGreaterThanOrEqual(0);
  });

  it("hostile adds broken responses (after the tool ran), stale reads and latency", async () => {
    const { steps, finals } = await run("hostile");
    const broken = share(steps, "malformed_response") + share(steps, "truncated_response");
    expect(Math.abs(broken - 0.08)).toBeLessThan(0.02);
    expect(Math.abs(share(steps, "latency") - 0.2)).toBeLessThan(0.03);
    for (const f of finals) expect(f.n).toBe(f.succeededIncs);
    const malformed = steps.find((s) => s.faults.some((f) => f.kind === "malformed_response"))!;
    expect(malformed.observation).toMatchObject({
      ok: false,
      error: { code: "MALFORMED_RESPONSE" },
    });
    expect(() =>
      JSON.parse((malformed.observation as { error: { raw: string } }).error.raw),
    ).toThrow();
    // Stale reads serve an earlier, smaller count for about 30 % of the eligible peeks.
    const peeks = steps.filter(
      (s) =>
        s.tool === "peek" &&
        s.index > 1 &&
        !s.faults.some((f) => ["service_unavailable", "timeout", "rate_limit"].includes(f.kind)),
    );
    const stale = peeks.filter((s) => s.faults.some((f) => f.kind === "stale_read"));
    expect(Math.abs(stale.length / peeks.length - 0.3)).toBeLessThan(0.05);
    const byIndex = (s: StepRecord) =>
      s.faults.find((f) => f.kind === "stale_read")!.staleFromStep!;
    expect(stale.every((s) => byIndex(s) < s.index)).toBe(true);
  });

  it("decides faults from the seed alone, independently of the environment's randomness", async () => {
    const pattern = async (seed: number) => {
      const session = await createSession(env, { seed, faults: "flaky" });
      return Array.from({ length: 200 }, () => session.stepSync("inc", {})).map(
        (s) => s.faults.map((f) => f.kind).join() || "-",
      );
    };
    expect(await pattern(5)).toEqual(await pattern(5));
    expect(await pattern(5)).not.toEqual(await pattern(6));

    const draws = async (faults: "none" | "flaky") => {
      const session = await createSession(env, { seed: 9, faults });
      return Array.from({ length: 100 }, () => session.stepSync("inc", {}))
        .filter((s) => s.observation.ok)
        .map((s) => (s.observation as unknown as { result: { draw: number } }).result.draw);
    };
    const faulty = await draws("flaky");
    expect(faulty.length).toBeLessThan(100);
    expect(faulty).toEqual((await draws("none")).slice(0, faulty.length));
  });

  it("takes a separate fault seed per episode: same world, different faults", async () => {
    const session = await createSession(env, { faults: "flaky" });
    const episode = (faultSeed?: number) => {
      session.resetSync({ seed: 3, faultSeed });
      const steps = Array.from({ length: 100 }, () => session.stepSync("inc", {}));
      return {
        faults: steps.map((s) => s.faults.map((f) => f.kind).join() || "-"),
        draws: steps
          .filter((s) => s.observation.ok)
          .map((s) => (s.observation as unknown as { result: { draw: number } }).result.draw),
      };
    };
    const [a, b, a2, plain] = [episode(1), episode(2), episode(1), episode()];
    expect(a.faults).toEqual(a2.faults);
    expect(a.faults).not.toEqual(b.faults);
    expect(plain.faults).toEqual(episode(3).faults);
    // The environment's own randomness follows the seed, whatever the faults.
    const n = Math.min(a.draws.length, b.draws.length);
    expect(a.draws.slice(0, n)).toEqual(b.draws.slice(0, n));
  });

  it("applies per-tool rates and validates configs", async () => {
    const session = await createSession(env, {
      faults: { rates: {}, perTool: { peek: { service_unavailable: 1 } } },
    });
    expect(session.stepSync("inc", {}).observation.ok).toBe(true);
    expect(session.stepSync("peek", {}).observation).toMatchObject({
      error: { code: "SERVICE_UNAVAILABLE" },
    });
    expect(() => resolveFaultConfig("chaotic" as "none")).toThrow(/Unknown fault profile/);
    expect(() => resolveFaultConfig({ rates: { timeout: 0.7, rate_limit: 0.7 } })).toThrow(
      /more than 1/,
    );
    expect(resolveFaultConfig("hostile")).toBe(FAULT_PROFILES.hostile);
  });
});
