import { route } from "@/lib/server/http";
import { bulkUpdateTasks, listTasks } from "@/lib/server/services/tasks";

type P = { slug: string; taskSetId: string };
export const GET = route<P>(({ actor, params, request }) =>
  listTasks(
    actor,
    params.slug,
    params.taskSetId,
    Object.fromEntries(new URL(request.url).searchParams),
  ),
);
/** Bulk review: `{ taskIds, status }`. */
export const PATCH = route<P>(async ({ actor, params, body }) =>
  bulkUpdateTasks(actor, params.slug, params.taskSetId, await body()),
);
