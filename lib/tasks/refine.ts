import { formatValue } from "./build/words";
import type { Task } from "./task";

export interface RewriteContext {
  task: Task;
  /** Values the rewrite must keep verbatim (ids, amounts, names, selecting facts). */
  mustMention: string[];
  /** Values the rewrite must not contain (the answers the agent has to find). */
  mustNotMention: string[];
}

export interface RefineResult {
  /** Every input task, with the accepted rewrites applied (tagged `refined`). */
  tasks: Task[];
  /** Rewrites that were refused; those tasks keep their original instruction. */
  rejected: { task: Task; rewrite?: string; reason: string }[];
}

function requiredValues(task: Task): string[] {
  const fromCalls = task.checker.requiredCalls.flatMap((c) =>
    Object.values(c.args ?? {})
      .filter((v) => v === null || typeof v !== "object")
      .map(formatValue),
  );
  return [...new Set([...fromCalls, ...(task.provenance.mentions ?? [])])];
}

/**
 * Rephrases instructions (e.g. with an LLM) to carry implicit intent while the checker stays
 * as it is. A rewrite that drops a value the checker needs, or gives away an answer, is refused.
 * Runs `concurrency` rewrites at a time (default 4).
 */
export async function refineInstructions(
  tasks: readonly Task[],
  rewrite: (instruction: string, context: RewriteContext) => Promise<string>,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<RefineResult> {
  const out: Task[] = [...tasks];
  const rejected: RefineResult["rejected"] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !options.signal?.aborted) {
      const index = next++;
      const task = tasks[index];
      const context: RewriteContext = {
        task,
        mustMention: requiredValues(task),
        mustNotMention: task.checker.requiredOutputs,
      };
      let text: string;
      try {
        text = (await rewrite(task.instruction, context)).trim();
      } catch (error) {
        rejected.push({
          task,
          reason: `rewrite failed: ${error instanceof Error ? error.message : String(error)}`,
        });
        continue;
      }
      const dropped = context.mustMention.find((v) => !text.includes(v));
      const leaked = context.mustNotMention.find((v) => text.includes(v));
      if (!text) rejected.push({ task, rewrite: text, reason: "the rewrite is empty" });
      else if (dropped !== undefined)
        rejected.push({
          task,
          rewrite: text,
          reason: `the rewrite drops the required value "${dropped}"`,
        });
      else if (leaked !== undefined)
        rejected.push({
          task,
          rewrite: text,
          reason: `the rewrite gives away the answer "${leaked}"`,
        });
      else
        out[index] = {
          ...task,
          instruction: text,
          tags: task.tags.includes("refined") ? task.tags : [...task.tags, "refined"],
        };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { tasks: out, rejected };
}
