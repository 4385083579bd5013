/** First-order optimizers over a flat weight vector, with state a checkpoint can hold. */

export type OptimizerState =
  { kind: "adam"; t: number; m: number[]; v: number[] } | { kind: "sgd" };

export interface OptimizerOptions {
  kind: "adam" | "sgd";
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export function initialOptimizerState(kind: "adam" | "sgd", size: number): OptimizerState {
  return kind === "adam"
    ? { kind, t: 0, m: new Array(size).fill(0), v: new Array(size).fill(0) }
    : { kind };
}

/** Scales `grad` in place so its L2 norm is at most `maxNorm`; returns the norm before. */
export function clipGradNorm(grad: Float64Array, maxNorm: number): number {
  let sq = 0;
  for (const g of grad) sq += g * g;
  const norm = Math.sqrt(sq);
  if (norm > maxNorm && norm > 0) {
    const scale = maxNorm / norm;
    for (let i = 0; i < grad.length; i++) grad[i] *= scale;
  }
  return norm;
}

/** One descent step on `weights` (in place) along the loss gradient; returns the new state. */
export function optimizerStep(
  weights: Float64Array,
  lossGrad: Float64Array,
  state: OptimizerState,
  options: OptimizerOptions,
): OptimizerState {
  const lr = options.learningRate;
  if (state.kind === "sgd") {
    for (let i = 0; i < weights.length; i++) weights[i] -= lr * lossGrad[i];
    return state;
  }
  const b1 = options.beta1 ?? 0.9;
  const b2 = options.beta2 ?? 0.999;
  const eps = options.epsilon ?? 1e-8;
  const t = state.t + 1;
  const m = [...state.m];
  const v = [...state.v];
  for (let i = 0; i < weights.length; i++) {
    m[i] = b1 * m[i] + (1 - b1) * lossGrad[i];
    v[i] = b2 * v[i] + (1 - b2) * lossGrad[i] * lossGrad[i];
    const mHat = m[i] / (1 - b1 ** t);
    const vHat = v[i] / (1 - b2 ** t);
    weights[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
  return { kind: "adam", t, m, v };
}
