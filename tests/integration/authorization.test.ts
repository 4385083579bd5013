import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { stopBoss } from "@/lib/server/jobs/boss";
import { defineJob } from "@/lib/server/jobs/definition";
import * as domains from "@/lib/server/services/domains";
import * as jobs from "@/lib/server/services/jobs";
import * as members from "@/lib/server/services/members";
import * as workspaces from "@/lib/server/services/workspaces";
import { workspaceWithRoles } from "./support/fixtures";

type Outcome = "allow" | "forbidden" | "not_found";
type Role = "owner" | "editor" | "viewer" | "outsider";

const noopJob = defineJob({
  kind: "test.noop",
  title: "Test",
  payload: z.object({}),
  run: async () => null,
});

async function outcome(action: () => Promise<unknown>): Promise<Outcome> {
  try {
    await action();
    return "allow";
  } catch (error) {
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "not_found"))
      return error.code;
    throw error;
  }
}

/**
 * Each row: an action a user can take in a workspace, and what each role gets.
 * `setup` makes a fresh target so destructive actions do not interfere with each other.
 */
interface Case {
  name: string;
  expect: Record<Role, Outcome>;
  run: (ctx: { actor: Actor; slug: string; target: Target }) => Promise<unknown>;
}
interface Target {
  domainId: string;
  jobId: string;
  memberId: string;
  invitationId: string;
}

const READ = { owner: "allow", editor: "allow", viewer: "allow", outsider: "not_found" } as const;
const EDIT = {
  owner: "allow",
  editor: "allow",
  viewer: "forbidden",
  outsider: "not_found",
} as const;
const ADMIN = {
  owner: "allow",
  editor: "forbidden",
  viewer: "forbidden",
  outsider: "not_found",
} as const;

const cases: Case[] = [
  {
    name: "view the workspace",
    expect: READ,
    run: ({ actor, slug }) => workspaces.getWorkspace(actor, slug),
  },
  {
    name: "list domains",
    expect: READ,
    run: ({ actor, slug }) => domains.listDomains(actor, slug),
  },
  {
    name: "open a domain",
    expect: READ,
    run: ({ actor, slug, target }) => domains.getDomain(actor, slug, target.domainId),
  },
  {
    name: "list members",
    expect: READ,
    run: ({ actor, slug }) => members.listMembers(actor, slug),
  },
  { name: "list jobs", expect: READ, run: ({ actor, slug }) => jobs.listJobs(actor, slug) },
  {
    name: "open a job",
    expect: READ,
    run: ({ actor, slug, target }) => jobs.getJob(actor, slug, target.jobId),
  },
  {
    name: "create a domain",
    expect: EDIT,
    run: ({ actor, slug }) => domains.createDomain(actor, slug, { name: `d-${Math.random()}` }),
  },
  {
    name: "edit a domain",
    expect: EDIT,
    run: ({ actor, slug, target }) =>
      domains.updateDomain(actor, slug, target.domainId, { description: "changed" }),
  },
  {
    name: "delete a domain",
    expect: EDIT,
    run: ({ actor, slug, target }) => domains.deleteDomain(actor, slug, target.domainId),
  },
  {
    name: "start a job",
    expect: EDIT,
    run: ({ actor, slug }) => jobs.enqueueJob(actor, slug, noopJob, {}),
  },
  {
    name: "cancel a job",
    expect: EDIT,
    run: ({ actor, slug, target }) => jobs.cancelJob(actor, slug, target.jobId),
  },
  {
    name: "rename the workspace",
    expect: ADMIN,
    run: ({ actor, slug }) => workspaces.renameWorkspace(actor, slug, { name: "Renamed" }),
  },
  {
    name: "list invitations",
    expect: ADMIN,
    run: ({ actor, slug }) => members.listInvitations(actor, slug),
  },
  {
    name: "invite someone",
    expect: ADMIN,
    run: ({ actor, slug }) => members.createInvitation(actor, slug, { role: "viewer" }),
  },
  {
    name: "revoke an invitation",
    expect: ADMIN,
    run: ({ actor, slug, target }) => members.revokeInvitation(actor, slug, target.invitationId),
  },
  {
    name: "change a member's role",
    expect: ADMIN,
    run: ({ actor, slug, target }) =>
      members.changeMemberRole(actor, slug, target.memberId, { role: "editor" }),
  },
  {
    name: "remove a member",
    expect: ADMIN,
    run: ({ actor, slug, target }) => members.removeMember(actor, slug, target.memberId),
  },
  {
    name: "delete the workspace",
    expect: ADMIN,
    run: ({ actor, slug }) => workspaces.deleteWorkspace(actor, slug),
  },
];

