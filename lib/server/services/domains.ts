import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { conflict, notFound } from "@/lib/server/errors";
import { idOrNotFound, parseInput } from "@/lib/server/validation";

export const domainInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "a domain name needs at least 2 characters")
    .max(80, "at most 80 characters"),
  description: z
    .string()
    .max(20_000, "the description is limited to 20,000 characters")
    .default(""),
});
export const domainUpdateInput = domainInput.partial();

const summary = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function listDomains(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "read");
  return db().domain.findMany({
    where: { workspaceId: access.workspace.id },
    select: summary,
    orderBy: { updatedAt: "desc" },
  });
}

export async function getDomain(actor: Actor, slug: string, domainId: string) {
  const access = await authorize(actor, { slug }, "read");
  const domain = await db().domain.findFirst({
    where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
    select: summary,
  });
  if (!domain) throw notFound("domain");
  return domain;
}

async function assertNameFree(workspaceId: string, name: string, exceptId?: string) {
  const clash = await db().domain.findFirst({
    where: { workspaceId, name, NOT: exceptId ? { id: exceptId } : undefined },
  });
  if (clash)
    throw conflict(
      `a domain named "${name}" already exists in this workspace; choose another name`,
    );
}

export async function createDomain(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(domainInput, input);
  await assertNameFree(access.workspace.id, data.name);
  return db().domain.create({
    data: { ...data, workspaceId: access.workspace.id, createdById: actor.userId },
    select: summary,
  });
}

export async function updateDomain(actor: Actor, slug: string, domainId: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(domainUpdateInput, input);
  const domain = await db().domain.findFirst({
    where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
  });
  if (!domain) throw notFound("domain");
  if (data.name) await assertNameFree(access.workspace.id, data.name, domain.id);
  return db().domain.update({ where: { id: domain.id }, data, select: summary });
}

export async function deleteDomain(actor: Actor, slug: string, domainId: string) {
  const access = await authorize(actor, { slug }, "edit");
  const { count } = await db().domain.deleteMany({
    where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
  });
  if (count === 0) throw notFound("domain");
}
