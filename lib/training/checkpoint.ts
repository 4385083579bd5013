import { createHash } from "node:crypto";
import { z } from "zod";
import type { Task } from "@/lib/tasks";
import type { BaselineState } from "./algorithms/advantages";
import type { OptimizerState } from "./algorithms/optimizer";
import { trainConfigSchema, type TrainConfig } from "./config";
import type { CurriculumState } from "./curriculum";
import type { PolicyWeights } from "./policy/linear-policy";

/**
 * Everything needed to continue a run exactly where it stopped, taken at the end of an
 * iteration. Plain JSON (numbers round-trip exactly), stored as `checkpoint.json` or a column.
 */
export interface Checkpoint {
  version: 1;
  /** Completed iterations; the next one to run has this index. */
  iteration: number;
  config: TrainConfig;
  policy: PolicyWeights;
  optimizer: OptimizerState;
  /** State of the generator that samples tasks and assigns faults. */
  rng: number;
  curriculum: CurriculumState;
  baseline: BaselineState;
  /** sha256 of the environment code and of the task ids: resuming elsewhere is refused. */
  envHash: string;
  tasksHash: string;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");

export const checkpointSchema = z.object({
  version: z.literal(1),
  iteration: z.number().int().min(0),
  config: trainConfigSchema,
  policy: z.object({
    kind: z.literal("linear"),
    features: z.array(z.object({ name: z.string(), about: z.string(), weight: finite })),
  }),
  optimizer: z.union([
    z.object({
      kind: z.literal("adam"),
      t: z.number().int().min(0),
      m: z.array(finite),
      v: z.array(finite),
    }),
    z.object({ kind: z.literal("sgd") }),
  ]),
  rng: z.number().int().min(0).max(0xffffffff),
  curriculum: z.object({ faultFraction: z.number().min(0).max(1), gap: finite.nullable() }),
  baseline: z.object({ clean: finite.nullable(), faulty: finite.nullable() }),
  envHash: z.string(),
  tasksHash: z.string(),
}) satisfies z.ZodType<Checkpoint>;

export function tasksHash(tasks: readonly Task[]): string {
  return createHash("sha256")
    .update(tasks.map((t) => t.id).join("\n"))
    .digest("hex");
}
