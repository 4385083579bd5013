import type { TrainConfig } from "../config";
import { addFactorGradient, entropyOf, logSoftmax } from "../policy/softmax";
import type { Rollout } from "../rollout";
import { clipGradNorm } from "./optimizer";

export interface GradientResult {
  /** Gradient of the loss (to descend), clipped to `maxGradNorm`. */
  lossGrad: Float64Array;
  loss: number;
  /** L2 norm before clipping. */
  gradNorm: number;
  /** Mean entropy per decision under the current weights. */
  entropy: number;
  /** Share of decisions whose probability ratio left the trust region (no gradient). */
  clipFraction: number;
}

/** How much each episode's log-probabilities count, before its advantage. */
function lengthWeight(config: TrainConfig, decisions: number): number {
  if (config.algorithm === "reinforce") return 1;
  // GRPO averages over the episode's decisions; Dr. GRPO divides by a constant instead, so
  // long failing episodes are not penalised less per decision than short ones.
  return config.drGrpo ? 1 / (config.maxSteps + 1) : 1 / Math.max(1, decisions);
}

/**
 * The clipped policy-gradient loss at the current weights:
 *   −(1/N) Σ_i Σ_t w_i · min(ρ_t A_i, clip(ρ_t, 1 ± ε) A_i)  −  β · mean entropy,
 * with ρ_t = π(a_t) / π_old(a_t) and w_i the length weight. On the first update of a batch
 * ρ = 1 and this is the plain policy gradient −(1/N) Σ A_i w_i Σ_t log π(a_t).
 */
export function policyGradient(
  weights: Float64Array,
  rollouts: readonly Rollout[],
  advantages: readonly number[],
  config: TrainConfig,
): GradientResult {
  const size = weights.length;
  const grad = new Float64Array(size);
  const n = rollouts.length;
  const decisionCount = rollouts.reduce((a, r) => a + r.decisions.length, 0);
  const entropyScale = decisionCount === 0 ? 0 : config.entropyCoef / decisionCount;
  const eps = config.clipEpsilon;
  let surrogate = 0;
  let entropySum = 0;
  let clipped = 0;
  rollouts.forEach((run, i) => {
    const advantage = advantages[i];
    const scale = (advantage * lengthWeight(config, run.decisions.length)) / n;
    for (const decision of run.decisions) {
      const dists = decision.factors.map((f) =>
        f.rows.length === 1 ? null : logSoftmax(weights, f.offset, f.rows),
      );
      let logprob = 0;
      dists.forEach((logp, k) => {
        if (!logp) return;
        logprob += logp[decision.factors[k].chosen];
        entropySum += entropyOf(logp);
      });
      const ratio = Math.exp(logprob - decision.logprob);
      const outside = (advantage > 0 && ratio > 1 + eps) || (advantage < 0 && ratio < 1 - eps);
      if (outside) clipped++;
      surrogate += scale * (outside ? Math.min(Math.max(ratio, 1 - eps), 1 + eps) : ratio);
      const logprobScale = outside ? 0 : scale * ratio;
      dists.forEach((logp, k) => {
        if (logp) addFactorGradient(grad, decision.factors[k], logp, logprobScale, entropyScale);
      });
    }
  });
  const meanEntropy = decisionCount === 0 ? 0 : entropySum / decisionCount;
  // The gradient above ascends the objective; the optimizers descend the loss.
  for (let j = 0; j < size; j++) grad[j] = -grad[j];
  const gradNorm = clipGradNorm(grad, config.maxGradNorm);
  return {
    lossGrad: grad,
    loss: -surrogate - config.entropyCoef * meanEntropy,
    gradNorm,
    entropy: meanEntropy,
    clipFraction: decisionCount === 0 ? 0 : clipped / decisionCount,
  };
}
