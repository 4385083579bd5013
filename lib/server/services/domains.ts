import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { findGalleryEntry, gallery, validateSpec } from "@/lib/synthesis";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { conflict, invalidInput, notFound } from "@/lib/server/errors";
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

export const revisionInput = z.object({
  description: z.string().max(20_000, "the description is limited to 20,000 characters").optional(),
  /** The domain spec (lib/synthesis format). null removes it. */
  spec: z.unknown().optional(),
  message: z.string().trim().min(1, "say in a few words what changed").max(500),
  /** The revision the edit started from; saving fails if a teammate saved a newer one. */
  baseRevision: z.number().int().min(0).optional(),
});

export const fromGalleryInput = z.object({
  gallery: z.string().min(1),
  name: z.string().trim().min(2).max(80).optional(),
});

const summary = {
  id: true,
  name: true,
  description: true,
  revision: true,
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
    select: {
      ...summary,
      spec: true,
      environments: {
        select: {
          id: true,
          name: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
        },
      },
    },
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

/** Throws `invalid_input` listing every problem of a spec with its path. */
function assertValidSpec(spec: unknown) {
  const validation = validateSpec(spec);
  if (!validation.ok) {
    throw invalidInput(
      `the spec has ${validation.problems.length} problem(s): ${validation.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join("; ")}`,
      { problems: validation.problems },
    );
  }
}

export async function createDomain(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(domainInput, input);
  await assertNameFree(access.workspace.id, data.name);
  return db().domain.create({
    data: {
      ...data,
      workspaceId: access.workspace.id,
      createdById: actor.userId,
      revision: 1,
      revisions: {
        create: {
          number: 1,
          description: data.description,
          message: "Created",
          authorId: actor.userId,
        },
      },
    },
    select: summary,
  });
}

/** Starts a domain from a built-in gallery entry: its description and full spec. */
export async function createDomainFromGallery(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(fromGalleryInput, input);
  const entry = findGalleryEntry(data.gallery);
  if (!entry)
    throw invalidInput(
      `no gallery domain "${data.gallery}"; choose one of ${gallery.map((g) => g.name).join(", ")}`,
    );
  const name = data.name ?? entry.title;
  await assertNameFree(access.workspace.id, name);
  // The prose is what LLM synthesis reads: give it the gallery's full description, not just the summary.
  const description = `${[entry.summary, entry.spec.description].filter(Boolean).join("\n\n")}\n`;
  const spec = entry.spec as object;
  return db().domain.create({
    data: {
      name,
      description,
      spec,
      workspaceId: access.workspace.id,
      createdById: actor.userId,
      revision: 1,
      revisions: {
        create: {
          number: 1,
          description,
          spec,
          message: `Started from the ${entry.name} gallery domain`,
          authorId: actor.userId,
        },
      },
    },
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

/**
 * Saves a new revision of a domain's description and/or spec, with who and why. An invalid
 * spec is refused with every problem and its path; the current revision stays as it was.
 */
export async function saveDomainRevision(
  actor: Actor,
  slug: string,
  domainId: string,
  input: unknown,
) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(revisionInput, input);
  if (data.spec !== undefined && data.spec !== null) assertValidSpec(data.spec);
  return db().$transaction(async (tx) => {
    const domain = await tx.domain.findFirst({
      where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
    });
    if (!domain) throw notFound("domain");
    if (data.baseRevision !== undefined && data.baseRevision !== domain.revision) {
      throw conflict(
        `revision ${domain.revision} was saved after the revision ${data.baseRevision} you edited; reload to see it, then save again`,
      );
    }
    const number = domain.revision + 1;
    const description = data.description ?? domain.description;
    const spec = data.spec === undefined ? domain.spec : data.spec;
    await tx.domainRevision.create({
      data: {
        domainId: domain.id,
        number,
        description,
        spec: (spec ?? undefined) as object | undefined,
        message: data.message,
        authorId: actor.userId,
      },
    });
    return tx.domain.update({
      where: { id: domain.id },
      data: {
        description,
        spec: spec === null ? Prisma.DbNull : ((spec ?? undefined) as object | undefined),
        revision: number,
      },
      select: summary,
    });
  });
}

export async function listDomainRevisions(actor: Actor, slug: string, domainId: string) {
  const access = await authorize(actor, { slug }, "read");
  const domain = await db().domain.findFirst({
    where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
    select: { id: true },
  });
  if (!domain) throw notFound("domain");
  const revisions = await db().domainRevision.findMany({
    where: { domainId: domain.id },
    orderBy: { number: "desc" },
    select: { id: true, number: true, message: true, authorId: true, createdAt: true },
  });
  const authors = await db().user.findMany({
    where: { id: { in: [...new Set(revisions.map((r) => r.authorId))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(authors.map((a) => [a.id, a]));
  return revisions.map((r) => ({
    ...r,
    author: byId.get(r.authorId) ?? { id: r.authorId, name: "former member", email: "" },
  }));
}

export async function deleteDomain(actor: Actor, slug: string, domainId: string) {
  const access = await authorize(actor, { slug }, "edit");
  const { count } = await db().domain.deleteMany({
    where: { id: idOrNotFound(domainId, "domain"), workspaceId: access.workspace.id },
  });
  if (count === 0) throw notFound("domain");
}

/** The gallery, for pickers. */
export function galleryEntries() {
  return gallery.map((g) => ({ name: g.name, title: g.title, summary: g.summary }));
}
