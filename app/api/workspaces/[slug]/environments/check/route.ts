import { route } from "@/lib/server/http";
import { checkEnvironmentSource } from "@/lib/server/services/environments";

export const POST = route<{ slug: string }>(async ({ actor, params, body }) =>
  checkEnvironmentSource(actor, params.slug, await body()),
);
