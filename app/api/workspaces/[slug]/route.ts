import { route } from "@/lib/server/http";
import { deleteWorkspace, getWorkspace, renameWorkspace } from "@/lib/server/services/workspaces";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => getWorkspace(actor, params.slug));
export const PATCH = route<P>(async ({ actor, params, body }) =>
  renameWorkspace(actor, params.slug, await body()),
);
export const DELETE = route<P>(({ actor, params }) => deleteWorkspace(actor, params.slug));
