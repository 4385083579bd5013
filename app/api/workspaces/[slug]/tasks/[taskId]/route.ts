import { route } from "@/lib/server/http";
import { getTask, updateTask } from "@/lib/server/services/tasks";

type P = { slug: string; taskId: string };
export const GET = route<P>(({ actor, params }) => getTask(actor, params.slug, params.taskId));
export const PATCH = route<P>(async ({ actor, params, body }) =>
  updateTask(actor, params.slug, params.taskId, await body()),
);
