import { Logo } from "@/components/shell/logo";
import { Card } from "@/components/ui/card";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { pageActor } from "@/lib/server/pages";

export const metadata = { title: "New workspace" };
export const dynamic = "force-dynamic";

export default async function Onboarding() {
  await pageActor("/onboarding");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-4">
      <Logo />
      <Card className="w-full max-w-md p-6">
        <h1 className="text-lg font-semibold">Create a workspace</h1>
        <p className="mt-1 mb-5 text-sm text-muted">
          A workspace holds your domains, environments, tasks and training runs. Invite teammates to
          it as editors or viewers.
        </p>
        <CreateWorkspaceForm />
      </Card>
    </main>
  );
}
