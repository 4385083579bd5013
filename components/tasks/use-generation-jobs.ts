"use client";
import { useRouter } from "next/navigation";
import {
  type LiveJobRow,
  type LiveJobStatus,
  useLiveJobList,
} from "@/components/jobs/use-live-job-list";
import { api } from "@/components/ui/api";
import { GENERATE_KIND } from "./types";

export { isActive } from "@/components/jobs/use-live-job-list";

export type JobStatus = LiveJobStatus;

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

export interface GenerationJob extends LiveJobRow {
  result?: GenerationResult | null;
}

/** Events carry the job's progress, not its result (read once the job has finished). */
const fromEvent = ({ status, progress, message, error }: GenerationJob) => ({
  status,
  progress,
  message,
  error,
});
const fromRow = (row: GenerationJob) => row;

/**
 * Task-generation jobs kept live: server-sent events move the progress (a slow poll covers a
 * dropped connection). When a job this page started succeeds, its new set opens.
 */
export function useGenerationJobs(slug: string, initial: GenerationJob[]) {
  const router = useRouter();
  const { jobs, add, update, remove } = useLiveJobList({
    slug,
    kind: GENERATE_KIND,
    initial,
    fromEvent,
    fromRow,
    onSettled: (full, startedHere) => {
      const result = full.result;
      if (full.status !== "succeeded" || result?.status !== "created") return;
      if (startedHere) router.push(`/w/${slug}/tasks/${result.taskSetId}`);
      else router.refresh();
    },
  });

  async function start(payload: Record<string, unknown>) {
    const row = await api<GenerationJob>(`/api/workspaces/${slug}/task-sets`, { body: payload });
    add(row);
  }

  async function cancel(id: string) {
    const row = await api<GenerationJob>(`/api/workspaces/${slug}/jobs/${id}/cancel`, {
      method: "POST",
    });
    update(id, row);
  }

  return { jobs, start, cancel, dismiss: remove };
}