/** A fresh workspace per (action, role) so that destructive actions cannot mask each other. */
async function freshTarget() {
  const ws = await workspaceWithRoles();
  const extra = await db().user.create({
    data: {
      id: crypto.randomUUID(),
      email: `extra-${crypto.randomUUID()}@example.test`,
      name: "extra",
    },
  });
  const member = await db().membership.create({
    data: { workspaceId: ws.workspace.id, userId: extra.id, role: "viewer" },
  });
  const domain = await domains.createDomain(ws.owner, ws.slug, { name: "Target domain" });
  const job = await db().job.create({
    data: {
      workspaceId: ws.workspace.id,
      kind: "test.noop",
      payload: {},
      createdById: ws.owner.userId,
    },
  });
  const invitation = await members.createInvitation(ws.owner, ws.slug, { role: "editor" });
  return {
    ws,
    target: {
      domainId: domain.id,
      jobId: job.id,
      memberId: member.id,
      invitationId: invitation.id,
    },
  };
}

afterAll(async () => {
  await stopBoss();
});

describe("authorization matrix: role × action", () => {
  for (const testCase of cases) {
    it(`${testCase.name}: owner ${testCase.expect.owner}, editor ${testCase.expect.editor}, viewer ${testCase.expect.viewer}, non-member ${testCase.expect.outsider}`, async () => {
      const results: Record<string, Outcome> = {};
      for (const role of ["outsider", "viewer", "editor", "owner"] as const) {
        const { ws, target } = await freshTarget();
        results[role] = await outcome(() =>
          testCase.run({ actor: ws[role], slug: ws.slug, target }),
        );
      }
      expect(results).toEqual(testCase.expect);
    });
  }
});

describe("foreign ids answer 404", () => {
  let a: Awaited<ReturnType<typeof freshTarget>>;
  let b: Awaited<ReturnType<typeof freshTarget>>;
  beforeAll(async () => {
    a = await freshTarget();
    b = await freshTarget();
  });

  it("an owner of A cannot reach B's domain, job, member or invitation through A", async () => {
    const actor = a.ws.owner;
    const slug = a.ws.slug;
    expect(await outcome(() => domains.getDomain(actor, slug, b.target.domainId))).toBe(
      "not_found",
    );
    expect(
      await outcome(() => domains.updateDomain(actor, slug, b.target.domainId, { name: "stolen" })),
    ).toBe("not_found");
    expect(await outcome(() => domains.deleteDomain(actor, slug, b.target.domainId))).toBe(
      "not_found",
    );
    expect(await outcome(() => jobs.getJob(actor, slug, b.target.jobId))).toBe("not_found");
    expect(await outcome(() => jobs.cancelJob(actor, slug, b.target.jobId))).toBe("not_found");
    expect(
      await outcome(() =>
        members.changeMemberRole(actor, slug, b.target.memberId, { role: "owner" }),
      ),
    ).toBe("not_found");
    expect(await outcome(() => members.removeMember(actor, slug, b.target.memberId))).toBe(
      "not_found",
    );
    expect(await outcome(() => members.revokeInvitation(actor, slug, b.target.invitationId))).toBe(
      "not_found",
    );
    // B's data is untouched.
    const domain = await domains.getDomain(b.ws.owner, b.ws.slug, b.target.domainId);
    expect(domain.name).toBe("Target domain");
  });

  it("ids that are not ids at all are not found either", async () => {
    expect(await outcome(() => domains.getDomain(a.ws.owner, a.ws.slug, "../../etc/passwd"))).toBe(
      "not_found",
    );
    expect(await outcome(() => jobs.getJob(a.ws.owner, a.ws.slug, "1 or 1=1"))).toBe("not_found");
  });

  it("a workspace slug that does not exist looks the same as one you are not in", async () => {
    expect(await outcome(() => domains.listDomains(a.ws.owner, "no-such-workspace"))).toBe(
      "not_found",
    );
    expect(await outcome(() => domains.listDomains(a.ws.owner, b.ws.slug))).toBe("not_found");
  });
});

describe("membership rules", () => {
  it("the last owner cannot be demoted or removed", async () => {
    const ws = await workspaceWithRoles();
    const ownerMembership = await db().membership.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, role: "owner" },
    });
    await expect(
      members.changeMemberRole(ws.owner, ws.slug, ownerMembership.id, { role: "viewer" }),
    ).rejects.toThrow(/at least one owner/);
    await expect(members.removeMember(ws.owner, ws.slug, ownerMembership.id)).rejects.toThrow(
      /at least one owner/,
    );
  });

  it("an invitation link makes its holder a member with the invited role, once", async () => {
    const ws = await workspaceWithRoles();
    const invitation = await members.createInvitation(ws.owner, ws.slug, { role: "viewer" });
    await members.acceptInvitation(ws.outsider, invitation.token);
    const view = await workspaces.getWorkspace(ws.outsider, ws.slug);
    expect(view.role).toBe("viewer");
    await expect(members.acceptInvitation(ws.outsider, invitation.token)).rejects.toThrow(
      /already been used/,
    );
  });

  it("bad input says what to fix", async () => {
    const ws = await workspaceWithRoles();
    await expect(domains.createDomain(ws.owner, ws.slug, { name: "x" })).rejects.toThrow(
      /name: a domain name needs at least 2 characters/,
    );
    await expect(members.createInvitation(ws.owner, ws.slug, { role: "admin" })).rejects.toThrow(
      /role must be owner, editor or viewer/,
    );
  });
});
