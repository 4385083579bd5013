/**
 * Seeded randomness for training whose whole state is one 32-bit number, so a checkpoint can
 * store it and a resumed run draws exactly what an uninterrupted run would have drawn.
 */

import { mulberry32 } from "@/lib/runtime/determinism/rng";

export { hashSeed } from "@/lib/runtime/determinism/rng";

/** mulberry32: fast, good enough for sampling, and its state is a single uint32. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    const step = mulberry32(this.state);
    this.state = step.state;
    return step.value;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** The state to store in a checkpoint; `Rng.restore(state)` continues the same sequence. */
  save(): number {
    return this.state;
  }

  static restore(state: number): Rng {
    return new Rng(state);
  }
}

/** Picks `count` distinct items (or all when fewer), in random order. */
export function sampleWithoutReplacement<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
