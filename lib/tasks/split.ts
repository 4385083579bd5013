import type { Split } from "./task";
import { hashSeed } from "./rng";

/** Share of tasks held out for evaluation. */
export const EVAL_SHARE = 0.2;

/** Deterministic train/eval split from the task id alone (stable when tasks are regenerated). */
export function splitOf(id: string, evalShare = EVAL_SHARE): Split {
  return hashSeed("split", id) % 10_000 < evalShare * 10_000 ? "eval" : "train";
}
