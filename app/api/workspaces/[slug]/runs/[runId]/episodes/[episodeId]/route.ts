import { route } from "@/lib/server/http";
import { getEpisode } from "@/lib/server/services/runs";

export const GET = route<{ slug: string; runId: string; episodeId: string }>(({ actor, params }) =>
  getEpisode(actor, params.slug, params.runId, params.episodeId),
);
