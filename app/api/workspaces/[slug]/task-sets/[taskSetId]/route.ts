import { route } from "@/lib/server/http";
import { getTaskSet } from "@/lib/server/services/tasks";

export const GET = route<{ slug: string; taskSetId: string }>(({ actor, params }) =>
  getTaskSet(actor, params.slug, params.taskSetId),
);
