import { describe, expect, it } from "vitest";
import { clipGradNorm, initialOptimizerState, optimizerStep } from "./optimizer";

describe("optimizers", () => {
  it("clips the gradient to the maximum norm and reports the norm before", () => {
    const g = Float64Array.from([3, 4]);
    expect(clipGradNorm(g, 1)).toBe(5);
    expect(Array.from(g)).toEqual([0.6000000000000001, 0.8]);
    const small = Float64Array.from([0.3, 0.4]);
    clipGradNorm(small, 1);
    expect(Array.from(small)).toEqual([0.3, 0.4]);
  });

  it("Adam's first step moves each weight by the learning rate against its gradient's sign", () => {
    const w = Float64Array.from([0, 0, 1]);
    const state = optimizerStep(
      w,
      Float64Array.from([0.5, -0.001, 0]),
      initialOptimizerState("adam", 3),
      { kind: "adam", learningRate: 0.1 },
    );
    expect(w[0]).toBeCloseTo(-0.1, 6);
    expect(w[1]).toBeCloseTo(0.1, 4);
    expect(w[2]).toBe(1);
    expect(state.kind === "adam" && state.t).toBe(1);
  });

  it("SGD takes a plain step", () => {
    const w = Float64Array.from([1]);
    optimizerStep(w, Float64Array.from([2]), initialOptimizerState("sgd", 1), {
      kind: "sgd",
      learningRate: 0.25,
    });
    expect(w[0]).toBe(0.5);
  });
});
