import "server-only";
import type { Role } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { forbidden, notFound } from "@/lib/server/errors";

/**
 * What an action needs. `read`: any member; `edit`: change workspace content (domains,
 * environments, tasks, runs, jobs); `admin`: members, invitations, workspace settings.
 */
export type Permission = "read" | "edit" | "admin";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
const NEEDS: Record<Permission, Role> = { read: "viewer", edit: "editor", admin: "owner" };

export interface WorkspaceAccess {
  actor: Actor;
  workspace: { id: string; slug: string; name: string };
  role: Role;
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[NEEDS[permission]];
}

/**
 * The one authorization check, used by every route handler, server action, job and CLI command.
 * A non-member gets `not_found` (the workspace's existence is not revealed); a member without the
 * permission gets `forbidden`.
 */
export async function authorize(
  actor: Actor,
  workspace: { slug: string } | { id: string },
  permission: Permission,
): Promise<WorkspaceAccess> {
  const membership = await db().membership.findFirst({
    where: {
      userId: actor.userId,
      workspace: "slug" in workspace ? { slug: workspace.slug } : { id: workspace.id },
    },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw notFound("workspace");
  if (!roleAllows(membership.role, permission)) {
    throw forbidden(
      `your role in ${membership.workspace.name} is ${membership.role}; this needs ${NEEDS[permission]} or above`,
    );
  }
  return { actor, workspace: membership.workspace, role: membership.role };
}
