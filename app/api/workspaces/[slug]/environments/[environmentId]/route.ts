import { route } from "@/lib/server/http";
import { getEnvironment } from "@/lib/server/services/environments";

export const GET = route<{ slug: string; environmentId: string }>(({ actor, params }) =>
  getEnvironment(actor, params.slug, params.environmentId),
);
