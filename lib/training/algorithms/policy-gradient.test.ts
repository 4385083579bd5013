import { describe, expect, it } from "vitest";
import { trainConfigSchema } from "../config";
import type { Episode } from "../episode";
import { logSoftmax } from "../policy/softmax";
import { Rng } from "../rng";
import type { Rollout } from "../rollout";
import { policyGradient } from "./policy-gradient";

const SIZE = 6;

/** Rollouts of random decisions whose recorded log π is taken at `weights`. */
function rollouts(weights: Float64Array, rng: Rng): Rollout[] {
  const row = () => Float64Array.from({ length: SIZE }, () => (rng.next() < 0.5 ? 0 : rng.next()));
  return [2, 3].map((count) => {
    const decisions = Array.from({ length: count }, () => {
      const factors = [2, 3].map((n) => ({
        offset: 0,
        rows: Array.from({ length: n }, row),
        chosen: rng.int(n),
      }));
      const logprob = factors.reduce(
        (a, f) => a + logSoftmax(weights, f.offset, f.rows)[f.chosen],
        0,
      );
      return { factors, logprob };
    });
    return { episode: {} as Episode, decisions };
  });
}

describe("clipped policy gradient", () => {
  const rng = new Rng(9);
  const weights = Float64Array.from({ length: SIZE }, () => rng.next() - 0.5);
  const runs = rollouts(weights, rng);
  const advantages = [1.5, -0.5];
  const config = trainConfigSchema.parse({ entropyCoef: 0.1, maxGradNorm: 1e9 });

  it("is the gradient of the loss it reports (GRPO length weights, entropy bonus)", () => {
    const { lossGrad, loss } = policyGradient(weights, runs, advantages, config);
    // On-policy the ratios are 1: loss = −(1/N) Σ_i A_i/|D_i| · |D_i| − β·H = −(1.5 − 0.5)/2 − β·H
    const entropy = policyGradient(weights, runs, advantages, config).entropy;
    expect(loss).toBeCloseTo(-0.5 - 0.1 * entropy, 12);
    const h = 1e-6;
    for (let j = 0; j < SIZE; j++) {
      const plus = Float64Array.from(weights);
      const minus = Float64Array.from(weights);
      plus[j] += h;
      minus[j] -= h;
      const numeric =
        (policyGradient(plus, runs, advantages, config).loss -
          policyGradient(minus, runs, advantages, config).loss) /
        (2 * h);
      expect(lossGrad[j]).toBeCloseTo(numeric, 6);
    }
  });

  it("stops pushing a decision whose probability already moved past the trust region", () => {
    // Move the weights far along one decision's own gradient: its ratio leaves 1 + ε.
    const one: Rollout = { episode: runs[0].episode, decisions: [runs[0].decisions[0]] };
    const step = policyGradient(weights, [one], [1], { ...config, entropyCoef: 0 }).lossGrad;
    const moved = Float64Array.from(weights, (w, j) => w - 50 * step[j]);
    const after = policyGradient(moved, [one], [1], { ...config, entropyCoef: 0 });
    expect(after.clipFraction).toBe(1);
    expect(Array.from(after.lossGrad).every((g) => g === 0)).toBe(true);
  });
});
