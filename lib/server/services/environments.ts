import "server-only";
import { z } from "zod";
import { EXAMPLE_NAMES, exampleDir, loadPackage, type SelfTestFile } from "@/lib/runtime";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db/client";
import { AppError, conflict, invalidInput, notFound } from "@/lib/server/errors";
import { checkSource } from "@/lib/server/sandbox";
import { idOrNotFound, parseInput } from "@/lib/server/validation";

const MAX_SOURCE = 512 * 1024;

export const createEnvironmentInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "an environment name needs at least 2 characters")
    .max(80, "at most 80 characters"),
  example: z
    .enum(EXAMPLE_NAMES, { error: `example must be one of ${EXAMPLE_NAMES.join(", ")}` })
    .optional(),
  source: z.string().max(MAX_SOURCE, "environment code is limited to 512 KB").optional(),
  domainId: z.string().optional(),
});

export const saveVersionInput = z.object({
  source: z
    .string()
    .min(1, "the code is empty")
    .max(MAX_SOURCE, "environment code is limited to 512 KB"),
  message: z.string().trim().max(500).default(""),
  /** The version the edit started from; saving fails if someone saved a newer one meanwhile. */
  baseVersion: z.number().int().min(1).optional(),
});

export interface PackageInput {
  source: string;
  tests?: SelfTestFile | null;
  spec?: unknown;
}

const versionSummary = {
  id: true,
  number: true,
  origin: true,
  message: true,
  createdAt: true,
  createdById: true,
} as const;

export async function listEnvironments(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "read");
  const environments = await db().environment.findMany({
    where: { workspaceId: access.workspace.id },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      updatedAt: true,
      domain: { select: { id: true, name: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, manifest: true } },
    },
  });
  return environments.map(({ versions, ...env }) => ({
    ...env,
    latestVersion: versions[0]?.number ?? 0,
    toolCount: ((versions[0]?.manifest as { tools?: unknown[] } | undefined)?.tools ?? []).length,
  }));
}

export async function getEnvironment(actor: Actor, slug: string, environmentId: string) {
  const access = await authorize(actor, { slug }, "read");
  const environment = await db().environment.findFirst({
    where: { id: idOrNotFound(environmentId, "environment"), workspaceId: access.workspace.id },
    select: {
      id: true,
      name: true,
      createdAt: true,
      domain: { select: { id: true, name: true } },
      versions: { orderBy: { number: "desc" }, select: versionSummary },
    },
  });
  if (!environment) throw notFound("environment");
  return environment;
}

export async function getEnvironmentVersion(
  actor: Actor,
  slug: string,
  environmentId: string,
  number: number,
) {
  const access = await authorize(actor, { slug }, "read");
  const version = await db().environmentVersion.findFirst({
    where: {
      number,
      environment: {
        id: idOrNotFound(environmentId, "environment"),
        workspaceId: access.workspace.id,
      },
    },
  });
  if (!version) throw notFound("environment version");
  return version;
}

/** Finds a version by id inside the actor's workspace (for the playground, tasks and runs). */
export async function findVersionInWorkspace(workspaceId: string, versionId: string) {
  const version = await db().environmentVersion.findFirst({
    where: { id: idOrNotFound(versionId, "environment version"), environment: { workspaceId } },
  });
  if (!version) throw notFound("environment version");
  return version;
}

function rejectUnusable(check: Awaited<ReturnType<typeof checkSource>>) {
  if (!check.ok || !check.manifest) {
    const first = check.diagnostics.find((d) => d.severity === "error") ?? check.diagnostics[0];
    throw new AppError(
      "invalid_input",
      first
        ? `environment.ts:${first.line}:${first.column}: ${first.message}`
        : "the environment code does not load",
      { diagnostics: check.diagnostics },
    );
  }
  return check.manifest;
}

