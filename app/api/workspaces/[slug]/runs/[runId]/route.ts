import { route } from "@/lib/server/http";
import { getRun } from "@/lib/server/services/runs";

export const GET = route<{ slug: string; runId: string }>(({ actor, params }) =>
  getRun(actor, params.slug, params.runId),
);
