"use client";
import { Box, ChevronRight, GitCompare } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DescriptionPanel } from "./description-panel";
import { RevisionList } from "./revision-list";
import { SaveBar, SaveFailureNotice } from "./save-bar";
import { isObject, list } from "./spec-edit";
import { SpecEditor } from "./spec-editor";
import { pathLocator } from "./spec-json";
import type { RevealRequest } from "./spec-monaco";
import { SynthesisPanel } from "./synthesis-panel";
import {
  isActive,
  type DomainView,
  type RevisionView,
  type SpecView,
  type SynthesisJob,
  type Tab,
  TABS,
} from "./types";
import { useDomainDraft } from "./use-domain-draft";
import { useSynthesisJobs } from "./use-synthesis-jobs";

const LABELS: Record<Tab, string> = {
  description: "Description",
  spec: "Spec",
  revisions: "Revisions",
  synthesize: "Synthesize",
};

/** A domain: its description and spec (saved as revisions), its history, and synthesis. */
export function DomainPage({
  domain,
  revisions,
  jobs,
  llm,
  initialTab,
  initialSpecView,
}: {
  domain: DomainView;
  revisions: RevisionView[];
  jobs: SynthesisJob[];
  llm: { model: string } | null;
  initialTab: Tab;
  initialSpecView: SpecView;
}) {
  const { slug } = useWorkspace();
  const history = useRevisions(slug, domain.id, revisions);
  const draft = useDomainDraft(slug, domain, history.reload);
  // Kept here, not in the tab, so live progress survives switching tabs.
  const synthesis = useSynthesisJobs(slug, jobs);
  const synthesizing = synthesis.jobs.some((j) => isActive(j.status));
  const [tab, setTab] = useState<Tab>(initialTab);
  const [specView, setSpecView] = useState<SpecView>(initialSpecView);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);

  // The tab lives in the address too, so a reload or a shared link opens the same view.
  function show(nextTab: Tab, nextView: SpecView = specView) {
    setTab(nextTab);
    setSpecView(nextView);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", nextTab);
    if (nextTab === "spec") url.searchParams.set("view", nextView);
    else url.searchParams.delete("view");
    window.history.replaceState(null, "", url);
  }

  function revealProblem(path: string) {
    const locate = pathLocator(draft.specText);
    const at = locate?.(path);
    show("spec", "json");
    if (at) setReveal({ line: at.line, column: at.column, nonce: Date.now() });
  }

  const counts = isObject(domain.spec) ? domain.spec : null;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 flex items-center gap-1 text-sm text-muted">
        <Link href={`/w/${slug}/domains`} className="hover:text-text">
          Domains
        </Link>
        <ChevronRight size={14} aria-hidden />
      </nav>
      <div className="mb-5 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight">{domain.name}</h1>
            <Badge tone="accent">revision {draft.revision}</Badge>
          </div>
          <p className="mt-1 text-sm text-muted">
            {counts
              ? `${list(counts.entities).length} entities · ${list(counts.actions).length} actions · ${list(counts.rules).length} rules`
              : "No spec yet"}
            {" · "}
            {domain.environments.length
              ? `${domain.environments.length} environment${domain.environments.length === 1 ? "" : "s"}`
              : "not synthesized yet"}
          </p>
        </div>
        {domain.environments.length > 0 && (
          <div
            className="flex flex-wrap items-center gap-2"
            aria-label="Environments of this domain"
          >
            {domain.environments.map((env) => (
              <div key={env.id} className="flex items-center gap-1">
                <Link
                  href={`/w/${slug}/environments/${env.id}?v=${env.latestVersion}`}
                  className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2"
                >
                  <Box size={14} aria-hidden /> {env.name} · v{env.latestVersion}
                </Link>
                {env.latestVersion > 1 && (
                  <Link
                    href={`/w/${slug}/environments/${env.id}/compare?a=${env.latestVersion - 1}&b=${env.latestVersion}`}
                    className="inline-flex h-9 items-center gap-1.5 rounded-md px-3 text-sm text-muted hover:bg-surface-2 hover:text-text"
                  >
                    <GitCompare size={14} aria-hidden /> Compare versions
                  </Link>
                )}
              </div>
            ))}
          </div>
        )}
      </div>

      <div className="mb-4 flex flex-wrap items-end justify-between gap-3 border-b border-border">
        <div role="tablist" aria-label="Domain" className="-mb-px flex gap-1">
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => show(t)}
              className={cn(
                "border-b-2 px-3 pb-2.5 pt-1 text-sm transition-colors",
                tab === t
                  ? "border-accent font-medium text-text"
                  : "border-transparent text-muted hover:text-text",
              )}
            >
              {LABELS[t]}
              {t === "revisions" && (
                <span className="ml-1.5 text-xs text-muted">{history.revisions.length}</span>
              )}
              {t === "synthesize" && synthesizing && (
                <span
                  className="ml-1.5 inline-block size-1.5 animate-pulse rounded-full bg-accent align-middle"
                  aria-label="running"
                />
              )}
              {((t === "description" && draft.descriptionChanged) ||
                (t === "spec" && draft.specChanged)) && (
                <span
                  className="ml-1.5 inline-block size-1.5 rounded-full bg-warning align-middle"
                  aria-label="unsaved"
                />
              )}
            </button>
          ))}
        </div>
        {(tab === "description" || tab === "spec" || draft.dirty) && (
          <div className="pb-2">
            <SaveBar draft={draft} />
          </div>
        )}
      </div>

      <div className="space-y-4">
        <SaveFailureNotice draft={draft} onReveal={revealProblem} />
        {tab === "description" && (
          <DescriptionPanel value={draft.description} onChange={draft.setDescription} />
        )}
        {tab === "spec" && (
          <SpecEditor
            domain={domain}
            draft={draft}
            view={specView}
            onViewChange={(v) => show("spec", v)}
            reveal={reveal}
          />
        )}
        {tab === "revisions" && (
          <RevisionList revisions={history.revisions} current={draft.revision} />
        )}
        {tab === "synthesize" && (
          <SynthesisPanel
            domain={{
              id: domain.id,
              revision: draft.revision,
              hasSpec: Boolean(draft.savedSpecText.trim()),
              hasDescription: Boolean(draft.savedDescription.trim()),
            }}
            synthesis={synthesis}
            llm={llm}
            unsaved={draft.dirty}
          />
        )}
      </div>
    </>
  );
}

/**
 * The revision list: the server's, and fetched again right after this page saves one (a
 * `router.refresh()` alone can be dropped when the address changes while it is in flight).
 */
function useRevisions(slug: string, domainId: string, initial: RevisionView[]) {
  const [revisions, setRevisions] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    // A server render (refresh) brought a list: keep the longer, i.e. newer, one.
    setSeen(initial);
    if (initial.length >= revisions.length) setRevisions(initial);
  }
  const reload = useCallback(async () => {
    try {
      setRevisions(
        await api<RevisionView[]>(`/api/workspaces/${slug}/domains/${domainId}/revisions`),
      );
    } catch {
      // The refresh that follows a save brings the list too.
    }
  }, [slug, domainId]);
  return { revisions, reload };
}
