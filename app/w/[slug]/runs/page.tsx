import { LaunchForm } from "@/components/runs/launch-form";
import { RunList } from "@/components/runs/run-list";
import { toRunSummary } from "@/components/runs/summary";
import type { LlmChoice, TaskSetChoice } from "@/components/runs/types";
import { PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";
import { getLlmSettings } from "@/lib/server/services/llm-settings";
import { listRuns } from "@/lib/server/services/runs";
import { listTaskSets } from "@/lib/server/services/tasks";

export const metadata = { title: "Runs" };

export default async function RunsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const [runs, sets, provider] = await Promise.all([
    listRuns(access.actor, slug),
    listTaskSets(access.actor, slug),
    getLlmSettings(access.actor, slug),
  ]);
  // Only which model is configured goes to the browser, never the key.
  const llm: LlmChoice | null = provider
    ? { kind: provider.kind, model: provider.model, source: provider.source }
    : null;
  const taskSets: TaskSetChoice[] = sets.map((set) => ({
    id: set.id,
    name: set.name,
    taskCount: set.taskCount,
    environmentVersionId: set.environmentVersion.id,
    environment: set.environmentVersion.environment.name,
    version: set.environmentVersion.number,
  }));
  return (
    <>
      <PageHeader
        title="Runs"
        description="Train an agent on a task set and watch it improve live, or evaluate a baseline or the workspace's LLM agent. Every episode is stored and can be replayed step by step."
      />
      <div className="grid gap-6 items-start xl:grid-cols-[minmax(0,1fr)_380px]">
        <RunList runs={runs.map(toRunSummary)} />
        <LaunchForm taskSets={taskSets} llm={llm} />
      </div>
    </>
  );
}
