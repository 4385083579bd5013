"use client";
import { Copy, UserMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FormError, Select } from "@/components/ui/field";

type Role = "owner" | "editor" | "viewer";

export interface MemberRow {
  id: string;
  role: Role;
  user: { id: string; name: string; email: string };
}

export interface InvitationRow {
  id: string;
  token: string;
  role: Role;
  expiresAt: string;
}

export function MembersPanel({
  members,
  invitations,
  currentUserId,
}: {
  members: MemberRow[];
  invitations: InvitationRow[];
  currentUserId: string;
}) {
  const { slug, isOwner } = useWorkspace();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>("editor");
  const [copied, setCopied] = useState<string | null>(null);
  const notOwner = isOwner ? undefined : "Only owners manage members";

  async function call(path: string, init: { method?: string; body?: unknown }) {
    setError(null);
    try {
      await api(path, init);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const link = (token: string) => `${window.location.origin}/invite/${token}`;

  return (
    <div className="space-y-6">
      <FormError message={error} />
      <Card>
        <div className="border-b border-border px-4 py-3">
          <h2 className="font-medium">Members</h2>
        </div>
        <ul className="divide-y divide-border" aria-label="Members">
          {members.map((member) => (
            <li key={member.id} className="flex items-center justify-between gap-4 px-4 py-3">
              <div className="min-w-0">
                <div className="truncate text-sm font-medium">
                  {member.user.name} {member.user.id === currentUserId && <Badge>you</Badge>}
                </div>
                <div className="truncate text-xs text-muted">{member.user.email}</div>
              </div>
              <div className="flex items-center gap-2">
                <Select
                  aria-label={`Role of ${member.user.email}`}
                  value={member.role}
                  disabled={!isOwner}
                  title={notOwner}
                  className="w-28"
                  onChange={(e) =>
                    void call(`/api/workspaces/${slug}/members/${member.id}`, {
                      method: "PATCH",
                      body: { role: e.target.value },
                    })
                  }
                >
                  <option value="owner">owner</option>
                  <option value="editor">editor</option>
                  <option value="viewer">viewer</option>
                </Select>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${member.user.email}`}
                  disabled={!isOwner}
                  title={notOwner}
                  onClick={() =>
                    void call(`/api/workspaces/${slug}/members/${member.id}`, { method: "DELETE" })
                  }
                >
                  <UserMinus size={14} aria-hidden />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-border px-4 py-3">
          <div>
            <h2 className="font-medium">Invitations</h2>
            <p className="text-xs text-muted">
              Anyone with a link can join with its role until it is used, revoked or expires (7
              days).
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Select
              aria-label="Role for the invitation"
              value={inviteRole}
              onChange={(e) => setInviteRole(e.target.value as Role)}
              disabled={!isOwner}
              className="w-28"
            >
              <option value="editor">editor</option>
              <option value="viewer">viewer</option>
              <option value="owner">owner</option>
            </Select>
            <Button
              disabled={!isOwner}
              title={notOwner}
              onClick={() =>
                void call(`/api/workspaces/${slug}/invitations`, { body: { role: inviteRole } })
              }
            >
              Create invite link
            </Button>
          </div>
        </div>
        {invitations.length === 0 ? (
          <p className="px-4 py-4 text-sm text-muted">
            {isOwner ? "No open invitations." : "Only owners see and create invitations."}
          </p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Invitations">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <div className="min-w-0">
                  <code className="block truncate text-xs" data-testid="invite-link">
                    {`/invite/${invitation.token}`}
                  </code>
                  <div className="text-xs text-muted">
                    <Badge>{invitation.role}</Badge> expires{" "}
                    {new Date(invitation.expiresAt).toLocaleDateString()}
                  </div>
                </div>
                <div className="flex gap-1">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      void navigator.clipboard?.writeText(link(invitation.token));
                      setCopied(invitation.id);
                    }}
                  >
                    <Copy size={14} aria-hidden />{" "}
                    {copied === invitation.id ? "Copied" : "Copy link"}
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() =>
                      void call(`/api/workspaces/${slug}/invitations/${invitation.id}`, {
                        method: "DELETE",
                      })
                    }
                  >
                    Revoke
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
