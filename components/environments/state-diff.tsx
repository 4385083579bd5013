"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export interface PatchOp {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  value?: unknown;
  from?: string;
}

function valueAt(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  let current: unknown = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));

/** A state change as rows of path, before and after; the full states are a click away. */
export function StateDiff({
  patch,
  before,
  after,
}: {
  patch: PatchOp[];
  before: unknown;
  after: unknown;
}) {
  const [full, setFull] = useState(false);
  return (
    <div className="space-y-2" data-testid="state-diff">
      {patch.length === 0 ? (
        <p className="text-sm text-muted">No change to the state.</p>
      ) : (
        <table className="w-full table-fixed text-left font-mono text-xs">
          <thead className="text-muted">
            <tr>
              <th className="w-2/5 py-1 font-medium">path</th>
              <th className="py-1 font-medium">before</th>
              <th className="py-1 font-medium">after</th>
            </tr>
          </thead>
          <tbody>
            {patch.map((op, i) => (
              <tr key={i} className="border-t border-border align-top">
                <td className="truncate py-1 pr-2" title={op.path}>
                  {op.path}
                </td>
                <td className="break-all py-1 pr-2 text-danger line-through decoration-danger/40">
                  {op.op === "add" ? "—" : show(valueAt(before, op.path))}
                </td>
                <td className="break-all py-1 text-success">
                  {op.op === "remove" ? "—" : show(op.value ?? valueAt(after, op.path))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Button variant="ghost" size="sm" onClick={() => setFull((f) => !f)}>
        {full ? "Hide full state" : "Show full state"}
      </Button>
      {full && (
        <pre
          className="max-h-80 overflow-auto rounded-md bg-surface-2 p-2 text-xs"
          data-testid="full-state"
        >
          {JSON.stringify(after, null, 2)}
        </pre>
      )}
    </div>
  );
}
