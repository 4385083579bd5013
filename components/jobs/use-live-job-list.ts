"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/jobs/use-live-events";
import { api } from "@/components/ui/api";

export type LiveJobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** The fields every job row has, as the API and the live events send it. */
export interface LiveJobRow {
  id: string;
  kind?: string;
  status: LiveJobStatus;
  progress: number;
  message: string;
  error: string | null;
  createdAt: string;
}

const POLL_MS = 3000;

export const isActive = (status: LiveJobStatus) => status === "queued" || status === "running";

export interface LiveJobListOptions<
  Job extends { id: string; status: LiveJobStatus },
  Row extends LiveJobRow,
> {
  slug: string;
  /** The job kind this list shows; events for other kinds are ignored. */
  kind: string;
  initial: Job[];
  /** The part of a job row sent with a live event that updates the listed job. */
  fromEvent: (row: Row) => Partial<Job>;
  /** The part of a job row read from the API (poll, settle, `update`); the same as `fromEvent` unless given. */
  fromRow?: (row: Row) => Partial<Job>;
  /** Once a job reached a final status and was read in full; `startedHere` when it was listed by `add`. */
  onSettled: (job: Row, startedHere: boolean) => void;
  /** Whether the initial jobs that have already finished count as settled (never read again). */
  initialSettled?: boolean;
}

/**
 * A page's jobs of one kind, kept live: server-sent events move the progress (a slow poll covers
 * a dropped connection), and a job that reaches a final status is read once in full ("settled").
 * The callbacks may change from render to render: the latest ones are used.
 */
export function useLiveJobList<
  Job extends { id: string; status: LiveJobStatus },
  Row extends LiveJobRow,
>({
  slug,
  kind,
  initial,
  fromEvent,
  fromRow = fromEvent,
  onSettled,
  initialSettled = false,
}: LiveJobListOptions<Job, Row>) {
  const [jobs, setJobs] = useState(initial);
  const known = useRef(new Set(initial.map((j) => j.id)));
  const startedHere = useRef(new Set<string>());
  const settled = useRef(
    new Set(initialSettled ? initial.filter((j) => !isActive(j.status)).map((j) => j.id) : []),
  );
  // Events can arrive before the request that started the job has returned.
  const early = useRef(new Map<string, Partial<Job>>());
  // Read through a ref, so new callbacks neither reconnect the events nor restart the poll.
  const handlers = useRef({ fromEvent, fromRow, onSettled });
  useEffect(() => {
    handlers.current = { fromEvent, fromRow, onSettled };
  });

  const merge = useCallback((id: string, patch: Partial<Job>) => {
    setJobs((current) => current.map((job) => (job.id === id ? { ...job, ...patch } : job)));
  }, []);

  const settle = useCallback(
    async (id: string) => {
      const full = await api<Row>(`/api/workspaces/${slug}/jobs/${id}`).catch(() => null);
      if (!full) return;
      merge(id, handlers.current.fromRow(full));
      handlers.current.onSettled(full, startedHere.current.has(id));
    },
    [slug, merge],
  );

  const apply = useCallback(
    (id: string, patch: Partial<Job>) => {
      merge(id, patch);
      if (patch.status && !isActive(patch.status) && !settled.current.has(id)) {
        settled.current.add(id);
        void settle(id);
      }
    },
    [merge, settle],
  );

  /** Applies a job row read from the API (e.g. the answer to a cancel). */
  const update = useCallback(
    (id: string, row: Row) => apply(id, handlers.current.fromRow(row)),
    [apply],
  );

  const onEvent = useCallback(
    (event: LiveEvent<Row>) => {
      if (event.data.kind && event.data.kind !== kind) return;
      const patch = handlers.current.fromEvent(event.data);
      if (known.current.has(event.id)) apply(event.id, patch);
      else early.current.set(event.id, { ...early.current.get(event.id), ...patch });
    },
    [kind, apply],
  );
  useLiveEvents<Row>(slug, "job", onEvent);

  const activeIds = jobs
    .filter((j) => isActive(j.status))
    .map((j) => j.id)
    .join(",");
  useEffect(() => {
    if (!activeIds) return;
    const timer = setInterval(() => {
      for (const id of activeIds.split(",")) {
        void api<Row>(`/api/workspaces/${slug}/jobs/${id}`)
          .then((row) => update(id, row))
          .catch(() => undefined);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [activeIds, slug, update]);

  /** Lists a job this page started, with any events that came before it; settles it if it already finished. */
  const add = useCallback(
    (job: Job) => {
      known.current.add(job.id);
      startedHere.current.add(job.id);
      const listed: Job = { ...job, ...early.current.get(job.id) };
      early.current.delete(job.id);
      setJobs((current) => [listed, ...current]);
      if (!isActive(listed.status)) apply(job.id, { status: listed.status } as Partial<Job>);
    },
    [apply],
  );

  const remove = useCallback((id: string) => {
    setJobs((current) => current.filter((job) => job.id !== id));
  }, []);

  return { jobs, add, update, remove };
}
