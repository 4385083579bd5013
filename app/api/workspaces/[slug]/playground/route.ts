import { route } from "@/lib/server/http";
import { startPlayground } from "@/lib/server/services/playground";

export const POST = route<{ slug: string }>(async ({ actor, params, body }) =>
  startPlayground(actor, params.slug, await body()),
);
