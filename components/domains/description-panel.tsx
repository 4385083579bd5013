"use client";
import { Eye, Pencil } from "lucide-react";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Textarea } from "@/components/ui/field";
import { Markdown } from "./markdown";

/** The domain's prose in Markdown: what LLM synthesis reads, and what teammates read first. */
export function DescriptionPanel({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { canEdit, readOnlyReason } = useWorkspace();
  const [editing, setEditing] = useState(false);
  const toggle = (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => setEditing(!editing)}
      disabled={!canEdit && !editing}
      title={readOnlyReason}
    >
      {editing ? <Eye size={14} aria-hidden /> : <Pencil size={14} aria-hidden />}
      {editing ? "Done" : "Edit description"}
    </Button>
  );

  if (!editing) {
    return (
      <Card className="p-5">
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 className="text-sm font-medium text-muted">Description</h2>
          {toggle}
        </div>
        {value.trim() ? (
          <Markdown source={value} className="max-w-3xl" />
        ) : (
          <p className="text-sm text-muted">
            No description yet. Describe the software, who uses it and the rules it enforces: LLM
            synthesis builds the environment from this text.
          </p>
        )}
      </Card>
    );
  }
  return (
    <Card className="p-5">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-sm font-medium text-muted">Description · Markdown</h2>
        {toggle}
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Textarea
          aria-label="Description (Markdown)"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={18}
          maxLength={20_000}
          className="min-h-72 font-mono text-[13px] leading-relaxed"
          placeholder={"# What the software does\n\n- who uses it\n- the rules it enforces"}
          disabled={!canEdit}
          autoFocus
        />
        <div className="min-w-0 rounded-md border border-dashed border-border p-4">
          <p className="mb-2 text-xs uppercase tracking-wide text-muted">Preview</p>
          {value.trim() ? (
            <Markdown source={value} />
          ) : (
            <p className="text-sm text-muted">Nothing to preview.</p>
          )}
        </div>
      </div>
      <p className="mt-2 text-xs text-muted">
        Headings (#), lists (- or 1.), **bold**, *emphasis*, `code`, code blocks (```) and links.
        Save a revision to keep the change.
      </p>
    </Card>
  );
}