/** Inserts the next version of an environment; two saves at once cannot take the same number. */
async function insertVersion(
  environmentId: string,
  data: {
    source: string;
    manifest: object;
    tests?: SelfTestFile | null;
    spec?: unknown;
    origin: string;
    message: string;
    createdById: string;
  },
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const last = await db().environmentVersion.findFirst({
      where: { environmentId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    try {
      const version = await db().environmentVersion.create({
        data: {
          environmentId,
          number: (last?.number ?? 0) + 1,
          source: data.source,
          manifest: data.manifest,
          tests: (data.tests ?? undefined) as object | undefined,
          spec: (data.spec ?? undefined) as object | undefined,
          origin: data.origin,
          message: data.message,
          createdById: data.createdById,
        },
        select: versionSummary,
      });
      await db().environment.update({
        where: { id: environmentId },
        data: { updatedAt: new Date() },
      });
      return version;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  throw conflict("others are saving this environment right now; try again");
}

/**
 * Creates an environment with its first version, from a built-in example, pasted code, or a
 * package produced by synthesis (`pkg`).
 */
export async function createEnvironment(
  actor: Actor,
  slug: string,
  input: unknown,
  pkg?: PackageInput,
  origin = "imported",
) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(createEnvironmentInput, input);
  let content: PackageInput;
  if (pkg) content = pkg;
  else if (data.example) {
    const example = await loadPackage(exampleDir(data.example));
    content = { source: example.source, tests: example.tests };
  } else if (data.source) content = { source: data.source };
  else throw invalidInput("give the environment's code, or choose an example to start from");

  let domainId: string | undefined;
  if (data.domainId) {
    const domain = await db().domain.findFirst({
      where: { id: idOrNotFound(data.domainId, "domain"), workspaceId: access.workspace.id },
    });
    if (!domain) throw notFound("domain");
    domainId = domain.id;
  }
  if (
    await db().environment.findFirst({
      where: { workspaceId: access.workspace.id, name: data.name },
    })
  ) {
    throw conflict(
      `an environment named "${data.name}" already exists in this workspace; choose another name`,
    );
  }
  const manifest = rejectUnusable(await checkSource(content.source, content.tests));
  const environment = await db().environment.create({
    data: {
      workspaceId: access.workspace.id,
      name: data.name,
      domainId,
      createdById: actor.userId,
    },
    select: { id: true, name: true },
  });
  const version = await insertVersion(environment.id, {
    ...content,
    manifest,
    origin,
    message: data.example ? `Started from the ${data.example} example` : "First version",
    createdById: actor.userId,
  });
  return { ...environment, version };
}

/**
 * Publishes a package produced by a job (synthesis) as the next version of the domain's
 * environment, creating the environment on first publish. Callers have authorized the job.
 */
export async function publishEnvironmentVersion(
  workspaceId: string,
  userId: string,
  target: { domainId: string; name: string },
  pkg: PackageInput & { manifest: object },
  message: string,
) {
  let environment = await db().environment.findFirst({
    where: { workspaceId, domainId: target.domainId },
    orderBy: { createdAt: "asc" },
  });
  if (!environment) {
    let name = target.name;
    for (let n = 2; await db().environment.findFirst({ where: { workspaceId, name } }); n++)
      name = `${target.name} (${n})`;
    environment = await db().environment.create({
      data: { workspaceId, name, domainId: target.domainId, createdById: userId },
    });
  }
  const version = await insertVersion(environment.id, {
    ...pkg,
    origin: "synthesized",
    message,
    createdById: userId,
  });
  return { environmentId: environment.id, version };
}

/**
 * Saves edited code as a new immutable version. The previous versions stay as they were, and a
 * version that does not compile or load is refused with its diagnostics.
 */
export async function saveEnvironmentVersion(
  actor: Actor,
  slug: string,
  environmentId: string,
  input: unknown,
) {
  const access = await authorize(actor, { slug }, "edit");
  const data = parseInput(saveVersionInput, input);
  const environment = await db().environment.findFirst({
    where: { id: idOrNotFound(environmentId, "environment"), workspaceId: access.workspace.id },
    select: {
      id: true,
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, tests: true, spec: true },
      },
    },
  });
  if (!environment) throw notFound("environment");
  const latest = environment.versions[0];
  if (data.baseVersion && latest && latest.number !== data.baseVersion) {
    throw conflict(
      `version ${latest.number} was saved after the version ${data.baseVersion} you edited; reload to see it, then save again`,
    );
  }
  const tests = (latest?.tests ?? null) as SelfTestFile | null;
  const check = await checkSource(data.source, tests);
  const manifest = rejectUnusable(check);
  const version = await insertVersion(environment.id, {
    source: data.source,
    manifest,
    tests,
    spec: latest?.spec ?? undefined,
    origin: "edited",
    message: data.message || "Edited in the studio",
    createdById: actor.userId,
  });
  return { version, diagnostics: check.diagnostics, selfTests: check.selfTests ?? [] };
}

/** Compile, type and self-test diagnostics for code being edited (nothing is saved). */
export async function checkEnvironmentSource(actor: Actor, slug: string, input: unknown) {
  await authorize(actor, { slug }, "read");
  const { source } = parseInput(z.object({ source: z.string().max(MAX_SOURCE) }), input);
  const check = await checkSource(source);
  return {
    ok: check.ok,
    diagnostics: check.diagnostics,
    tools: check.manifest?.tools.map((t) => t.name) ?? [],
  };
}
