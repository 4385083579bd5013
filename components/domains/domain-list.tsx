"use client";
import { Blocks, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import { markdownToText } from "./markdown-parse";

export interface DomainSummary {
  id: string;
  name: string;
  description: string;
  revision: number;
  updatedAt: string;
}

export function DomainList({ domains }: { domains: DomainSummary[] }) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    try {
      const domain = await api<{ id: string }>(`/api/workspaces/${slug}/domains`, {
        body: { name: form.get("name"), description: form.get("description") },
      });
      formElement.reset();
      router.push(`/w/${slug}/domains/${domain.id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  async function remove(domain: DomainSummary) {
    if (!confirm(`Delete the domain “${domain.name}”?`)) return;
    try {
      await api(`/api/workspaces/${slug}/domains/${domain.id}`, { method: "DELETE" });
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <div className="space-y-3">
        {domains.length === 0 ? (
          <EmptyState icon={<Blocks size={28} />} title="No domains yet">
            A domain describes the software your agents will practise on — its entities, actions and
            rules. Create one, or start from a gallery domain below; synthesis turns it into an
            executable environment.
          </EmptyState>
        ) : (
          <ul className="space-y-2" aria-label="Domains">
            {domains.map((domain) => (
              <li key={domain.id}>
                <Card className="relative flex items-start justify-between gap-4 p-4 hover:bg-surface-2/50">
                  <div className="min-w-0">
                    <h3 className="font-medium">
                      <Link
                        href={`/w/${slug}/domains/${domain.id}`}
                        className="after:absolute after:inset-0 hover:underline"
                      >
                        {domain.name}
                      </Link>
                    </h3>
                    <p className="mt-0.5 line-clamp-2 text-sm text-muted">
                      {markdownToText(domain.description) || "No description yet."}
                    </p>
                    <p className="mt-1.5 text-xs text-muted" suppressHydrationWarning>
                      revision {domain.revision} · updated{" "}
                      {new Date(domain.updatedAt).toLocaleDateString()}
                    </p>
                  </div>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="relative z-10"
                    aria-label={`Delete ${domain.name}`}
                    disabled={!canEdit}
                    title={readOnlyReason}
                    onClick={() => void remove(domain)}
                  >
                    <Trash2 size={14} aria-hidden />
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Card className="h-fit p-4">
        <h2 className="mb-3 font-medium">New domain</h2>
        <form onSubmit={create} className="space-y-3">
          <fieldset disabled={!canEdit} title={readOnlyReason} className="space-y-3">
            <Field label="Name" htmlFor="domain-name">
              <Input
                id="domain-name"
                name="name"
                required
                minLength={2}
                placeholder="e.g. Corporate procurement"
              />
            </Field>
            <Field label="Description" htmlFor="domain-description">
              <Textarea
                id="domain-description"
                name="description"
                rows={4}
                placeholder="What the software does, for whom."
              />
            </Field>
            <FormError message={error} />
            <Button type="submit" disabled={pending || !canEdit}>
              {pending ? "Creating…" : "Create domain"}
            </Button>
          </fieldset>
        </form>
      </Card>
    </div>
  );
}
