import { route } from "@/lib/server/http";
import { createEnvironment, listEnvironments } from "@/lib/server/services/environments";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => listEnvironments(actor, params.slug));
export const POST = route<P>(async ({ actor, params, body }) =>
  createEnvironment(actor, params.slug, await body()),
);
