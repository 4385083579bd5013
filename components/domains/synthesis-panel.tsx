"use client";
import { Cpu, Sparkles, Wand2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, Select } from "@/components/ui/field";
import { SynthesisJobCard } from "./synthesis-job";
import { isActive, type SynthesisMode } from "./types";
import type { SynthesisJobs } from "./use-synthesis-jobs";

/** Turns the domain into an environment version: offline from the spec, or with an LLM. */
export function SynthesisPanel({
  domain,
  synthesis,
  llm,
  unsaved,
}: {
  domain: { id: string; revision: number; hasSpec: boolean; hasDescription: boolean };
  synthesis: SynthesisJobs;
  /** The configured model, or null when the workspace has no LLM provider. */
  llm: { model: string } | null;
  unsaved: boolean;
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const { jobs, start, cancel } = synthesis;
  const [maxAttempts, setMaxAttempts] = useState(3);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<SynthesisMode | null>(null);
  const running = jobs.some((j) => isActive(j.status));

  async function run(mode: SynthesisMode) {
    setError(null);
    setStarting(mode);
    try {
      await start(domain.id, mode, maxAttempts);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(null);
    }
  }
  async function stop(id: string) {
    setError(null);
    await cancel(id).catch((e: Error) => setError(e.message));
  }

  const busy = running ? "A synthesis of this domain is already running" : undefined;
  const specBlocked =
    readOnlyReason ?? busy ?? (domain.hasSpec ? undefined : "Save a spec first (Spec tab)");
  const llmBlocked =
    readOnlyReason ??
    busy ??
    (!llm
      ? "No LLM provider is configured"
      : domain.hasDescription
        ? undefined
        : "Write a description first");

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="flex flex-col p-4">
          <h2 className="flex items-center gap-2 font-medium">
            <Cpu size={16} aria-hidden /> From the spec, offline
          </h2>
          <p className="mt-1 flex-1 text-sm text-muted">
            Compiles the saved spec (revision {domain.revision}) into environment code, verifies it
            — type-check, load in the sandbox, self-tests — and publishes a new environment version.
            No model needed.
          </p>
          <div className="mt-3">
            <Button
              onClick={() => void run("spec")}
              disabled={Boolean(specBlocked) || starting !== null}
              title={specBlocked}
            >
              <Wand2 size={14} aria-hidden />{" "}
              {starting === "spec" ? "Starting…" : "From spec (offline)"}
            </Button>
          </div>
          {!domain.hasSpec && (
            <p className="mt-2 text-xs text-muted">
              This domain has no saved spec yet: write one on the Spec tab (or start from a
              template).
            </p>
          )}
        </Card>
        <Card className="flex flex-col p-4">
          <h2 className="flex items-center gap-2 font-medium">
            <Sparkles size={16} aria-hidden /> With an LLM, from the description
          </h2>
          <p className="mt-1 flex-1 text-sm text-muted">
            {llm ? `${llm.model} drafts` : "A model drafts"} a spec and writes the code from the
            description; each attempt is verified and its failures fed back until every check
            passes. The drafted spec replaces this domain&apos;s spec.
          </p>
          {!llm && (
            <p
              className="mt-2 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm"
              data-testid="llm-missing"
            >
              No LLM provider is configured for this workspace. An owner can add one (any
              OpenAI-compatible endpoint, or Anthropic) in{" "}
              <Link
                href={`/w/${slug}/settings`}
                className="font-medium text-accent underline underline-offset-2"
              >
                Settings → LLM provider
              </Link>
              .
            </p>
          )}
          <div className="mt-3 flex items-center gap-2">
            <Button
              onClick={() => void run("llm")}
              disabled={Boolean(llmBlocked) || starting !== null}
              title={llmBlocked}
            >
              <Sparkles size={14} aria-hidden />{" "}
              {starting === "llm" ? "Starting…" : "With LLM from the description"}
            </Button>
            <div className="w-44">
              <Select
                aria-label="Code attempts"
                value={maxAttempts}
                onChange={(e) => setMaxAttempts(Number(e.target.value))}
                disabled={!llm || !canEdit}
              >
                {[1, 2, 3, 4, 5, 6, 8, 10].map((n) => (
                  <option key={n} value={n}>
                    up to {n} attempt{n === 1 ? "" : "s"}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        </Card>
      </div>
      {unsaved && (
        <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-warning">
          You have unsaved edits: synthesis uses the saved revision {domain.revision}. Save first to
          synthesize them.
        </p>
      )}
      <FormError message={error} />
      <Card>
        <h2 className="border-b border-border px-4 py-3 font-medium">History</h2>
        {jobs.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted">
            Nothing synthesized yet. Each run shows its progress here, live, then the environment
            version it published — or why it failed.
          </p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Synthesis jobs">
            {jobs.map((job) => (
              <SynthesisJobCard key={job.id} job={job} onCancel={(id) => void stop(id)} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
