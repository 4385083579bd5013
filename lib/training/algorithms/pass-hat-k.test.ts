import { describe, expect, it } from "vitest";
import { passHatK, passHatKTable } from "./pass-hat-k";

describe("pass^k", () => {
  it("averages C(c,k)/C(n,k) over tasks", () => {
    // n = 3; tasks with 3, 1 and 0 successes.
    // k=1: (3/3 + 1/3 + 0)/3 = 4/9;  k=2: (C(3,2)/C(3,2) + 0 + 0)/3 = 1/3;  k=3: 1/3
    expect(passHatK([3, 1, 0], 3, 1)).toBeCloseTo(4 / 9, 12);
    expect(passHatK([3, 1, 0], 3, 2)).toBeCloseTo(1 / 3, 12);
    expect(passHatK([3, 1, 0], 3, 3)).toBeCloseTo(1 / 3, 12);
  });

  it("is the chance that k draws without replacement all succeed", () => {
    // 2 of 4 trials succeeded: C(2,2)/C(4,2) = 1/6; C(3,2)/C(4,2) = 3/6
    expect(passHatK([2], 4, 2)).toBeCloseTo(1 / 6, 12);
    expect(passHatK([3], 4, 2)).toBeCloseTo(1 / 2, 12);
  });

  it("tabulates every k and refuses impossible inputs", () => {
    expect(passHatKTable([2, 2], 2)).toEqual({ "1": 1, "2": 1 });
    expect(() => passHatK([1], 2, 3)).toThrow(RangeError);
    expect(() => passHatK([3], 2, 1)).toThrow(RangeError);
  });
});
