import "server-only";
import type { JobDefinition } from "./definition";
import { evaluateRunJob } from "./evaluate-run";
import { generateTasksJob } from "./generate-tasks";
import { synthesizeJob } from "./synthesize";
import { trainRunJob } from "./train-run";

/** Every job kind the worker runs. Producers and the worker share these definitions. */
export const jobDefinitions = [
  synthesizeJob,
  generateTasksJob,
  trainRunJob,
  evaluateRunJob,
] as unknown as JobDefinition<never>[];

export function findJobDefinition(
  kind: string,
  extra: JobDefinition<never>[] = [],
): JobDefinition<never> | undefined {
  return [...extra, ...jobDefinitions].find((d) => d.kind === kind);
}
