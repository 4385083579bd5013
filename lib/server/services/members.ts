import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { conflict, invalidInput, notFound } from "@/lib/server/errors";
import { idOrNotFound, parseInput } from "@/lib/server/validation";

const INVITATION_DAYS = 7;
const roleSchema = z.enum(["owner", "editor", "viewer"], {
  error: "role must be owner, editor or viewer",
});

export const createInvitationInput = z.object({ role: roleSchema });
export const changeRoleInput = z.object({ role: roleSchema });

export async function listMembers(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "read");
  const members = await db().membership.findMany({
    where: { workspaceId: access.workspace.id },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return members;
}

export async function listInvitations(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "admin");
  return db().invitation.findMany({
    where: {
      workspaceId: access.workspace.id,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { id: true, token: true, role: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function createInvitation(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "admin");
  const { role } = parseInput(createInvitationInput, input);
  return db().invitation.create({
    data: {
      workspaceId: access.workspace.id,
      role,
      token: randomBytes(24).toString("base64url"),
      createdById: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    },
    select: { id: true, token: true, role: true, expiresAt: true },
  });
}

export async function revokeInvitation(actor: Actor, slug: string, invitationId: string) {
  const access = await authorize(actor, { slug }, "admin");
  const { count } = await db().invitation.updateMany({
    where: {
      id: idOrNotFound(invitationId, "invitation"),
      workspaceId: access.workspace.id,
      acceptedAt: null,
      revokedAt: null,
    },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("invitation");
}

/** What an invitation link shows before it is accepted (no membership needed to look). */
export async function describeInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { token },
    select: {
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invitation || invitation.revokedAt || invitation.expiresAt < new Date())
    throw notFound("invitation");
  return invitation;
}

export async function acceptInvitation(actor: Actor, token: string) {
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { token },
      include: { workspace: true },
    });
    if (!invitation || invitation.revokedAt || invitation.expiresAt < new Date())
      throw notFound("invitation");
    if (invitation.acceptedAt)
      throw conflict("this invitation link has already been used; ask for a new one");
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: actor.userId } },
    });
    if (!existing) {
      await tx.membership.create({
        data: { workspaceId: invitation.workspaceId, userId: actor.userId, role: invitation.role },
      });
    }
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: new Date(), acceptedBy: actor.userId },
    });
    return { slug: invitation.workspace.slug, name: invitation.workspace.name };
  });
}

async function assertNotLastOwner(workspaceId: string, membershipId: string) {
  const owners = await db().membership.findMany({
    where: { workspaceId, role: "owner" },
    select: { id: true },
  });
  if (owners.length === 1 && owners[0]!.id === membershipId) {
    throw invalidInput("a workspace needs at least one owner; make someone else owner first");
  }
}

export async function changeMemberRole(
  actor: Actor,
  slug: string,
  membershipId: string,
  input: unknown,
) {
  const access = await authorize(actor, { slug }, "admin");
  const { role } = parseInput(changeRoleInput, input);
  const member = await db().membership.findFirst({
    where: { id: idOrNotFound(membershipId, "member"), workspaceId: access.workspace.id },
  });
  if (!member) throw notFound("member");
  if (member.role === "owner" && role !== "owner")
    await assertNotLastOwner(access.workspace.id, member.id);
  return db().membership.update({
    where: { id: member.id },
    data: { role },
    select: { id: true, role: true },
  });
}

export async function removeMember(actor: Actor, slug: string, membershipId: string) {
  const access = await authorize(actor, { slug }, "admin");
  const member = await db().membership.findFirst({
    where: { id: idOrNotFound(membershipId, "member"), workspaceId: access.workspace.id },
  });
  if (!member) throw notFound("member");
  if (member.role === "owner") await assertNotLastOwner(access.workspace.id, member.id);
  await db().membership.delete({ where: { id: member.id } });
}
