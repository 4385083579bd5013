"use client";
import { Activity } from "lucide-react";
import { useCallback, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { type LiveEvent, useLiveEvents } from "./use-live-events";

export interface JobRow {
  id: string;
  kind: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: number;
  message: string;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
}

const TONE = {
  queued: "neutral",
  running: "accent",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
} as const;

export function JobList({ initial }: { initial: JobRow[] }) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const [jobs, setJobs] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const onEvent = useCallback((event: LiveEvent<JobRow>) => {
    setJobs((current) => {
      const index = current.findIndex((j) => j.id === event.id);
      if (index === -1) return [event.data, ...current];
      const next = current.slice();
      next[index] = { ...current[index]!, ...event.data };
      return next;
    });
  }, []);
  useLiveEvents<JobRow>(slug, "job", onEvent);

  async function cancel(id: string) {
    setError(null);
    try {
      await api(`/api/workspaces/${slug}/jobs/${id}/cancel`, { method: "POST" });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (jobs.length === 0) {
    return (
      <EmptyState icon={<Activity size={28} />} title="No jobs yet">
        Synthesis, task generation and training run as jobs in the worker. Their progress shows here
        live.
      </EmptyState>
    );
  }
  return (
    <Card>
      <FormError message={error} />
      <ul className="divide-y divide-border" aria-label="Jobs">
        {jobs.map((job) => (
          <li
            key={job.id}
            className="grid grid-cols-[1fr_auto] items-center gap-4 px-4 py-3"
            data-testid={`job-${job.id}`}
          >
            <div className="min-w-0 space-y-1.5">
              <div className="flex items-center gap-2 text-sm">
                <span className="font-medium">{job.kind}</span>
                <Badge tone={TONE[job.status]}>{job.status}</Badge>
                <span className="text-xs text-muted">
                  attempt {Math.max(job.attempts, 1)}/{job.maxAttempts} ·{" "}
                  {new Date(job.createdAt).toLocaleString()}
                </span>
              </div>
              <div
                className="h-1.5 overflow-hidden rounded bg-surface-2"
                role="progressbar"
                aria-valuenow={Math.round(job.progress * 100)}
                aria-valuemin={0}
                aria-valuemax={100}
              >
                <div
                  className="h-full bg-accent transition-all"
                  style={{ width: `${job.progress * 100}%` }}
                />
              </div>
              <p className="truncate text-xs text-muted">
                {job.error && job.status === "failed" ? job.error : job.message}
              </p>
            </div>
            {(job.status === "queued" || job.status === "running") && (
              <Button
                variant="secondary"
                size="sm"
                disabled={!canEdit}
                title={readOnlyReason}
                onClick={() => void cancel(job.id)}
              >
                Cancel
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
