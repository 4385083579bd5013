import { redirect } from "next/navigation";
import { pageActor } from "@/lib/server/pages";
import { listWorkspaces } from "@/lib/server/services/workspaces";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await pageActor("/");
  const workspaces = await listWorkspaces(actor);
  redirect(workspaces[0] ? `/w/${workspaces[0].slug}` : "/onboarding");
}
