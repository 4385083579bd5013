import { route } from "@/lib/server/http";
import { createWorkspace, listWorkspaces } from "@/lib/server/services/workspaces";

export const GET = route(({ actor }) => listWorkspaces(actor));
export const POST = route(async ({ actor, body }) => createWorkspace(actor, await body()));
