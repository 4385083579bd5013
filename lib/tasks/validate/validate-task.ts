import type { JsonValue, LoadedEnvironment, RewardBreakdown } from "@/lib/runtime";
import type { RejectionCode } from "../errors";
import { taskSchema, type Task } from "../task";
import { formatValue } from "../build/words";
import {
  referenceAnswer,
  runNoop,
  runReference,
  scoreEpisode,
  type EpisodeInput,
} from "./episodes";

export type Validation = { ok: true } | { ok: false; code: RejectionCode; reason: string };

const reject = (code: RejectionCode, reason: string): Validation => ({ ok: false, code, reason });

function scalars(value: JsonValue | undefined, out: string[] = []): string[] {
  if (value === undefined) return out;
  if (value !== null && typeof value === "object") {
    for (const v of Array.isArray(value) ? value : Object.values(value)) scalars(v, out);
  } else {
    out.push(formatValue(value));
  }
  return out;
}

function summary(b: RewardBreakdown): string {
  const missed = [
    ...b.goals
      .filter((g) => !g.ok)
      .map(
        (g) =>
          `goal ${g.path} is ${JSON.stringify(g.actual)}, expected ${JSON.stringify(g.expected)}`,
      ),
    ...b.calls.filter((c) => c.matchedStep === null).map((c) => `call ${c.tool} not made`),
    ...b.outputs.filter((o) => !o.found).map((o) => `output "${o.value}" missing`),
  ];
  return `score ${b.score.toFixed(3)} (trace ${b.trace.toFixed(2)}, state ${b.state.toFixed(2)}, penalty ${b.penalty.toFixed(2)})${missed.length ? `: ${missed.slice(0, 3).join("; ")}` : ""}`;
}

/**
 * Checks one task against its environment:
 * - it matches the schema and its checker checks something;
 * - the instruction states every value the checker requires literally, and none of the
 *   outputs it asks for (else echoing the instruction would pass);
 * - doing nothing scores exactly 0 (the seed state must not already satisfy the goals);
 * - the reference solution, answered with the required outputs, scores 1.
 * `options.reference` supplies an already executed reference episode (the generator's own run).
 */
export async function validateTask(
  env: LoadedEnvironment,
  input: unknown,
  options: { reference?: EpisodeInput } = {},
): Promise<Validation> {
  const parsed = taskSchema.safeParse(input);
  if (!parsed.success)
    return reject(
      "TASK_INVALID",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  const task: Task = parsed.data;
  const { goals, requiredCalls, requiredOutputs } = task.checker;
  if (goals.length + requiredCalls.length + requiredOutputs.length === 0) {
    return reject("CHECKS_NOTHING", "the checker has no goals, required calls or required outputs");
  }
  const needed = [
    ...requiredCalls.flatMap((c) => scalars(c.args)),
    ...(task.provenance.mentions ?? []),
  ];
  const missing = needed.find((v) => !task.instruction.includes(v));
  if (missing !== undefined)
    return reject(
      "VALUE_NOT_IN_INSTRUCTION",
      `the instruction never states "${missing}", which the checker requires`,
    );
  const leaked = requiredOutputs.find((v) => task.instruction.includes(v));
  if (leaked !== undefined)
    return reject(
      "OUTPUT_IN_INSTRUCTION",
      `the instruction already contains the answer "${leaked}"`,
    );

  const noop = await runNoop(env, task);
  if (noop.breakdown.score > 0)
    return reject("NOOP_SCORES", `doing nothing scores > 0: ${summary(noop.breakdown)}`);
  // The generator passes the run it built the task from (same code, seed and calls give the
  // same episode); anyone else gets a fresh execution.
  const breakdown = options.reference
    ? scoreEpisode(task, { ...options.reference, finalAnswer: referenceAnswer(task) })
    : (await runReference(env, task)).breakdown;
  if (breakdown.score < 1 - 1e-9)
    return reject("REFERENCE_FAILS", `the reference solution scores < 1: ${summary(breakdown)}`);
  return { ok: true };
}
