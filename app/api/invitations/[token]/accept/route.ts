import { route } from "@/lib/server/http";
import { acceptInvitation } from "@/lib/server/services/members";

export const POST = route<{ token: string }>(({ actor, params }) =>
  acceptInvitation(actor, params.token),
);
