import { describe, expect, it } from "vitest";
import { Rng } from "../rng";
import { addFactorGradient, chooseSoftmax, logSoftmax as logSoftmaxAt } from "./softmax";

function logSoftmax(weights: Float64Array, rows: Float64Array[]): number[] {
  const scores = rows.map((row) => row.reduce((s, x, j) => s + weights[j] * x, 0));
  const top = Math.max(...scores);
  const logZ = top + Math.log(scores.reduce((s, x) => s + Math.exp(x - top), 0));
  return scores.map((s) => s - logZ);
}

function entropy(weights: Float64Array, rows: Float64Array[]): number {
  return -logSoftmax(weights, rows).reduce((h, lp) => h + Math.exp(lp) * lp, 0);
}

describe("log-linear softmax choice", () => {
  const rng = new Rng(3);
  const size = 5;
  const weights = Float64Array.from({ length: size }, () => rng.next() * 2 - 1);
  const rows = Array.from({ length: 4 }, () =>
    Float64Array.from({ length: size }, () => (rng.next() < 0.4 ? 0 : rng.next())),
  );

  it("reports the chosen candidate's log-probability and the distribution's entropy", () => {
    const choice = chooseSoftmax(weights, 0, rows, new Rng(11), false);
    expect(choice.logprob).toBeCloseTo(logSoftmax(weights, rows)[choice.index], 12);
    expect(choice.entropy).toBeCloseTo(entropy(weights, rows), 12);
  });

  it("computes gradients of log π and of the entropy that match finite differences", () => {
    const { index } = chooseSoftmax(weights, 0, rows, new Rng(11), false);
    const factor = { offset: 0, rows, chosen: index };
    const sink = { logprob: new Float64Array(size), entropy: new Float64Array(size) };
    addFactorGradient(sink.logprob, factor, logSoftmaxAt(weights, 0, rows), 1, 0);
    addFactorGradient(sink.entropy, factor, logSoftmaxAt(weights, 0, rows), 0, 1);
    const h = 1e-6;
    for (let j = 0; j < size; j++) {
      const plus = Float64Array.from(weights);
      const minus = Float64Array.from(weights);
      plus[j] += h;
      minus[j] -= h;
      const dLogp = (logSoftmax(plus, rows)[index] - logSoftmax(minus, rows)[index]) / (2 * h);
      const dH = (entropy(plus, rows) - entropy(minus, rows)) / (2 * h);
      expect(sink.logprob[j]).toBeCloseTo(dLogp, 6);
      expect(sink.entropy[j]).toBeCloseTo(dH, 6);
    }
  });

  it("samples in proportion to the probabilities, and greedy takes the best", () => {
    const probs = logSoftmax(weights, rows).map(Math.exp);
    const counts = [0, 0, 0, 0];
    const sampler = new Rng(5);
    for (let i = 0; i < 20000; i++) counts[chooseSoftmax(weights, 0, rows, sampler, false).index]++;
    counts.forEach((c, i) => expect(c / 20000).toBeCloseTo(probs[i], 1));
    const best = probs.indexOf(Math.max(...probs));
    expect(chooseSoftmax(weights, 0, rows, sampler, true).index).toBe(best);
  });
});
