/** Advantage estimators: GRPO's group-relative one and REINFORCE's moving-average baseline. */

/** Added to the std so a group of near-equal rewards does not blow up (as in TRL). */
export const STD_EPSILON = 1e-4;

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n − 1), as GRPO implementations compute it; 0 for one value. */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Group-relative advantages: (r − mean) / (std + ε), or r − mean with `drGrpo` (Dr. GRPO drops
 * the std normalisation, which over-weights groups whose rewards barely differ).
 */
export function groupAdvantages(rewards: readonly number[], drGrpo: boolean): number[] {
  // Equal rewards carry no signal (their float mean need not equal them exactly).
  if (rewards.every((r) => r === rewards[0])) return rewards.map(() => 0);
  const m = mean(rewards);
  if (drGrpo) return rewards.map((r) => r - m);
  const s = sampleStd(rewards);
  return rewards.map((r) => (r - m) / (s + STD_EPSILON));
}

export interface GroupedReward {
  /** Rollouts of the same task in the same iteration share a group. */
  group: string;
  faulty: boolean;
  reward: number;
}

/**
 * GRPO advantages with clean and faulty rollouts of a group normalised separately, so the
 * lower rewards of faulty rollouts are not read as a worse policy on the clean ones.
 */
export function grpoAdvantages(items: readonly GroupedReward[], drGrpo: boolean): number[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = `${item.faulty ? "faulty" : "clean"}\n${item.group}`;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const advantages = new Array<number>(items.length).fill(0);
  for (const members of groups.values()) {
    const values = groupAdvantages(
      members.map((i) => items[i].reward),
      drGrpo,
    );
    members.forEach((i, j) => (advantages[i] = values[j]));
  }
  return advantages;
}

/** REINFORCE baselines, one per condition; null until the first batch. */
export interface BaselineState {
  clean: number | null;
  faulty: number | null;
}

/**
 * REINFORCE advantages r − b with an exponential moving-average baseline per condition. The
 * first batch's mean seeds a baseline; afterwards b ← decay·b + (1 − decay)·batch mean,
 * applied after the advantages are computed (the baseline never sees its own batch).
 */
export function reinforceAdvantages(
  items: readonly { faulty: boolean; reward: number }[],
  baseline: BaselineState,
  decay: number,
): { advantages: number[]; baseline: BaselineState } {
  const next: BaselineState = { ...baseline };
  const advantages = new Array<number>(items.length).fill(0);
  for (const condition of ["clean", "faulty"] as const) {
    const idx = items.flatMap((item, i) =>
      (item.faulty ? "faulty" : "clean") === condition ? [i] : [],
    );
    if (idx.length === 0) continue;
    const batchMean = mean(idx.map((i) => items[i].reward));
    const b = baseline[condition] ?? batchMean;
    for (const i of idx) advantages[i] = items[i].reward - b;
    next[condition] =
      baseline[condition] === null ? batchMean : decay * b + (1 - decay) * batchMean;
  }
  return { advantages, baseline: next };
}
