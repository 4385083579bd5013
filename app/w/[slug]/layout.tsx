import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { WorkspaceProvider } from "@/components/shell/workspace-context";
import { pageAccess } from "@/lib/server/pages";
import { listWorkspaces } from "@/lib/server/services/workspaces";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const workspaces = await listWorkspaces(access.actor);
  const current = { slug: access.workspace.slug, name: access.workspace.name, role: access.role };
  return (
    <WorkspaceProvider value={current}>
      <div className="flex min-h-screen">
        <Sidebar
          current={current}
          workspaces={workspaces}
          user={{ name: access.actor.name, email: access.actor.email }}
        />
        <main className="min-w-0 flex-1 px-8 py-7">
          {access.role === "viewer" && (
            <p
              className="mb-5 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-muted"
              data-testid="read-only-banner"
            >
              You are a viewer in this workspace: you can look at everything, and change nothing.
            </p>
          )}
          {children}
        </main>
      </div>
    </WorkspaceProvider>
  );
}
