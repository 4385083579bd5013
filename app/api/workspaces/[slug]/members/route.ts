import { route } from "@/lib/server/http";
import { listMembers } from "@/lib/server/services/members";

export const GET = route<{ slug: string }>(({ actor, params }) => listMembers(actor, params.slug));
