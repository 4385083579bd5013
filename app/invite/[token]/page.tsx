import { Logo } from "@/components/shell/logo";
import { Card } from "@/components/ui/card";
import { AcceptInvitation } from "@/components/workspaces/accept-invitation";
import { orNotFound, pageActor } from "@/lib/server/pages";
import { describeInvitation } from "@/lib/server/services/members";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await pageActor(`/invite/${token}`);
  const invitation = await orNotFound(describeInvitation(token));
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-4">
      <Logo />
      <Card className="w-full max-w-md p-6">
        <h1 className="text-lg font-semibold">Join {invitation.workspace.name}</h1>
        <p className="mt-1 mb-5 text-sm text-muted">
          You are signed in as {actor.email}. You were invited as <strong>{invitation.role}</strong>
          .{invitation.acceptedAt && " This link has already been used."}
        </p>
        <AcceptInvitation token={token} />
      </Card>
    </main>
  );
}
