"use client";
import { AlertCircle, GitCompare, Save } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { EditorMarker } from "@/components/editor/code-editor";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FormError, Input, Select } from "@/components/ui/field";
import { Playground, type ToolInfo } from "./playground";

const CodeEditor = dynamic(
  () => import("@/components/editor/code-editor").then((m) => m.CodeEditor),
  {
    ssr: false,
    loading: () => (
      <div className="grid h-full place-items-center text-sm text-muted">Loading editor…</div>
    ),
  },
);

export interface VersionView {
  id: string;
  number: number;
  source: string;
  tools: ToolInfo[];
  message: string;
  origin: string;
}

/** The environment page: its code in Monaco beside a playground for the version shown. */
export function EnvironmentWorkbench({
  environment,
  version,
  versions,
}: {
  environment: { id: string; name: string };
  version: VersionView;
  versions: { number: number; message: string; createdAt: string }[];
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const [source, setSource] = useState(version.source);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [serverMarkers, setServerMarkers] = useState<EditorMarker[]>([]);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const latest = versions[0]?.number ?? version.number;
  const dirty = source !== version.source;
  const errors = [...markers, ...serverMarkers].filter((m) => m.severity === "error");
  const base = `/w/${slug}/environments/${environment.id}`;

  async function save() {
    setSaving(true);
    setError(null);
    setServerMarkers([]);
    try {
      const saved = await api<{ version: { number: number } }>(
        `/api/workspaces/${slug}/environments/${environment.id}/versions`,
        {
          body: {
            source,
            message,
            baseVersion: version.number === latest ? version.number : undefined,
          },
        },
      );
      setMessage("");
      router.push(`${base}?v=${saved.version.number}`);
      router.refresh();
    } catch (e) {
      const details = (e as { details?: { diagnostics?: EditorMarker[] } }).details;
      if (details?.diagnostics) setServerMarkers(details.diagnostics);
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_380px]">
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label="Version"
            className="max-w-sm"
            value={version.number}
            onChange={(e) => router.push(`${base}?v=${e.target.value}`)}
          >
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                v{v.number}
                {v.number === latest ? " (latest)" : ""} — {v.message.slice(0, 40)}
              </option>
            ))}
          </Select>
          {versions.length > 1 && (
            <Link
              href={`${base}/compare?a=${Math.max(1, version.number - 1)}&b=${version.number}`}
              className="inline-flex h-9 items-center gap-1.5 rounded-md px-3 text-sm text-muted hover:bg-surface-2 hover:text-text"
            >
              <GitCompare size={14} aria-hidden /> Compare
            </Link>
          )}
          <div className="ml-auto flex items-center gap-2">
            {dirty && <Badge tone="warning">unsaved</Badge>}
            <Input
              aria-label="What changed"
              placeholder="What changed?"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              className="w-56"
              disabled={!canEdit}
            />
            <Button
              onClick={() => void save()}
              disabled={!canEdit || !dirty || saving || errors.length > 0}
              title={
                readOnlyReason ??
                (errors.length ? `Fix the ${errors.length} error(s) first` : undefined)
              }
            >
              <Save size={14} aria-hidden /> {saving ? "Saving…" : `Save as v${latest + 1}`}
            </Button>
          </div>
        </div>
        <Card className="h-[62vh] overflow-hidden" data-testid="code-editor">
          <CodeEditor
            value={source}
            onChange={setSource}
            language="typescript"
            path={`file:///environments/${environment.id}/v${version.number}/environment.ts`}
            readOnly={!canEdit}
            onMarkers={setMarkers}
            extraMarkers={serverMarkers}
          />
        </Card>
        <FormError message={error} />
        <div aria-live="polite" data-testid="problems">
          {errors.length === 0 ? (
            <p className="text-xs text-muted">No problems.</p>
          ) : (
            <ul className="space-y-1">
              {errors.slice(0, 8).map((m, i) => (
                <li key={i} className="flex items-start gap-1.5 text-xs text-danger">
                  <AlertCircle size={13} className="mt-0.5 shrink-0" aria-hidden />
                  <span>
                    environment.ts:{m.line}:{m.column} {m.message}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <Card className="h-fit p-4">
        <h2 className="mb-1 font-medium">Playground · v{version.number}</h2>
        <p className="mb-4 text-xs text-muted">
          Calls run in the sandbox against this version; nothing is saved.
        </p>
        <Playground key={version.id} versionId={version.id} tools={version.tools} />
      </Card>
    </div>
  );
}
