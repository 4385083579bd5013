import { route } from "@/lib/server/http";
import { listDomainRevisions, saveDomainRevision } from "@/lib/server/services/domains";

type P = { slug: string; domainId: string };
export const GET = route<P>(({ actor, params }) =>
  listDomainRevisions(actor, params.slug, params.domainId),
);
export const POST = route<P>(async ({ actor, params, body }) =>
  saveDomainRevision(actor, params.slug, params.domainId, await body()),
);
