"use client";
import { Box } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Field, FormError, Input, Select } from "@/components/ui/field";

export interface EnvironmentSummary {
  id: string;
  name: string;
  latestVersion: number;
  toolCount: number;
  domain: { name: string } | null;
}

export function EnvironmentList({
  environments,
  examples,
}: {
  environments: EnvironmentSummary[];
  examples: string[];
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const created = await api<{ id: string }>(`/api/workspaces/${slug}/environments`, {
        body: { name: form.get("name"), example: form.get("example") },
      });
      router.push(`/w/${slug}/environments/${created.id}`);
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      {environments.length === 0 ? (
        <EmptyState icon={<Box size={28} />} title="No environments yet">
          An environment is executable code: tools over a state, run in a sandbox. Synthesize one
          from a domain, or start from an example and edit it.
        </EmptyState>
      ) : (
        <ul className="space-y-2" aria-label="Environments">
          {environments.map((env) => (
            <li key={env.id}>
              <Link href={`/w/${slug}/environments/${env.id}`} className="block">
                <Card className="flex items-center justify-between gap-4 p-4 hover:bg-surface-2">
                  <div>
                    <h3 className="font-medium">{env.name}</h3>
                    <p className="text-sm text-muted">
                      {env.toolCount} tools{env.domain ? ` · from ${env.domain.name}` : ""}
                    </p>
                  </div>
                  <Badge>v{env.latestVersion}</Badge>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card className="h-fit p-4">
        <h2 className="mb-3 font-medium">New environment</h2>
        <form onSubmit={create}>
          <fieldset disabled={!canEdit} title={readOnlyReason} className="space-y-3">
            <Field label="Name" htmlFor="env-name">
              <Input
                id="env-name"
                name="name"
                required
                minLength={2}
                placeholder="e.g. Bank (staging)"
              />
            </Field>
            <Field label="Start from" htmlFor="env-example">
              <Select id="env-example" name="example">
                {examples.map((e) => (
                  <option key={e} value={e}>
                    {e} example
                  </option>
                ))}
              </Select>
            </Field>
            <FormError message={error} />
            <Button type="submit" disabled={pending || !canEdit}>
              {pending ? "Creating…" : "Create environment"}
            </Button>
          </fieldset>
        </form>
      </Card>
    </div>
  );
}
