import { route } from "@/lib/server/http";
import { toolGraph } from "@/lib/server/services/tasks";

export const GET = route<{ slug: string; versionId: string }>(({ actor, params }) =>
  toolGraph(actor, params.slug, params.versionId),
);
