import { GeneratePanel } from "@/components/tasks/generation-jobs";
import { TaskSetList } from "@/components/tasks/task-set-list";
import {
  type EnvironmentChoice,
  GENERATE_KIND,
  type SetStats,
  type TaskSetSummary,
} from "@/components/tasks/types";
import { PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";
import { getEnvironment, listEnvironments } from "@/lib/server/services/environments";
import { listJobs } from "@/lib/server/services/jobs";
import { listTaskSets } from "@/lib/server/services/tasks";

export const metadata = { title: "Tasks" };

export default async function TasksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const [sets, environments, jobs] = await Promise.all([
    listTaskSets(access.actor, slug),
    listEnvironments(access.actor, slug),
    listJobs(access.actor, slug),
  ]);
  const choices: EnvironmentChoice[] = await Promise.all(
    environments.map(async (env) => {
      const full = await getEnvironment(access.actor, slug, env.id);
      return {
        id: env.id,
        name: env.name,
        versions: full.versions.map((v) => ({ id: v.id, number: v.number, message: v.message })),
      };
    }),
  );
  const summaries: TaskSetSummary[] = sets.map((set) => ({
    id: set.id,
    name: set.name,
    seed: set.seed,
    createdAt: set.createdAt.toISOString(),
    environment: set.environmentVersion.environment,
    version: { id: set.environmentVersion.id, number: set.environmentVersion.number },
    taskCount: set.taskCount,
    statusCounts: set.statusCounts,
    stats: set.stats as SetStats | null,
  }));
  const running = jobs
    .filter((j) => j.kind === GENERATE_KIND && (j.status === "queued" || j.status === "running"))
    .map((j) => ({ ...j, createdAt: j.createdAt.toISOString() }));
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Verifiable tasks generated in an environment, each with a reference solution and a checker. Review them before training on them."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
        <TaskSetList sets={summaries} />
        <GeneratePanel environments={choices} initialJobs={running} />
      </div>
    </>
  );
}
