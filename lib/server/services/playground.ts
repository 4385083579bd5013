import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FAULT_PROFILE_NAMES, type Session } from "@/lib/runtime";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { notFound } from "@/lib/server/errors";
import { sandboxPool } from "@/lib/server/sandbox";
import { findVersionInWorkspace } from "@/lib/server/services/environments";
import { parseInput } from "@/lib/server/validation";

/**
 * Playground sessions: a user calls an environment version's tools by hand. Sessions live in
 * this web process (sandboxes in the worker pool) and expire after 30 idle minutes. Calling
 * tools changes no stored data, so viewers may use the playground too.
 */
interface PlaygroundSession {
  id: string;
  userId: string;
  workspaceId: string;
  versionId: string;
  faults: string;
  session: Session;
  lastUsed: number;
}

const IDLE_MS = 30 * 60 * 1000;
const MAX_SESSIONS = 200;
const globalForPlayground = globalThis as unknown as {
  envfPlayground?: Map<string, PlaygroundSession>;
};
const sessions = (globalForPlayground.envfPlayground ??= new Map());

const faultsSchema = z.enum(FAULT_PROFILE_NAMES as unknown as [string, ...string[]], {
  error: `faults must be one of ${FAULT_PROFILE_NAMES.join(", ")}`,
});

export const startPlaygroundInput = z.object({
  versionId: z.string(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  faults: faultsSchema.default("none"),
});
export const playgroundActionInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("call"),
    tool: z.string().min(1, "choose a tool"),
    args: z.unknown().default({}),
  }),
  z.object({
    action: z.literal("reset"),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    faults: faultsSchema.optional(),
  }),
]);

async function evictIdle() {
  const now = Date.now();
  for (const entry of sessions.values()) {
    if (now - entry.lastUsed > IDLE_MS || sessions.size > MAX_SESSIONS) {
      sessions.delete(entry.id);
      await entry.session.close().catch(() => undefined);
    }
  }
}

/** The environment is loaded in a pool worker only: this process never evaluates its code. */
async function openSession(versionSource: string, seed: number, faults: string) {
  return sandboxPool().openSession({ source: versionSource }, { seed, faults: faults as never });
}

export async function startPlayground(actor: Actor, slug: string, input: unknown) {
  const access = await authorize(actor, { slug }, "read");
  const data = parseInput(startPlaygroundInput, input);
  const version = await findVersionInWorkspace(access.workspace.id, data.versionId);
  await evictIdle();
  const session = await openSession(version.source, data.seed, data.faults);
  const entry: PlaygroundSession = {
    id: randomUUID(),
    userId: actor.userId,
    workspaceId: access.workspace.id,
    versionId: version.id,
    faults: data.faults,
    session,
    lastUsed: Date.now(),
  };
  sessions.set(entry.id, entry);
  return { sessionId: entry.id, seed: session.seed, faults: data.faults, state: session.state() };
}

export async function actInPlayground(
  actor: Actor,
  slug: string,
  sessionId: string,
  input: unknown,
) {
  const access = await authorize(actor, { slug }, "read");
  const entry = sessions.get(sessionId);
  // Another user's (or workspace's) session is indistinguishable from one that expired.
  if (!entry || entry.userId !== actor.userId || entry.workspaceId !== access.workspace.id)
    throw notFound("playground session");
  entry.lastUsed = Date.now();
  const action = parseInput(playgroundActionInput, input);
  if (action.action === "call") {
    const before = entry.session.state();
    const step = await entry.session.step(action.tool, action.args);
    return { step, before, state: entry.session.state() };
  }
  if (action.faults && action.faults !== entry.faults) {
    const version = await findVersionInWorkspace(access.workspace.id, entry.versionId);
    await entry.session.close();
    entry.session = await openSession(
      version.source,
      action.seed ?? entry.session.seed,
      action.faults,
    );
    entry.faults = action.faults;
    return { seed: entry.session.seed, faults: entry.faults, state: entry.session.state() };
  }
  const state = await entry.session.reset({ seed: action.seed ?? entry.session.seed });
  return { seed: entry.session.seed, faults: entry.faults, state };
}
