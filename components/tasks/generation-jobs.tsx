"use client";
import { X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { GenerateForm } from "./generate-form";
import type { EnvironmentChoice } from "./types";
import { type GenerationJob, isActive, useGenerationJobs } from "./use-generation-jobs";

const TONE = {
  queued: "neutral",
  running: "accent",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
} as const;

function JobCard({
  job,
  onCancel,
  onDismiss,
}: {
  job: GenerationJob;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const active = isActive(job.status);
  const created = job.result?.status === "created" ? job.result : null;
  return (
    <li className="space-y-2 px-4 py-3" data-testid="generation-job" data-status={job.status}>
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">Generation</span>
        <Badge tone={TONE[job.status]}>{job.status}</Badge>
        {active ? (
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto"
            disabled={!canEdit}
            title={readOnlyReason}
            onClick={onCancel}
          >
            Cancel
          </Button>
        ) : (
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto px-2"
            aria-label="Dismiss"
            onClick={onDismiss}
          >
            <X size={14} aria-hidden />
          </Button>
        )}
      </div>
      {active && (
        <div
          className="h-1.5 overflow-hidden rounded bg-surface-2"
          role="progressbar"
          aria-label="Generation progress"
          aria-valuenow={Math.round(job.progress * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div
            className="h-full bg-accent transition-all"
            style={{ width: `${Math.max(job.progress, 0.03) * 100}%` }}
          />
        </div>
      )}
      {job.status === "failed" && job.error ? (
        <p className="whitespace-pre-wrap text-xs text-danger">{job.error}</p>
      ) : (
        <p className="text-xs text-muted" data-testid="generation-message">
          {created
            ? `${created.tasks} tasks saved, ${created.rejected} rejected by validation`
            : job.message}
        </p>
      )}
      {created && (
        <Link
          href={`/w/${slug}/tasks/${created.taskSetId}`}
          className="text-sm font-medium text-accent hover:underline"
        >
          Open the set
        </Link>
      )}
    </li>
  );
}

/** The generation form with the jobs it started (and any still running from before). */
export function GeneratePanel({
  environments,
  initialJobs,
}: {
  environments: EnvironmentChoice[];
  initialJobs: GenerationJob[];
}) {
  const { slug } = useWorkspace();
  const { jobs, start, cancel, dismiss } = useGenerationJobs(slug, initialJobs);
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <GenerateForm environments={environments} onStart={start} />
      {jobs.length > 0 && (
        <Card>
          <FormError message={error} />
          <ul className="divide-y divide-border" aria-label="Generation jobs">
            {jobs.map((job) => (
              <JobCard
                key={job.id}
                job={job}
                onDismiss={() => dismiss(job.id)}
                onCancel={() => {
                  setError(null);
                  cancel(job.id).catch((e: Error) => setError(e.message));
                }}
              />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
