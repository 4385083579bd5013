"use client";
import { useWorkspace } from "@/components/shell/workspace-context";
import type { EpisodeFilters } from "./episode-query";
import { EpisodeTable } from "./episode-table";
import { EvalReport } from "./eval-report";
import { plannedIterations } from "./format";
import { RunCharts } from "./run-charts";
import { RunHeader } from "./run-header";
import type { EpisodeRow, RunDetail } from "./types";
import { useLiveRun } from "./use-live-run";

/** A run's page: header, live curves, the latest evaluation, and its episodes. */
export function RunView({
  run: initial,
  episodes,
}: {
  run: RunDetail;
  episodes: { rows: EpisodeRow[]; total: number; filters: EpisodeFilters };
}) {
  const { slug } = useWorkspace();
  const run = useLiveRun(initial, slug);
  const latestEval = [...run.iterations].reverse().find((i) => i.metrics.eval);
  const stored = run.iterations.length;
  return (
    <>
      <RunHeader run={run} />
      <div className="space-y-6">
        {run.policy === "learner" && (
          <RunCharts
            iterations={run.iterations}
            planned={plannedIterations(run.config, run.policy)}
            trials={Number(run.config.evalTrials ?? 4)}
          />
        )}
        <EvalReport
          report={latestEval?.metrics.eval ?? null}
          iteration={latestEval && run.policy === "learner" ? latestEval.index + 1 : null}
        />
        <EpisodeTable
          runId={run.id}
          episodes={episodes.rows}
          total={episodes.total}
          filters={episodes.filters}
          iterations={stored}
          newer={Math.max(0, stored - initial.iterations.length)}
        />
      </div>
    </>
  );
}
