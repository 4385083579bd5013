import { route } from "@/lib/server/http";
import { referenceTrace } from "@/lib/server/services/tasks";

export const GET = route<{ slug: string; taskId: string }>(({ actor, params }) =>
  referenceTrace(actor, params.slug, params.taskId),
);
