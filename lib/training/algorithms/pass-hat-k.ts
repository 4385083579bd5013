/**
 * pass^k: the chance that k trials of a task drawn from its n all succeed, averaged over tasks
 * — mean over tasks of C(c, k) / C(n, k) with c successes out of n.
 */
export function passHatK(successCountsPerTask: readonly number[], n: number, k: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k must be an integer in [1, ${n}], got ${k}`);
  if (successCountsPerTask.length === 0) return 0;
  let total = 0;
  for (const c of successCountsPerTask) {
    if (!Number.isInteger(c) || c < 0 || c > n)
      throw new RangeError(`success counts must be integers in [0, ${n}], got ${c}`);
    // C(c,k)/C(n,k) = Π_{i<k} (c−i)/(n−i), without large binomials.
    let ratio = 1;
    for (let i = 0; i < k; i++) ratio *= Math.max(0, c - i) / (n - i);
    total += ratio;
  }
  return total / successCountsPerTask.length;
}

/** pass^k for every k in 1..n, keyed by k as a string (JSON object keys). */
export function passHatKTable(
  successCountsPerTask: readonly number[],
  n: number,
): Record<string, number> {
  const table: Record<string, number> = {};
  for (let k = 1; k <= n; k++) table[String(k)] = passHatK(successCountsPerTask, n, k);
  return table;
}
