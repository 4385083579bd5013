"use client";
import { ChevronLeft, ChevronRight, RefreshCw } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EpisodeFilters } from "./episode-filters";
import { EPISODE_PAGE_SIZE, type EpisodeFilters as Filters, episodeQuery } from "./episode-query";
import { num } from "./format";
import type { EpisodeRow } from "./types";

const LINK_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border border-border px-2.5 text-sm hover:bg-surface-2";

const DIFFICULTY_TONE = { easy: "neutral", medium: "accent", hard: "warning" } as const;

function Pager({
  filters,
  total,
  href,
}: {
  filters: Filters;
  total: number;
  href: (f: Filters) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / EPISODE_PAGE_SIZE));
  const first = total === 0 ? 0 : (filters.page - 1) * EPISODE_PAGE_SIZE + 1;
  const last = Math.min(total, filters.page * EPISODE_PAGE_SIZE);
  return (
    <nav
      className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm text-muted"
      aria-label="Pages"
    >
      <span data-testid="episode-range">
        {first}–{last} of {total}
      </span>
      <div className="flex items-center gap-2">
        <span>
          page {filters.page} of {pages}
        </span>
        {filters.page > 1 && (
          <Link
            href={href({ ...filters, page: filters.page - 1 })}
            scroll={false}
            className={LINK_BUTTON}
          >
            <ChevronLeft size={14} aria-hidden /> Previous
          </Link>
        )}
        {filters.page < pages && (
          <Link
            href={href({ ...filters, page: filters.page + 1 })}
            scroll={false}
            className={LINK_BUTTON}
          >
            Next <ChevronRight size={14} aria-hidden />
          </Link>
        )}
      </div>
    </nav>
  );
}

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
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startTransition] = useTransition();
  const href = (f: Filters) => `${pathname}${episodeQuery(f)}`;
  const navigate = (next: Filters) =>
    startTransition(() => router.push(href(next), { scroll: false }));

  return (
    <section className="space-y-3" aria-labelledby="episodes-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="episodes-heading" className="font-medium">
          Episodes
        </h2>
        {newer > 0 && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => startTransition(() => router.refresh())}
          >
            <RefreshCw size={14} aria-hidden /> Show {newer} new iteration{newer === 1 ? "" : "s"}
          </Button>
        )}
      </div>
      <EpisodeFilters
        key={episodeQuery({ ...filters, page: 1 })}
        filters={filters}
        iterations={iterations}
        onChange={navigate}
      />
      <Card className={cn("overflow-hidden transition-opacity", navigating && "opacity-60")}>
        {episodes.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-muted">
            {episodeQuery({ ...filters, page: 1 })
              ? "No episode matches these filters."
              : newer > 0
                ? "New episodes are stored — show them with the button above."
                : "Episodes appear here as iterations finish."}
          </p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Episodes">
            <thead className="text-xs text-muted">
              <tr className="border-b border-border">
                <th className="py-2 pl-4 pr-3 font-medium">Iteration</th>
                <th className="py-2 pr-3 font-medium">Phase</th>
                <th className="py-2 pr-3 font-medium">Task</th>
                <th className="py-2 pr-3 text-right font-medium">Trial</th>
                <th className="py-2 pr-3 font-medium">Faults</th>
                <th className="py-2 pr-3 text-right font-medium">Steps</th>
                <th className="py-2 pr-3 text-right font-medium">Reward</th>
                <th className="py-2 pr-4 font-medium">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {episodes.map((e) => (
                <tr
                  key={e.id}
                  className="border-b border-border last:border-b-0 hover:bg-surface-2/50"
                  data-testid="episode-row"
                  data-fault={e.faultsHit > 0 || undefined}
                >
                  <td className="py-2 pl-4 pr-3 tabular-nums">{e.iteration + 1}</td>
                  <td className="py-2 pr-3 text-muted">{e.phase}</td>
                  <td className="py-2 pr-3">
                    <Link
                      href={`/w/${slug}/runs/${runId}/episodes/${e.id}${episodeQuery(filters)}`}
                      className="font-mono text-xs hover:text-accent hover:underline"
                    >
                      {e.taskKey}
                    </Link>{" "}
                    <Badge
                      tone={
                        DIFFICULTY_TONE[e.difficulty as keyof typeof DIFFICULTY_TONE] ?? "neutral"
                      }
                    >
                      {e.difficulty}
                    </Badge>
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums text-muted">{e.trial + 1}</td>
                  <td className="py-2 pr-3">
                    {e.faultProfile === "none" ? (
                      <span className="text-muted">clean</span>
                    ) : (
                      <span className="flex flex-wrap items-center gap-1">
                        <span className="text-muted">{e.faultProfile}</span>
                        {e.faultsHit > 0 && <Badge tone="warning">{e.faultsHit} hit</Badge>}
                        {e.recovered && <Badge tone="success">recovered</Badge>}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{e.stepCount}</td>
                  <td className="py-2 pr-3 text-right font-mono tabular-nums">
                    {num(e.reward, 2)}
                  </td>
                  <td className="py-2 pr-4">
                    <Badge tone={e.success ? "success" : "danger"}>
                      {e.success ? "success" : "failed"}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="border-t border-border">
          <Pager filters={filters} total={total} href={href} />
        </div>
      </Card>
    </section>
  );
}
