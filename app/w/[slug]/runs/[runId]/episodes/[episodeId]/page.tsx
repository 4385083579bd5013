import { episodeQuery, parseEpisodeFilters } from "@/components/runs/episode-query";
import { ReplayViewer } from "@/components/runs/replay-viewer";
import type { EpisodeDetail } from "@/components/runs/types";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getEpisode } from "@/lib/server/services/runs";

export const metadata = { title: "Episode replay" };

export default async function EpisodePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; runId: string; episodeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, runId, episodeId } = await params;
  const filters = parseEpisodeFilters(await searchParams);
  const access = await pageAccess(slug);
  const { createdAt: _createdAt, ...episode } = await orNotFound(
    getEpisode(access.actor, slug, runId, episodeId),
  );
  return (
    <ReplayViewer
      episode={episode as unknown as EpisodeDetail}
      // Back to the run with the table's filters as they were.
      backHref={`/w/${slug}/runs/${runId}${episodeQuery(filters)}`}
    />
  );
}
