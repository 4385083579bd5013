import { route } from "@/lib/server/http";
import { deleteDomain, getDomain, updateDomain } from "@/lib/server/services/domains";

type P = { slug: string; domainId: string };
export const GET = route<P>(({ actor, params }) => getDomain(actor, params.slug, params.domainId));
export const PATCH = route<P>(async ({ actor, params, body }) =>
  updateDomain(actor, params.slug, params.domainId, await body()),
);
export const DELETE = route<P>(({ actor, params }) =>
  deleteDomain(actor, params.slug, params.domainId),
);
