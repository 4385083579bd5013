import { route } from "@/lib/server/http";
import { listEpisodes } from "@/lib/server/services/runs";

export const GET = route<{ slug: string; runId: string }>(({ actor, params, request }) =>
  listEpisodes(
    actor,
    params.slug,
    params.runId,
    Object.fromEntries(new URL(request.url).searchParams),
  ),
);
