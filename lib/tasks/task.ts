import { z } from "zod";
import type { JsonValue, RewardSpec } from "@/lib/runtime";

/**
 * The task contract shared with training and the studio. Field names are stable: trainers,
 * stored task sets and the studio read them.
 */

const json: z.ZodType<JsonValue> = z.json();
const args = z.record(z.string(), json);

export const difficulties = ["easy", "medium", "hard"] as const;
export const Difficulty = z.enum(difficulties);
export type Difficulty = z.infer<typeof Difficulty>;

export const Split = z.enum(["train", "eval"]);
export type Split = z.infer<typeof Split>;

export const goalSchema = z.object({
  /** JSON pointer into the final state. */
  path: z.string().regex(/^(\/.*)?$/, "expected a JSON pointer like /accounts/a1/balance"),
  equals: json,
});

export const requiredCallSchema = z.object({
  tool: z.string().min(1),
  /** The arguments the instruction states (a subset of the call's arguments). */
  args: args.optional(),
});

/** Maps one-to-one onto the runtime's `computeReward` spec. */
export const checkerSchema = z.object({
  goals: z.array(goalSchema),
  requiredCalls: z.array(requiredCallSchema),
  requiredOutputs: z.array(z.string().min(1)),
  tau: z.number().min(0).max(1),
});
export type Checker = z.infer<typeof checkerSchema>;

export const provenanceSchema = z.object({
  generator: z.string().min(1),
  envName: z.string().min(1),
  envVersion: z.string().min(1),
  /** The reference solution's tools, in order. */
  chain: z.array(z.string()),
  /** The sampler seed this task was drawn with. */
  seed: z.number().int(),
  /**
   * Values the instruction must contain for the task to be solvable (stated arguments and
   * the facts that pick one record out of a list). Rewrites must keep every one.
   */
  mentions: z.array(z.string()).optional(),
});

export const taskSchema = z.object({
  id: z.string().min(1),
  instruction: z.string().min(1),
  difficulty: Difficulty,
  tags: z.array(z.string()),
  split: Split,
  /** Episode seed: the session is created with it (the seed state may depend on it). */
  seed: z.number().int(),
  /** When present the episode starts from this state instead of the env's seed state. */
  initialState: json.optional(),
  /** The reference solution, executed by validation. */
  solution: z.array(z.object({ tool: z.string().min(1), args })),
  checker: checkerSchema,
  provenance: provenanceSchema,
});
export type Task = z.infer<typeof taskSchema>;

/** The checker as the runtime's reward spec (they share field names on purpose). */
export function rewardSpecOf(task: Task): RewardSpec {
  const { goals, requiredCalls, requiredOutputs, tau } = task.checker;
  return { goals, requiredCalls, requiredOutputs, tau };
}
