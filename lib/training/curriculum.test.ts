import { describe, expect, it } from "vitest";
import { trainConfigSchema } from "./config";
import { initialCurriculum, updateCurriculum } from "./curriculum";

describe("fault curriculum", () => {
  const config = trainConfigSchema.parse({
    faultProfile: "flaky",
    faultFraction: 0.2,
    curriculum: { enabled: true, step: 0.1, maxFraction: 0.4, gapThreshold: 0.1 },
  });

  it("exposes more rollouts to faults once faulty success catches up with clean", () => {
    let state = initialCurriculum(config);
    expect(state.faultFraction).toBe(0.2);
    // A wide gap (clean 0.9, faulty 0.4) keeps the level.
    state = updateCurriculum(state, config, 0.9, 0.4);
    expect(state.faultFraction).toBe(0.2);
    // The smoothed gap closes slowly: 0.7·0.5 + 0.3·0.02 = 0.356, then 0.255, 0.185, 0.135, 0.101,
    // and only the sixth measurement (0.077) is under the threshold.
    for (let i = 0; i < 5; i++) state = updateCurriculum(state, config, 0.9, 0.88);
    expect(state.faultFraction).toBe(0.2);
    state = updateCurriculum(state, config, 0.9, 0.88);
    expect(state.faultFraction).toBeCloseTo(0.3, 12);
    // A new level starts with a fresh gap estimate; the fraction never passes maxFraction.
    expect(state.gap).toBeNull();
    for (let i = 0; i < 10; i++) state = updateCurriculum(state, config, 0.9, 0.9);
    expect(state.faultFraction).toBe(0.4);
  });

  it("does nothing when disabled or when a condition was not measured", () => {
    const off = trainConfigSchema.parse({ faultProfile: "flaky", faultFraction: 0.2 });
    expect(updateCurriculum(initialCurriculum(off), off, 1, 1).faultFraction).toBe(0.2);
    expect(updateCurriculum(initialCurriculum(config), config, 1, null)).toEqual(
      initialCurriculum(config),
    );
  });
});
