import "server-only";
import { headers } from "next/headers";
import { unauthenticated } from "@/lib/server/errors";
import { auth } from "./auth";

/** Who is asking: every service call takes one. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
}

export async function currentActor(requestHeaders?: Headers): Promise<Actor | null> {
  const session = await auth().api.getSession({ headers: requestHeaders ?? (await headers()) });
  if (!session) return null;
  return { userId: session.user.id, email: session.user.email, name: session.user.name };
}

export async function requireActor(requestHeaders?: Headers): Promise<Actor> {
  const actor = await currentActor(requestHeaders);
  if (!actor) throw unauthenticated();
  return actor;
}
