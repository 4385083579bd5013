import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validation";

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(2, "a workspace name needs at least 2 characters")
  .max(60, "a workspace name has at most 60 characters");

export const createWorkspaceInput = z.object({ name: workspaceNameSchema });

function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "workspace";
}

async function freeSlug(name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await db().workspace.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

export async function createWorkspace(actor: Actor, input: unknown) {
  const { name } = parseInput(createWorkspaceInput, input);
  const slug = await freeSlug(name);
  return db().workspace.create({
    data: { name, slug, memberships: { create: { userId: actor.userId, role: "owner" } } },
    select: { id: true, slug: true, name: true },
  });
}

export async function listWorkspaces(actor: Actor) {
  const memberships = await db().membership.findMany({
    where: { userId: actor.userId },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

export async function getWorkspace(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "read");
  return { ...access.workspace, role: access.role };
}

export async function renameWorkspace(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "admin");
  const { name } = parseInput(createWorkspaceInput, input);
  return db().workspace.update({
    where: { id: access.workspace.id },
    data: { name },
    select: { id: true, slug: true, name: true },
  });
}

export async function deleteWorkspace(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "admin");
  await db().workspace.delete({ where: { id: access.workspace.id } });
}
