import { parseEpisodeFilters, serviceQuery } from "@/components/runs/episode-query";
import { RunView } from "@/components/runs/run-view";
import { toRunDetail } from "@/components/runs/summary";
import type { EpisodeRow } from "@/components/runs/types";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getRun, listEpisodes } from "@/lib/server/services/runs";

export const metadata = { title: "Run" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; runId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug, runId } = await params;
  const filters = parseEpisodeFilters(await searchParams);
  const access = await pageAccess(slug);
  const run = await orNotFound(getRun(access.actor, slug, runId));
  const page = await listEpisodes(access.actor, slug, run.id, serviceQuery(filters));
  return (
    <RunView
      run={toRunDetail(run)}
      episodes={{ rows: page.episodes as EpisodeRow[], total: page.total, filters }}
    />
  );
}
