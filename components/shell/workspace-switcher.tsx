"use client";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/card";
import type { WorkspaceInfo } from "./workspace-context";

export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: WorkspaceInfo;
  workspaces: WorkspaceInfo[];
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !ref.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Switch workspace"
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between gap-2 rounded-md border border-border bg-bg px-2.5 py-1.5 text-left text-sm hover:bg-surface-2"
      >
        <span className="min-w-0">
          <span className="block truncate font-medium" data-testid="current-workspace">
            {current.name}
          </span>
          <span className="text-xs text-muted capitalize">{current.role}</span>
        </span>
        <ChevronsUpDown size={14} className="shrink-0 text-muted" aria-hidden />
      </button>
      {open && (
        <div
          role="menu"
          className="absolute z-20 mt-1 w-full rounded-md border border-border bg-surface p-1 shadow-lg"
        >
          {workspaces.map((w) => (
            <Link
              key={w.slug}
              role="menuitem"
              href={`/w/${w.slug}`}
              onClick={() => setOpen(false)}
              className="flex items-center justify-between gap-2 rounded px-2 py-1.5 text-sm hover:bg-surface-2"
            >
              <span className="truncate">{w.name}</span>
              <span className="flex items-center gap-1.5">
                <Badge>{w.role}</Badge>
                {w.slug === current.slug && <Check size={14} aria-label="current" />}
              </span>
            </Link>
          ))}
          <div className="my-1 border-t border-border" />
          <Link
            role="menuitem"
            href="/onboarding"
            className="flex items-center gap-2 rounded px-2 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-text"
          >
            <Plus size={14} aria-hidden /> New workspace
          </Link>
        </div>
      )}
    </div>
  );
}
