import { route } from "@/lib/server/http";
import { createDomainFromGallery } from "@/lib/server/services/domains";

export const POST = route<{ slug: string }>(async ({ actor, params, body }) =>
  createDomainFromGallery(actor, params.slug, await body()),
);
