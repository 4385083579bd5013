"use client";
import { AlertCircle, Braces, FileCode2, ListTree } from "lucide-react";
import dynamic from "next/dynamic";
import { type ReactNode, useMemo, useState } from "react";
import type { EditorMarker } from "@/components/editor/code-editor";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { isObject, starterSpec } from "./spec-edit";
import { SpecForm } from "./spec-form";
import { formatSpec, pathLocator } from "./spec-json";
import type { RevealRequest } from "./spec-monaco";
import type { SpecProblem, SpecView } from "./types";
import type { DomainDraft } from "./use-domain-draft";

const SpecMonaco = dynamic(() => import("./spec-monaco").then((m) => m.SpecMonaco), {
  ssr: false,
  loading: () => (
    <div className="grid h-full place-items-center text-sm text-muted">Loading editor…</div>
  ),
});

/** The Spec tab: common edits in a form, everything in the raw JSON (Monaco, schema-checked). */
export function SpecEditor({
  domain,
  draft,
  view,
  onViewChange,
  reveal,
}: {
  domain: { id: string; name: string };
  draft: DomainDraft;
  view: SpecView;
  onViewChange: (view: SpecView) => void;
  reveal: RevealRequest | null;
}) {
  const { canEdit, readOnlyReason } = useWorkspace();
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const problems = draft.failure?.problems;
  const serverMarkers = useMemo(
    () => toMarkers(draft.specText, problems ?? []),
    [draft.specText, problems],
  );
  const serverMessages = new Set(serverMarkers.map((m) => m.message));
  const editorProblems = markers.filter(
    (m) => m.severity !== "info" && !serverMessages.has(m.message),
  );

  if (!draft.specText.trim() && !draft.savedSpecText.trim()) {
    return (
      <EmptyState icon={<Braces size={28} />} title="No spec yet">
        <p>
          The spec lists the domain&apos;s entities, actions (the tools), rules and seed data; the
          offline synthesizer compiles it into an environment. Start from a small template, or let
          an LLM draft it from the description on the Synthesize tab.
        </p>
        <Button
          className="mt-4"
          onClick={() => draft.setSpecText(formatSpec(starterSpec(domain.name)))}
          disabled={!canEdit}
          title={readOnlyReason}
        >
          Start from a template
        </Button>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-1" role="tablist" aria-label="Spec view">
        <ViewButton
          active={view === "form"}
          onClick={() => onViewChange("form")}
          icon={<ListTree size={14} aria-hidden />}
        >
          Form
        </ViewButton>
        <ViewButton
          active={view === "json"}
          onClick={() => onViewChange("json")}
          icon={<FileCode2 size={14} aria-hidden />}
        >
          Raw JSON
        </ViewButton>
        <p className="ml-3 text-xs text-muted">
          {view === "form"
            ? "Common edits; everything else is in the raw JSON."
            : "Checked against the spec schema as you type; Ctrl+Space completes keys and values."}
        </p>
      </div>
      {view === "form" ? (
        draft.parsed.ok && isObject(draft.parsed.value) ? (
          <SpecForm
            spec={draft.parsed.value}
            onChange={(next) => draft.setSpecText(formatSpec(next))}
          />
        ) : (
          <Card className="p-4 text-sm text-muted">
            The raw spec is not a JSON object right now
            {draft.parsed.ok ? "" : ` (${draft.parsed.message})`}. Fix it in the raw JSON to use the
            form.
          </Card>
        )
      ) : (
        <>
          <Card className="h-[64vh] overflow-hidden" data-testid="spec-editor">
            <SpecMonaco
              domainId={domain.id}
              value={draft.specText}
              onChange={draft.setSpecText}
              readOnly={!canEdit}
              onMarkers={setMarkers}
              extraMarkers={serverMarkers}
              reveal={reveal}
            />
          </Card>
          <div aria-live="polite" data-testid="spec-editor-problems">
            {editorProblems.length === 0 ? (
              <p className="text-xs text-muted">
                The editor finds no problems; saving runs the full check.
              </p>
            ) : (
              <ul className="space-y-1">
                {editorProblems.slice(0, 10).map((m, i) => (
                  <li
                    key={i}
                    className={cn(
                      "flex items-start gap-1.5 text-xs",
                      m.severity === "error" ? "text-danger" : "text-warning",
                    )}
                  >
                    <AlertCircle size={13} className="mt-0.5 shrink-0" aria-hidden />
                    <span>
                      line {m.line}:{m.column} {m.message}
                    </span>
                  </li>
                ))}
                {editorProblems.length > 10 && (
                  <li className="text-xs text-muted">…and {editorProblems.length - 10} more</li>
                )}
              </ul>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function ViewButton({
  active,
  onClick,
  icon,
  children,
}: {
  active: boolean;
  onClick: () => void;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      onClick={onClick}
      className={cn(
        "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm",
        active
          ? "bg-surface-2 font-medium text-text"
          : "text-muted hover:bg-surface-2 hover:text-text",
      )}
    >
      {icon}
      {children}
    </button>
  );
}

/** Server problems as editor markers, placed by their paths in the current text. */
function toMarkers(text: string, problems: SpecProblem[]): EditorMarker[] {
  if (problems.length === 0) return [];
  const locate = pathLocator(text);
  if (!locate) return [];
  return problems.map((p) => ({
    ...locate(p.path),
    message: `${p.path || "spec"}: ${p.message}`,
    severity: "error" as const,
  }));
}
