import type { Task } from "../task";

/** Instructions sharing this share of words (with the same chain and goal paths) are duplicates. */
const SIMILARITY = 0.9;

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}_.-]+/gu) ?? []);

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Remembers accepted tasks and says why a new one duplicates one of them: the same reference
 * solution, the same chain with the same goals and outputs, the same instruction, or a
 * near-identical instruction for the same chain and goal paths (only a detail differs).
 */
export class DuplicateFilter {
  private readonly exact = new Set<string>();
  private readonly solutions = new Set<string>();
  private readonly instructions = new Set<string>();
  private readonly similar = new Map<string, Set<string>[]>();

  /**
   * Cheap pre-check on a sampled solution before a task is built from it: the same calls with
   * the same arguments make the same task (in another seed's world at most).
   */
  seen(solution: Task["solution"]): boolean {
    return this.solutions.has(JSON.stringify(solution));
  }

  /** The reason the task duplicates an earlier one, or undefined (and the task is remembered). */
  check(task: Task): string | undefined {
    const solutionKey = JSON.stringify(task.solution);
    if (this.solutions.has(solutionKey)) return "same reference solution as an earlier task";
    const chain = task.provenance.chain.join(">");
    const paths = task.checker.goals.map((g) => g.path).join("|");
    const exactKey = JSON.stringify([
      chain,
      task.checker.goals,
      task.checker.requiredOutputs,
      task.checker.requiredCalls,
    ]);
    if (this.exact.has(exactKey)) return "same tool chain, goals and outputs as an earlier task";
    const normalized = task.instruction.toLowerCase().replace(/\s+/g, " ").trim();
    if (this.instructions.has(normalized)) return "same instruction as an earlier task";
    const bucketKey = `${chain}\n${paths}`;
    const bucket = this.similar.get(bucketKey) ?? [];
    const mine = words(task.instruction);
    if (bucket.some((other) => jaccard(mine, other) >= SIMILARITY)) {
      return "near-identical instruction for the same chain and goal paths";
    }
    this.exact.add(exactKey);
    this.solutions.add(solutionKey);
    this.instructions.add(normalized);
    bucket.push(mine);
    this.similar.set(bucketKey, bucket);
    return undefined;
  }
}

/** Drops near-duplicates from a list, keeping the first of each group. */
export function dedupeTasks(tasks: readonly Task[]): {
  kept: Task[];
  dropped: { task: Task; reason: string }[];
} {
  const filter = new DuplicateFilter();
  const kept: Task[] = [];
  const dropped: { task: Task; reason: string }[] = [];
  for (const task of tasks) {
    const reason = filter.check(task);
    if (reason) dropped.push({ task, reason });
    else kept.push(task);
  }
  return { kept, dropped };
}
