import { route } from "@/lib/server/http";
import { listTaskSets, startTaskGeneration } from "@/lib/server/services/tasks";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => listTaskSets(actor, params.slug));
/** Starts a generation job; the set appears when the job finishes. */
export const POST = route<P>(async ({ actor, params, body }) =>
  startTaskGeneration(actor, params.slug, await body()),
);
