"use client";
import { useRouter } from "next/navigation";
import { type LiveJobRow, useLiveJobList } from "@/components/jobs/use-live-job-list";
import { api } from "@/components/ui/api";
import type { SynthesisJob, SynthesisMode, SynthesisResult } from "./types";

/** A job row as the API and the live events send it. */
interface JobRow extends LiveJobRow {
  finishedAt: string | null;
  result?: SynthesisResult | null;
}

const KIND = "domain.synthesize";

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
  const { jobs, add, update } = useLiveJobList({
    slug,
    kind: KIND,
    initial,
    fromEvent: live,
    onSettled: (full) => {
      if (full.status === "succeeded") router.refresh();
    },
    initialSettled: true,
  });

  async function start(domainId: string, mode: SynthesisMode, maxAttempts: number) {
    const row = await api<JobRow>(`/api/workspaces/${slug}/domains/${domainId}/synthesize`, {
      body: mode === "llm" ? { mode, maxAttempts } : { mode },
    });
    add({ ...row, result: null, mode });
  }

  async function cancel(id: string) {
    const row = await api<JobRow>(`/api/workspaces/${slug}/jobs/${id}/cancel`, { method: "POST" });
    update(id, row);
  }

  return { jobs, start, cancel };
}

export type SynthesisJobs = ReturnType<typeof useSynthesisJobs>;
