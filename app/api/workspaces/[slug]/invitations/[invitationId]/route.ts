import { route } from "@/lib/server/http";
import { revokeInvitation } from "@/lib/server/services/members";

export const DELETE = route<{ slug: string; invitationId: string }>(({ actor, params }) =>
  revokeInvitation(actor, params.slug, params.invitationId),
);
