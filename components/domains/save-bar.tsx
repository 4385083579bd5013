"use client";
import { AlertCircle, Save, Undo2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import type { DomainDraft } from "./use-domain-draft";

/** "What changed" and Save: every save is a new revision of the domain, with its message. */
export function SaveBar({ draft }: { draft: DomainDraft }) {
  const { canEdit, readOnlyReason } = useWorkspace();
  const [message, setMessage] = useState("");
  const changed = [draft.descriptionChanged && "description", draft.specChanged && "spec"].filter(
    Boolean,
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await draft.save(message.trim())) setMessage("");
  }

  const blocked = !canEdit
    ? readOnlyReason
    : !draft.dirty
      ? "Nothing to save yet"
      : !message.trim()
        ? "Say in a few words what changed"
        : undefined;
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-center gap-2"
      aria-label="Save a revision"
    >
      {draft.dirty && <Badge tone="warning">unsaved {changed.join(" and ")}</Badge>}
      <div className="w-64">
        <Input
          aria-label="What changed"
          placeholder="What changed?"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={500}
          disabled={!canEdit}
          title={readOnlyReason}
        />
      </div>
      <Button type="submit" disabled={Boolean(blocked) || draft.saving} title={blocked}>
        <Save size={14} aria-hidden />
        {draft.saving ? "Saving…" : `Save revision ${draft.revision + 1}`}
      </Button>
      {draft.dirty && (
        <Button
          variant="ghost"
          size="sm"
          onClick={draft.discard}
          disabled={!canEdit}
          title="Discard unsaved edits"
        >
          <Undo2 size={14} aria-hidden /> Discard
        </Button>
      )}
    </form>
  );
}

/** Why the last save failed: the spec's problems, each with its path, or a teammate's save. */
export function SaveFailureNotice({
  draft,
  onReveal,
}: {
  draft: DomainDraft;
  onReveal: (path: string) => void;
}) {
  const failure = draft.failure;
  if (!failure) return null;
  if (failure.code === "conflict") {
    return (
      <div
        role="alert"
        className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
      >
        <p>
          <strong className="font-medium">A teammate saved first.</strong> {failure.message}. Your
          edits are still here; copy what you need before reloading.
        </p>
        <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    );
  }
  return (
    <div
      role="alert"
      className="rounded-md border border-danger/30 bg-danger/10 px-3 py-2 text-sm text-danger"
      data-testid="save-problems"
    >
      <p className="font-medium">
        {failure.problems.length
          ? `Not saved: the spec has ${failure.problems.length} problem${failure.problems.length === 1 ? "" : "s"}`
          : `Not saved: ${failure.message}`}
      </p>
      {failure.problems.length > 0 && (
        <ul className="mt-1.5 max-h-56 space-y-1 overflow-y-auto">
          {failure.problems.map((problem, i) => (
            <li key={i} className="flex items-start gap-1.5">
              <AlertCircle size={13} className="mt-0.5 shrink-0" aria-hidden />
              <span>
                <button
                  type="button"
                  className="font-mono text-xs underline decoration-dotted underline-offset-2 hover:decoration-solid"
                  onClick={() => onReveal(problem.path)}
                  title="Show in the raw spec"
                >
                  {problem.path || "(spec)"}
                </button>{" "}
                <span className="text-text">{problem.message}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
