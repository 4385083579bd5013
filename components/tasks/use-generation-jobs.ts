"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/jobs/use-live-events";
import { api } from "@/components/ui/api";
import { GENERATE_KIND } from "./types";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** What the generation job returns (`lib/server/jobs/generate-tasks.ts`). */
export type GenerationResult =
  | {
      status: "created";
      taskSetId: string;
      tasks: number;
      byTier: Record<string, number>;
      rejected: number;
    }
  | { status: "cancelled" };

export interface GenerationJob {
  id: string;
  kind?: string;
  status: JobStatus;
  progress: number;
  message: string;
  error: string | null;
  createdAt: string;
  result?: GenerationResult | null;
}

const POLL_MS = 3000;

export const isActive = (status: JobStatus) => status === "queued" || status === "running";

/**
 * Task-generation jobs kept live: server-sent events move the progress (a slow poll covers a
 * dropped connection). When a job this page started succeeds, its new set opens.
 */
export function useGenerationJobs(slug: string, initial: GenerationJob[]) {
  const router = useRouter();
  const [jobs, setJobs] = useState(initial);
  const known = useRef(new Set(initial.map((j) => j.id)));
  const startedHere = useRef(new Set<string>());
  const settled = useRef(new Set<string>());
  // Events can arrive before the request that started the job has returned.
  const early = useRef(new Map<string, Partial<GenerationJob>>());

  const merge = useCallback((id: string, patch: Partial<GenerationJob>) => {
    setJobs((current) => current.map((job) => (job.id === id ? { ...job, ...patch } : job)));
  }, []);

  const settle = useCallback(
    async (id: string) => {
      const full = await api<GenerationJob>(`/api/workspaces/${slug}/jobs/${id}`).catch(() => null);
      if (!full) return;
      merge(id, full);
      const result = full.result;
      if (full.status !== "succeeded" || result?.status !== "created") return;
      if (startedHere.current.has(id)) router.push(`/w/${slug}/tasks/${result.taskSetId}`);
      else router.refresh();
    },
    [slug, merge, router],
  );

  const apply = useCallback(
    (id: string, patch: Partial<GenerationJob>) => {
      merge(id, patch);
      if (patch.status && !isActive(patch.status) && !settled.current.has(id)) {
        settled.current.add(id);
        void settle(id);
      }
    },
    [merge, settle],
  );

  const onEvent = useCallback(
    (event: LiveEvent<GenerationJob>) => {
      if (event.data.kind && event.data.kind !== GENERATE_KIND) return;
      const { status, progress, message, error } = event.data;
      const patch = { status, progress, message, error };
      if (known.current.has(event.id)) apply(event.id, patch);
      else early.current.set(event.id, { ...early.current.get(event.id), ...patch });
    },
    [apply],
  );
  useLiveEvents<GenerationJob>(slug, "job", onEvent);

  const activeIds = jobs
    .filter((j) => isActive(j.status))
    .map((j) => j.id)
    .join(",");
  useEffect(() => {
    if (!activeIds) return;
    const timer = setInterval(() => {
      for (const id of activeIds.split(",")) {
        void api<GenerationJob>(`/api/workspaces/${slug}/jobs/${id}`)
          .then((row) => apply(id, row))
          .catch(() => undefined);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [activeIds, slug, apply]);

  async function start(payload: Record<string, unknown>) {
    const row = await api<GenerationJob>(`/api/workspaces/${slug}/task-sets`, { body: payload });
    known.current.add(row.id);
    startedHere.current.add(row.id);
    const job = { ...row, ...early.current.get(row.id) };
    early.current.delete(row.id);
    setJobs((current) => [job, ...current]);
    if (!isActive(job.status)) apply(row.id, { status: job.status });
  }

  async function cancel(id: string) {
    const row = await api<GenerationJob>(`/api/workspaces/${slug}/jobs/${id}/cancel`, {
      method: "POST",
    });
    apply(id, row);
  }

  function dismiss(id: string) {
    setJobs((current) => current.filter((job) => job.id !== id));
  }

  return { jobs, start, cancel, dismiss };
}
