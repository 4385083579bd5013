import { route } from "@/lib/server/http";
import { changeMemberRole, removeMember } from "@/lib/server/services/members";

type P = { slug: string; memberId: string };
export const PATCH = route<P>(async ({ actor, params, body }) =>
  changeMemberRole(actor, params.slug, params.memberId, await body()),
);
export const DELETE = route<P>(({ actor, params }) =>
  removeMember(actor, params.slug, params.memberId),
);
