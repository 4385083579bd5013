"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { formatSpec, parseSpecText } from "./spec-json";
import type { DomainView, SpecProblem } from "./types";

export interface SaveFailure {
  code: string;
  message: string;
  problems: SpecProblem[];
}

interface Saved {
  revision: number;
  description: string;
  specText: string;
}

const fromDomain = (domain: DomainView): Saved => ({
  revision: domain.revision,
  description: domain.description,
  specText: formatSpec(domain.spec),
});

/** The same JSON, however it is laid out, compares equal. */
const canonical = (text: string) => {
  const parsed = parseSpecText(text);
  return parsed.ok ? JSON.stringify(parsed.value) : text;
};

/**
 * The unsaved description and spec of a domain, and saving them as a revision. The server
 * validates the spec; its problems (with paths) and conflicts come back as a `SaveFailure`.
 */
export function useDomainDraft(
  slug: string,
  domain: DomainView,
  /** Called after a save is stored (e.g. to fetch the revision list again). */
  onSaved?: () => void,
) {
  const router = useRouter();
  const [saved, setSaved] = useState(() => fromDomain(domain));
  const [description, setDescription] = useState(domain.description);
  const [specText, setSpecText] = useState(saved.specText);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);

  const descriptionChanged = description !== saved.description;
  const specChanged = useMemo(
    () => specText !== saved.specText && canonical(specText) !== canonical(saved.specText),
    [specText, saved.specText],
  );
  const dirty = descriptionChanged || specChanged;
  const parsed = useMemo(() => parseSpecText(specText), [specText]);

  // A newer revision from the server (a refresh after a teammate's save or a synthesis that
  // drafted the spec) replaces what is shown, unless there are unsaved edits to keep.
  const [seen, setSeen] = useState(domain);
  if (seen !== domain) {
    setSeen(domain);
    const next = fromDomain(domain);
    if (!dirty && (next.revision !== saved.revision || next.specText !== saved.specText)) {
      setSaved(next);
      setDescription(next.description);
      setSpecText(next.specText);
    }
  }

  async function save(message: string): Promise<boolean> {
    if (!parsed.ok) {
      setFailure({
        code: "invalid_json",
        message: `The raw spec is not valid JSON: ${parsed.message}`,
        problems: [],
      });
      return false;
    }
    setSaving(true);
    setFailure(null);
    try {
      const body: Record<string, unknown> = { message, baseRevision: saved.revision };
      if (descriptionChanged) body.description = description;
      if (specChanged) body.spec = parsed.value;
      const response = await fetch(`/api/workspaces/${slug}/domains/${domain.id}/revisions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = (await response.json().catch(() => null)) as {
        revision?: number;
        error?: { code?: string; message?: string; details?: { problems?: SpecProblem[] } };
      } | null;
      if (!response.ok) {
        setFailure({
          code: data?.error?.code ?? "http_error",
          message: data?.error?.message ?? `saving failed (${response.status})`,
          problems: data?.error?.details?.problems ?? [],
        });
        return false;
      }
      setSaved({ revision: data?.revision ?? saved.revision + 1, description, specText });
      onSaved?.();
      router.refresh();
      return true;
    } catch (error) {
      setFailure({ code: "network", message: (error as Error).message, problems: [] });
      return false;
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    setDescription(saved.description);
    setSpecText(saved.specText);
    setFailure(null);
  }

  return {
    revision: saved.revision,
    savedSpecText: saved.specText,
    savedDescription: saved.description,
    description,
    setDescription,
    specText,
    setSpecText,
    parsed,
    descriptionChanged,
    specChanged,
    dirty,
    saving,
    failure,
    save,
    discard,
  };
}

export type DomainDraft = ReturnType<typeof useDomainDraft>;
