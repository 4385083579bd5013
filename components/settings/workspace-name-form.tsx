"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input } from "@/components/ui/field";

export function WorkspaceNameForm() {
  const { slug, name, isOwner } = useWorkspace();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api(`/api/workspaces/${slug}`, {
        method: "PATCH",
        body: { name: new FormData(event.currentTarget).get("name") },
      });
      setSaved(true);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Card className="p-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field label="Workspace name" htmlFor="ws-name">
            <Input
              id="ws-name"
              name="name"
              defaultValue={name}
              disabled={!isOwner}
              required
              minLength={2}
            />
          </Field>
        </div>
        <Button
          type="submit"
          variant="secondary"
          disabled={!isOwner}
          title={isOwner ? undefined : "Only owners rename the workspace"}
        >
          {saved ? "Saved" : "Rename"}
        </Button>
      </form>
      <div className="mt-2">
        <FormError message={error} />
      </div>
    </Card>
  );
}
