"use client";
import { Check, ExternalLink, GitCompare, ListChecks } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { AttemptViewer } from "./attempt-viewer";
import { isActive, type SynthesisJob } from "./types";

const TONE = {
  queued: "neutral",
  running: "accent",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
} as const;
const LINK =
  "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium transition-colors";

const STAGES = {
  spec: ["Queued", "Compile", "Verify", "Publish"],
  llm: ["Queued", "Draft spec", "Baseline", "Code attempts", "Publish"],
} as const;

/** Index of the stage a job is in (STAGES[mode].length when it has published). */
function stageOf(job: SynthesisJob): number {
  const stages = STAGES[job.mode ?? "spec"];
  if (job.status === "succeeded")
    return job.result?.status === "published" ? stages.length : stages.length - 1;
  if (job.status === "queued") return 0;
  if (job.mode === "llm") {
    if (/^Attempt /.test(job.message)) return 3;
    if (/^Baseline/.test(job.message)) return 2;
    return job.progress > 0.9 ? 4 : 1;
  }
  return job.progress >= 0.5 ? 2 : 1;
}

function StageSteps({ job }: { job: SynthesisJob }) {
  const stages = STAGES[job.mode ?? "spec"];
  const current = stageOf(job);
  const attempt = /^Attempt (\d+)\/(\d+)/.exec(job.message);
  return (
    <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-xs" aria-label="Stages">
      {stages.map((stage, i) => {
        const done = i < current;
        const here = i === current && isActive(job.status);
        const failed = i === current && job.status === "failed";
        return (
          <li key={stage} className="flex items-center gap-1">
            {i > 0 && (
              <span
                className={cn("h-px w-4", done || here ? "bg-accent" : "bg-border")}
                aria-hidden
              />
            )}
            <span
              aria-current={here ? "step" : undefined}
              className={cn(
                "inline-flex items-center gap-1 rounded-full px-2 py-0.5",
                done && "bg-accent/15 text-accent",
                here && "bg-accent text-accent-fg",
                failed && "bg-danger/15 text-danger",
                !done && !here && !failed && "bg-surface-2 text-muted",
              )}
            >
              {done && <Check size={11} aria-hidden />}
              {stage}
              {i === 3 && job.mode === "llm" && attempt && ` ${attempt[1]}/${attempt[2]}`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function duration(job: SynthesisJob) {
  if (!job.finishedAt) return null;
  const ms = new Date(job.finishedAt).getTime() - new Date(job.createdAt).getTime();
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

/** One synthesis: progress while it runs; then its outcome, the version it published, its attempts. */
export function SynthesisJobCard({
  job,
  onCancel,
}: {
  job: SynthesisJob;
  onCancel: (id: string) => void;
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const [showAttempts, setShowAttempts] = useState(job.mode === "llm" && isActive(job.status));
  const active = isActive(job.status);
  const result = job.result;
  const published =
    job.status === "succeeded" && result?.status === "published" && result.environmentId;
  const envBase = published ? `/w/${slug}/environments/${result.environmentId}` : "";
  const took = duration(job);

  return (
    <li
      className="space-y-2.5 px-4 py-3.5"
      data-testid={`synthesis-job-${job.id}`}
      data-status={job.status}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={job.mode === "llm" ? "accent" : "neutral"}>
          {job.mode === "llm" ? "LLM" : "From spec"}
        </Badge>
        <Badge tone={TONE[job.status]}>{job.status}</Badge>
        <span className="text-xs text-muted" suppressHydrationWarning>
          {new Date(job.createdAt).toLocaleString()}
          {took && ` · took ${took}`}
        </span>
        {active && (
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto"
            disabled={!canEdit}
            title={readOnlyReason}
            onClick={() => onCancel(job.id)}
          >
            Cancel
          </Button>
        )}
      </div>
      {active && (
        <div className="space-y-2">
          <StageSteps job={job} />
          <div
            className="h-1.5 overflow-hidden rounded bg-surface-2"
            role="progressbar"
            aria-label="Synthesis progress"
            aria-valuenow={Math.round(job.progress * 100)}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div
              className="h-full bg-accent transition-all"
              style={{ width: `${Math.max(job.progress, 0.03) * 100}%` }}
            />
          </div>
        </div>
      )}
      {job.status === "failed" && job.error ? (
        <pre className="max-h-48 overflow-auto whitespace-pre-wrap rounded-md border border-danger/30 bg-danger/10 px-3 py-2 font-sans text-xs text-danger">
          {job.error}
        </pre>
      ) : (
        <p className="text-xs text-muted" data-testid="synthesis-message">
          {published
            ? `Published v${result.version} of the environment${result.attempts ? ` after ${result.attempts} attempt${result.attempts === 1 ? "" : "s"}` : ""}`
            : job.message}
        </p>
      )}
      {(published || job.mode === "llm") && (
        <div className="flex flex-wrap items-center gap-2">
          {published && (
            <>
              <Link
                href={`${envBase}?v=${result.version}`}
                className={cn(LINK, "bg-accent text-accent-fg hover:opacity-90")}
              >
                <ExternalLink size={14} aria-hidden /> Open environment v{result.version}
              </Link>
              {(result.version ?? 0) > 1 && (
                <Link
                  href={`${envBase}/compare?a=${(result.version ?? 2) - 1}&b=${result.version}`}
                  className={cn(LINK, "text-muted hover:bg-surface-2 hover:text-text")}
                >
                  <GitCompare size={14} aria-hidden /> Compare with v{(result.version ?? 2) - 1}
                </Link>
              )}
              {result.total !== undefined && (
                <Badge tone={result.passed === result.total ? "success" : "warning"}>
                  {result.passed}/{result.total} self-tests pass
                </Badge>
              )}
              {result.tokens && (
                <span className="text-xs text-muted">
                  {(result.tokens.input ?? 0).toLocaleString()} tokens in ·{" "}
                  {(result.tokens.output ?? 0).toLocaleString()} out
                </span>
              )}
            </>
          )}
          {job.mode === "llm" && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setShowAttempts(!showAttempts)}
              aria-expanded={showAttempts}
            >
              <ListChecks size={14} aria-hidden /> {showAttempts ? "Hide attempts" : "Attempts"}
            </Button>
          )}
        </div>
      )}
      {showAttempts && <AttemptViewer jobId={job.id} refreshKey={`${job.status}:${job.message}`} />}
    </li>
  );
}
