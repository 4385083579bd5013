import "server-only";
import { notFound, redirect } from "next/navigation";
import { type Actor, currentActor } from "@/lib/server/auth/actor";
import { authorize, type Permission, type WorkspaceAccess } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";

/** For server-rendered pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function pageActor(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** A workspace page: non-members get the 404 page, like the API's 404 for foreign ids. */
export async function pageAccess(
  slug: string,
  permission: Permission = "read",
): Promise<WorkspaceAccess> {
  const actor = await pageActor(`/w/${slug}`);
  try {
    return await authorize(actor, { slug }, permission);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** Runs a service call for a page, turning `not_found` into the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
