import { LlmSettingsForm } from "@/components/settings/llm-settings-form";
import { MembersPanel } from "@/components/settings/members-panel";
import { WorkspaceNameForm } from "@/components/settings/workspace-name-form";
import { PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";
import { getLlmSettings } from "@/lib/server/services/llm-settings";
import { listInvitations, listMembers } from "@/lib/server/services/members";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const members = await listMembers(access.actor, slug);
  const invitations = access.role === "owner" ? await listInvitations(access.actor, slug) : [];
  const llm = await getLlmSettings(access.actor, slug);
  return (
    <>
      <PageHeader
        title="Settings"
        description="The workspace's name, members and roles, invitation links, and LLM provider."
      />
      <div className="max-w-3xl space-y-6">
        <WorkspaceNameForm />
        <MembersPanel
          currentUserId={access.actor.userId}
          members={members}
          invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
        />
        <LlmSettingsForm settings={llm} />
      </div>
    </>
  );
}
