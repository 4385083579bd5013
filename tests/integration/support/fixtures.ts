import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";

export async function createUser(label: string): Promise<Actor> {
  const id = randomUUID();
  const email = `${label}-${id.slice(0, 8)}@example.test`;
  await db().user.create({ data: { id, email, name: label } });
  return { userId: id, email, name: label };
}

/** A workspace with one member of each role, plus a user who belongs to none of it. */
export async function workspaceWithRoles() {
  const [owner, editor, viewer, outsider] = await Promise.all(
    ["owner", "editor", "viewer", "outsider"].map((label) => createUser(label)),
  );
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const workspace = await db().workspace.create({
    data: {
      name: `Workspace ${slug}`,
      slug,
      memberships: {
        create: [
          { userId: owner!.userId, role: "owner" },
          { userId: editor!.userId, role: "editor" },
          { userId: viewer!.userId, role: "viewer" },
        ],
      },
    },
  });
  return { workspace, slug, owner: owner!, editor: editor!, viewer: viewer!, outsider: outsider! };
}
