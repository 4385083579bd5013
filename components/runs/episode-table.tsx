"use client";
import { RefreshCw } from "lucide-react";
import Link from "next/link";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { type Column, PagedTable, useQueryNavigation } from "@/components/ui/paged-table";
import { EpisodeFilters } from "./episode-filters";
import { EPISODE_PAGE_SIZE, type EpisodeFilters as Filters, episodeQuery } from "./episode-query";
import { num } from "./format";
import type { EpisodeRow } from "./types";

const DIFFICULTY_TONE = { easy: "neutral", medium: "accent", hard: "warning" } as const;

/** One page of a run's episodes, filtered on the server through the URL. */
export function EpisodeTable({
  runId,
  episodes,
  total,
  filters,
  iterations,
  newer,
}: {
  runId: string;
  episodes: EpisodeRow[];
  total: number;
  filters: Filters;
  iterations: number;
  /** Iterations stored since this page was loaded (the table is not live; the charts are). */
  newer: number;
}) {
  const { slug } = useWorkspace();
  const navigation = useQueryNavigation(episodeQuery);
  const columns: Column<EpisodeRow>[] = [
    { header: "Iteration", cell: (e) => e.iteration + 1, className: "tabular-nums" },
    { header: "Phase", cell: (e) => e.phase, className: "text-muted" },
    {
      header: "Task",
      cell: (e) => (
        <>
          <Link
            href={`/w/${slug}/runs/${runId}/episodes/${e.id}${episodeQuery(filters)}`}
            className="font-mono text-xs hover:text-accent hover:underline"
          >
            {e.taskKey}
          </Link>{" "}
          <Badge tone={DIFFICULTY_TONE[e.difficulty as keyof typeof DIFFICULTY_TONE] ?? "neutral"}>
            {e.difficulty}
          </Badge>
        </>
      ),
    },
    {
      header: "Trial",
      align: "right",
      cell: (e) => e.trial + 1,
      className: "tabular-nums text-muted",
    },
    {
      header: "Faults",
      cell: (e) =>
        e.faultProfile === "none" ? (
          <span className="text-muted">clean</span>
        ) : (
          <span className="flex flex-wrap items-center gap-1">
            <span className="text-muted">{e.faultProfile}</span>
            {e.faultsHit > 0 && <Badge tone="warning">{e.faultsHit} hit</Badge>}
            {e.recovered && <Badge tone="success">recovered</Badge>}
          </span>
        ),
    },
    { header: "Steps", align: "right", cell: (e) => e.stepCount, className: "tabular-nums" },
    {
      header: "Reward",
      align: "right",
      cell: (e) => num(e.reward, 2),
      className: "font-mono tabular-nums",
    },
    {
      header: "Outcome",
      cell: (e) => (
        <Badge tone={e.success ? "success" : "danger"}>{e.success ? "success" : "failed"}</Badge>
      ),
    },
  ];

  return (
    <section className="space-y-3" aria-labelledby="episodes-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="episodes-heading" className="font-medium">
          Episodes
        </h2>
        {newer > 0 && (
          <Button variant="secondary" size="sm" onClick={navigation.refresh}>
            <RefreshCw size={14} aria-hidden /> Show {newer} new iteration{newer === 1 ? "" : "s"}
          </Button>
        )}
      </div>
      <EpisodeFilters
        key={episodeQuery({ ...filters, page: 1 })}
        filters={filters}
        iterations={iterations}
        onChange={navigation.navigate}
      />
      <PagedTable
        label="Episodes"
        testId="episode"
        rows={episodes}
        columns={columns}
        rowData={(e) => ({ "data-fault": e.faultsHit > 0 || undefined })}
        empty={
          episodeQuery({ ...filters, page: 1 })
            ? "No episode matches these filters."
            : newer > 0
              ? "New episodes are stored — show them with the button above."
              : "Episodes appear here as iterations finish."
        }
        filters={filters}
        navigation={navigation}
        pageSize={EPISODE_PAGE_SIZE}
        total={total}
      />
    </section>
  );
}
