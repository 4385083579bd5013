import { describe, expect, it } from "vitest";
import { groupAdvantages, grpoAdvantages, reinforceAdvantages } from "./advantages";

describe("GRPO advantages", () => {
  it("normalises by the group's sample std plus 1e-4", () => {
    // mean 0.5; deviations ±0.5, 0, 0; sample variance 0.5/3 → std √(1/6) = 0.408248…
    // 0.5 / (0.408248 + 0.0001) = 1.224445
    const a = groupAdvantages([1, 0, 0.5, 0.5], false);
    expect(a[0]).toBeCloseTo(1.224445, 5);
    expect(a[1]).toBeCloseTo(-1.224445, 5);
    expect(a[2]).toBe(0);
    expect(a[3]).toBe(0);
  });

  it("Dr. GRPO only subtracts the mean", () => {
    expect(groupAdvantages([1, 0, 0.5, 0.5], true)).toEqual([0.5, -0.5, 0, 0]);
  });

  it("gives no signal to a group whose rewards are all equal or that has one member", () => {
    expect(groupAdvantages([0.7, 0.7, 0.7], false)).toEqual([0, 0, 0]);
    expect(groupAdvantages([0.9], false)).toEqual([0]);
  });

  it("normalises clean and faulty rollouts of a task separately", () => {
    const items = [
      { group: "t1", faulty: false, reward: 1 },
      { group: "t1", faulty: false, reward: 0 },
      { group: "t1", faulty: true, reward: 0 },
      { group: "t1", faulty: true, reward: 0.5 },
      { group: "t2", faulty: false, reward: 1 },
      { group: "t2", faulty: true, reward: 0 },
    ];
    const a = grpoAdvantages(items, false);
    // clean t1: mean 0.5, std √0.5 → ±0.5 / 0.707207 = ±0.707007
    expect(a[0]).toBeCloseTo(0.707007, 5);
    expect(a[1]).toBeCloseTo(-0.707007, 5);
    // faulty t1: mean 0.25, std √0.125 → ±0.25 / 0.353653 = ±0.706907
    expect(a[2]).toBeCloseTo(-0.706907, 5);
    expect(a[3]).toBeCloseTo(0.706907, 5);
    // t2's clean and faulty rollouts are each alone in their group: no signal, although a
    // joint normalisation would have rewarded the clean one for not facing faults.
    expect(a[4]).toBe(0);
    expect(a[5]).toBe(0);
  });
});

describe("REINFORCE baseline", () => {
  it("starts from the first batch mean, then moves it as an exponential average per condition", () => {
    const first = reinforceAdvantages(
      [
        { faulty: false, reward: 1 },
        { faulty: false, reward: 0 },
        { faulty: true, reward: 0.2 },
      ],
      { clean: null, faulty: null },
      0.9,
    );
    expect(first.advantages).toEqual([0.5, -0.5, 0]);
    expect(first.baseline).toEqual({ clean: 0.5, faulty: 0.2 });

    const second = reinforceAdvantages([{ faulty: false, reward: 1 }], first.baseline, 0.9);
    // Advantage against the old baseline; new baseline 0.9·0.5 + 0.1·1 = 0.55. Faulty untouched.
    expect(second.advantages).toEqual([0.5]);
    expect(second.baseline.clean).toBeCloseTo(0.55, 12);
    expect(second.baseline.faulty).toBe(0.2);
  });
});
