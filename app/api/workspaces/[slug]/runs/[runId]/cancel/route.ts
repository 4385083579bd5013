import { route } from "@/lib/server/http";
import { cancelRun } from "@/lib/server/services/runs";

export const POST = route<{ slug: string; runId: string }>(({ actor, params }) =>
  cancelRun(actor, params.slug, params.runId),
);
