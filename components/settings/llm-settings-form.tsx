"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Field, FormError, Input, Select } from "@/components/ui/field";

export interface LlmSettingsView {
  kind: "openai-compatible" | "anthropic";
  baseUrl: string | null;
  model: string;
  hasApiKey: boolean;
  source: "workspace" | "environment";
}

/** The workspace's LLM endpoint. The key is write-only: the page only learns whether one is stored. */
export function LlmSettingsForm({ settings }: { settings: LlmSettingsView | null }) {
  const { slug, isOwner } = useWorkspace();
  const router = useRouter();
  const [kind, setKind] = useState(settings?.kind ?? "openai-compatible");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const apiKey = String(form.get("apiKey") ?? "");
    setError(null);
    setSaved(false);
    try {
      await api(`/api/workspaces/${slug}/llm`, {
        method: "PUT",
        body: {
          kind,
          baseUrl: String(form.get("baseUrl") ?? ""),
          model: String(form.get("model") ?? ""),
          ...(apiKey ? { apiKey } : {}),
        },
      });
      setSaved(true);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Card className="p-4">
      <div className="mb-3 flex items-center justify-between">
        <div>
          <h2 className="font-medium">LLM provider</h2>
          <p className="text-xs text-muted">
            Used to draft domain specs and environment code from prose, to refine task wording, and
            by LLM agents in runs. Everything else works without one.
          </p>
        </div>
        {settings && (
          <Badge tone={settings.source === "workspace" ? "accent" : "neutral"}>
            {settings.source === "workspace" ? "workspace" : "from server settings"}
          </Badge>
        )}
      </div>
      <form onSubmit={onSubmit}>
        <fieldset
          disabled={!isOwner}
          title={isOwner ? undefined : "Only owners change the LLM provider"}
          className="grid gap-3 sm:grid-cols-2"
        >
          <Field label="Provider" htmlFor="llm-kind">
            <Select
              id="llm-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
            >
              <option value="openai-compatible">
                OpenAI-compatible (OpenAI, vLLM, Ollama, llama.cpp, LM Studio)
              </option>
              <option value="anthropic">Anthropic</option>
            </Select>
          </Field>
          <Field label="Model" htmlFor="llm-model">
            <Input
              id="llm-model"
              name="model"
              defaultValue={settings?.model ?? ""}
              placeholder="e.g. qwen2.5-7b-instruct"
              required
            />
          </Field>
          {kind === "openai-compatible" && (
            <Field label="Base URL" htmlFor="llm-base">
              <Input
                id="llm-base"
                name="baseUrl"
                defaultValue={settings?.baseUrl ?? ""}
                placeholder="http://127.0.0.1:8000/v1"
              />
            </Field>
          )}
          <Field
            label="API key"
            htmlFor="llm-key"
            hint={
              settings?.hasApiKey
                ? "A key is stored (encrypted). Leave empty to keep it."
                : "Stored encrypted; never shown again."
            }
          >
            <Input
              id="llm-key"
              name="apiKey"
              type="password"
              autoComplete="off"
              placeholder={settings?.hasApiKey ? "••••••••" : ""}
            />
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" variant="secondary">
              {saved ? "Saved" : "Save provider"}
            </Button>
            <FormError message={error} />
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
