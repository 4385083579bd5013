import { route } from "@/lib/server/http";
import { listSynthesisJobs, startSynthesis } from "@/lib/server/services/synthesis";

type P = { slug: string; domainId: string };
export const GET = route<P>(({ actor, params }) =>
  listSynthesisJobs(actor, params.slug, params.domainId),
);
export const POST = route<P>(async ({ actor, params, body }) =>
  startSynthesis(actor, params.slug, params.domainId, await body()),
);
