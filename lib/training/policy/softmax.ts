import type { Rng } from "../rng";

/** One softmax choice as the learner made it: candidates' features and the pick. */
export interface Factor {
  /** Where the candidates' features sit in the weight vector. */
  offset: number;
  rows: readonly Float64Array[];
  chosen: number;
}

/** log π of each candidate under `weights`. */
export function logSoftmax(
  weights: Float64Array,
  offset: number,
  rows: readonly Float64Array[],
): Float64Array {
  const n = rows.length;
  const scores = new Float64Array(n);
  let top = -Infinity;
  for (let c = 0; c < n; c++) {
    const row = rows[c];
    let s = 0;
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) s += weights[offset + j] * row[j];
    scores[c] = s;
    if (s > top) top = s;
  }
  let total = 0;
  for (let c = 0; c < n; c++) total += Math.exp(scores[c] - top);
  const logZ = top + Math.log(total);
  for (let c = 0; c < n; c++) scores[c] -= logZ;
  return scores;
}

export function entropyOf(logp: Float64Array): number {
  let h = 0;
  for (const lp of logp) h -= Math.exp(lp) * lp;
  return h;
}

/** Samples a candidate (or, when `greedy`, takes the most likely one). */
export function chooseSoftmax(
  weights: Float64Array,
  offset: number,
  rows: readonly Float64Array[],
  rng: Rng,
  greedy: boolean,
): { index: number; logprob: number; entropy: number } {
  if (rows.length === 1) return { index: 0, logprob: 0, entropy: 0 };
  const logp = logSoftmax(weights, offset, rows);
  let index = 0;
  if (greedy) {
    for (let c = 1; c < logp.length; c++) if (logp[c] > logp[index]) index = c;
  } else {
    let u = rng.next();
    index = logp.length - 1;
    for (let c = 0; c < logp.length; c++) {
      u -= Math.exp(logp[c]);
      if (u < 0) {
        index = c;
        break;
      }
    }
  }
  return { index, logprob: logp[index], entropy: entropyOf(logp) };
}

/**
 * Adds `logprobScale · ∇ log π(chosen)` and `entropyScale · ∇ H` of one factor to `grad`, given
 * its log-probabilities:  ∇ log π(a) = φ(a) − E[φ],  ∇ H = −Σ_c π_c (log π_c + H) φ_c.
 */
export function addFactorGradient(
  grad: Float64Array,
  factor: Factor,
  logp: Float64Array,
  logprobScale: number,
  entropyScale: number,
): void {
  const { offset, rows, chosen } = factor;
  if (rows.length === 1 || (logprobScale === 0 && entropyScale === 0)) return;
  const entropy = entropyOf(logp);
  for (let c = 0; c < rows.length; c++) {
    const p = Math.exp(logp[c]);
    const weight = -logprobScale * p - entropyScale * p * (logp[c] + entropy);
    const row = rows[c];
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) grad[offset + j] += weight * row[j];
  }
  const row = rows[chosen];
  for (let j = 0; j < row.length; j++) if (row[j] !== 0) grad[offset + j] += logprobScale * row[j];
}
