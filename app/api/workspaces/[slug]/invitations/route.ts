import { route } from "@/lib/server/http";
import { createInvitation, listInvitations } from "@/lib/server/services/members";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => listInvitations(actor, params.slug));
export const POST = route<P>(async ({ actor, params, body }) =>
  createInvitation(actor, params.slug, await body()),
);
