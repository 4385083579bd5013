import { TaskError } from "./errors";
import { taskSchema, type Task } from "./task";

/** One task per line; key order is fixed by construction, so equal tasks give equal bytes. */
export function tasksToJsonl(tasks: readonly Task[]): string {
  return tasks.map((t) => JSON.stringify(t)).join("\n") + (tasks.length ? "\n" : "");
}

/** Parses `tasks.jsonl`; throws `TaskError` (`TASK_INVALID`) naming the first bad line. */
export function parseTasksJsonl(text: string): Task[] {
  const tasks: Task[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new TaskError("TASK_INVALID", `line ${i + 1} is not JSON: ${(error as Error).message}`);
    }
    const parsed = taskSchema.safeParse(value);
    if (!parsed.success) {
      throw new TaskError(
        "TASK_INVALID",
        `line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    }
    tasks.push(parsed.data);
  });
  return tasks;
}
