import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadEnvironment, PACKAGE_FILES, type LoadedEnvironment } from "@/lib/runtime";
import { parseTasksJsonl, type Task } from "@/lib/tasks";
import { TrainingError } from "../errors";

/**
 * A CPU deadline per tool call far above any real tool's need: on a busy machine the default
 * 50 ms can expire for no fault of the environment, which would make runs irreproducible.
 */
export const TRAINING_TOOL_TIMEOUT_MS = 1000;

/** Loads an environment package directory and its tasks (`<dir>/tasks.jsonl` by default). */
export async function loadRunInputs(
  envDir: string,
  tasksFile?: string,
): Promise<{ env: LoadedEnvironment; tasks: Task[]; tasksFile: string }> {
  const file = tasksFile ?? path.join(envDir, PACKAGE_FILES.tasks);
  const env = await loadEnvironment(
    { dir: envDir },
    { limits: { timeoutMs: TRAINING_TOOL_TIMEOUT_MS } },
  );
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    env.dispose();
    throw new TrainingError(
      "NO_TASKS",
      `cannot read tasks from ${file}; generate them with \`npm run envf -- tasks ${envDir}\` or pass --tasks`,
    );
  }
  try {
    const tasks = parseTasksJsonl(text);
    if (tasks.length === 0) throw new TrainingError("NO_TASKS", `${file} has no tasks`);
    return { env, tasks, tasksFile: file };
  } catch (error) {
    env.dispose();
    throw error;
  }
}
