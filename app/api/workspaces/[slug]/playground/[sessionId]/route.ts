import { route } from "@/lib/server/http";
import { actInPlayground } from "@/lib/server/services/playground";

export const POST = route<{ slug: string; sessionId: string }>(async ({ actor, params, body }) =>
  actInPlayground(actor, params.slug, params.sessionId, await body()),
);
