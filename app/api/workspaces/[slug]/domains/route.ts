import { route } from "@/lib/server/http";
import { createDomain, listDomains } from "@/lib/server/services/domains";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => listDomains(actor, params.slug));
export const POST = route<P>(async ({ actor, params, body }) =>
  createDomain(actor, params.slug, await body()),
);
