import { route } from "@/lib/server/http";
import { launchRun, listRuns } from "@/lib/server/services/runs";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => listRuns(actor, params.slug));
export const POST = route<P>(async ({ actor, params, body }) =>
  launchRun(actor, params.slug, await body()),
);
