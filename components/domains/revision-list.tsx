import { History } from "lucide-react";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import type { RevisionView } from "./types";

/** Who changed the domain, when, and why — newest first. */
export function RevisionList({
  revisions,
  current,
}: {
  revisions: RevisionView[];
  current: number;
}) {
  if (revisions.length === 0) {
    return (
      <EmptyState icon={<History size={28} />} title="No revisions">
        Every save of the description or the spec becomes a revision here.
      </EmptyState>
    );
  }
  return (
    <Card>
      <ol className="divide-y divide-border" aria-label="Revisions">
        {revisions.map((revision) => (
          <li
            key={revision.id}
            className="grid grid-cols-[64px_1fr_auto] items-baseline gap-4 px-4 py-3"
          >
            <span className="font-mono text-sm text-muted">r{revision.number}</span>
            <div className="min-w-0">
              <p className="text-sm">
                {revision.message}
                {revision.number === current && (
                  <span className="ml-2">
                    <Badge tone="accent">current</Badge>
                  </span>
                )}
              </p>
              <p className="mt-0.5 text-xs text-muted">
                {revision.author.name}
                {revision.author.email && ` · ${revision.author.email}`}
              </p>
            </div>
            <time
              dateTime={revision.createdAt}
              suppressHydrationWarning
              className="text-xs whitespace-nowrap text-muted"
              title={revision.createdAt}
            >
              {new Date(revision.createdAt).toLocaleString()}
            </time>
          </li>
        ))}
      </ol>
    </Card>
  );
}
