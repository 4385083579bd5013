"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/jobs/use-live-events";
import { api } from "@/components/ui/api";
import {
  isActive,
  type JobStatus,
  type SynthesisJob,
  type SynthesisMode,
  type SynthesisResult,
} from "./types";

/** A job row as the API and the live events send it. */
interface JobRow {
  id: string;
  kind?: string;
  status: JobStatus;
  progress: number;
  message: string;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  result?: SynthesisResult | null;
}

const KIND = "domain.synthesize";
const POLL_MS = 3000;

const live = (row: JobRow): Partial<SynthesisJob> => ({
  status: row.status,
  progress: row.progress,
  message: row.message,
  error: row.error,
  finishedAt: row.finishedAt,
  ...(row.result !== undefined ? { result: row.result } : {}),
});

/**
 * This domain's synthesis jobs, kept live: server-sent events move the progress bars (a slow
 * poll covers a dropped connection); a finished job is re-read for its result.
 */
export function useSynthesisJobs(slug: string, initial: SynthesisJob[]) {
  const router = useRouter();
  const [jobs, setJobs] = useState(initial);
  const known = useRef(new Set(initial.map((j) => j.id)));
  const finished = useRef(new Set(initial.filter((j) => !isActive(j.status)).map((j) => j.id)));
  // Events can arrive before the request that started the job has returned.
  const early = useRef(new Map<string, Partial<SynthesisJob>>());

  const merge = useCallback((id: string, patch: Partial<SynthesisJob>) => {
    setJobs((current) => current.map((job) => (job.id === id ? { ...job, ...patch } : job)));
  }, []);

  const settle = useCallback(
    async (id: string) => {
      const full = await api<JobRow>(`/api/workspaces/${slug}/jobs/${id}`).catch(() => null);
      if (!full) return;
      merge(id, live(full));
      if (full.status === "succeeded") router.refresh();
    },
    [slug, merge, router],
  );

  const apply = useCallback(
    (id: string, patch: Partial<SynthesisJob>) => {
      merge(id, patch);
      if (patch.status && !isActive(patch.status) && !finished.current.has(id)) {
        finished.current.add(id);
        void settle(id);
      }
    },
    [merge, settle],
  );

  const onEvent = useCallback(
    (event: LiveEvent<JobRow>) => {
      if (event.data.kind && event.data.kind !== KIND) return;
      const patch = live(event.data);
      if (known.current.has(event.id)) apply(event.id, patch);
      else early.current.set(event.id, { ...early.current.get(event.id), ...patch });
    },
    [apply],
  );
  useLiveEvents<JobRow>(slug, "job", onEvent);

  const activeIds = jobs
    .filter((j) => isActive(j.status))
    .map((j) => j.id)
    .join(",");
  useEffect(() => {
    if (!activeIds) return;
    const timer = setInterval(() => {
      for (const id of activeIds.split(",")) {
        void api<JobRow>(`/api/workspaces/${slug}/jobs/${id}`)
          .then((row) => apply(id, live(row)))
          .catch(() => undefined);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [activeIds, slug, apply]);

  async function start(domainId: string, mode: SynthesisMode, maxAttempts: number) {
    const row = await api<JobRow>(`/api/workspaces/${slug}/domains/${domainId}/synthesize`, {
      body: mode === "llm" ? { mode, maxAttempts } : { mode },
    });
    known.current.add(row.id);
    const job: SynthesisJob = {
      ...row,
      result: null,
      mode,
      ...early.current.get(row.id),
    };
    early.current.delete(row.id);
    setJobs((current) => [job, ...current]);
    if (!isActive(job.status)) apply(row.id, { status: job.status });
  }

  async function cancel(id: string) {
    const row = await api<JobRow>(`/api/workspaces/${slug}/jobs/${id}/cancel`, { method: "POST" });
    apply(id, live(row));
  }

  return { jobs, start, cancel };
}

export type SynthesisJobs = ReturnType<typeof useSynthesisJobs>;
