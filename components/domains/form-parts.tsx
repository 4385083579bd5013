"use client";
import { type ReactNode, useState } from "react";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";

export function Section({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Card className="p-4">
      <details open className="group">
        <summary className="cursor-pointer select-none font-medium">
          {title}
          {hint && <span className="ml-2 text-xs font-normal text-muted">{hint}</span>}
        </summary>
        <div className="mt-3">{children}</div>
      </details>
    </Card>
  );
}

export function Labeled({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <label className="block space-y-1">
      <span className="block text-xs font-medium text-muted">{label}</span>
      {children}
      {hint && <span className="block text-xs text-muted">{hint}</span>}
    </label>
  );
}

/**
 * A text input applied on blur or Enter (renames and lists must not apply half-typed values);
 * `validate` says why a value is refused.
 */
export function CommitInput({
  label,
  value,
  onCommit,
  validate,
  mono,
  placeholder,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  validate?: (value: string) => string | null;
  mono?: boolean;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    const why = validate?.(next) ?? null;
    setProblem(why);
    if (why) return;
    setDraft(null);
    onCommit(next);
  };
  return (
    <div className="space-y-1">
      <Input
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        value={draft ?? value}
        placeholder={placeholder}
        className={mono ? "font-mono text-[13px]" : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Escape") {
            setDraft(null);
            setProblem(null);
          }
        }}
      />
      {problem && <p className="text-xs text-danger">{problem}</p>}
    </div>
  );
}
