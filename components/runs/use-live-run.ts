"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LiveEvent, useLiveEvents } from "@/components/jobs/use-live-events";
import { api } from "@/components/ui/api";
import { type RunRecord, toRunDetail } from "./summary";
import { isActive, type RunDetail, type RunEvent } from "./types";

type ApiRun = RunRecord & Pick<RunDetail, "iterations" | "job">;

/** Of two views of the same run, the one that knows more. */
function fresher(current: RunDetail, incoming: RunDetail): RunDetail {
  if (incoming.iterations.length !== current.iterations.length) {
    return incoming.iterations.length > current.iterations.length ? incoming : current;
  }
  return isActive(incoming.status) && !isActive(current.status) ? current : incoming;
}

/**
 * The run kept live: each iteration the worker publishes is appended in place (no reload).
 * A missed event (a gap in iteration numbers) or a status change fetches the run again.
 */
export function useLiveRun(initial: RunDetail, slug: string): RunDetail {
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const latest = useRef(run);
  const [seenInitial, setSeenInitial] = useState(initial);
  if (seenInitial !== initial) {
    // The server page re-rendered (router.refresh): keep whichever view is newer.
    setSeenInitial(initial);
    setRun(fresher(run, initial));
  }
  useEffect(() => {
    latest.current = run;
  }, [run]);

  const commit = useCallback((next: RunDetail) => {
    latest.current = next;
    setRun(next);
  }, []);

  const refetch = useCallback(async () => {
    try {
      const data = toRunDetail(await api<ApiRun>(`/api/workspaces/${slug}/runs/${initial.id}`));
      const wasActive = isActive(latest.current.status);
      commit(fresher(latest.current, data));
      if (wasActive && !isActive(data.status)) router.refresh();
    } catch {
      // The next event or a reload catches up; the charts keep what they have.
    }
  }, [slug, initial.id, commit, router]);

  const onEvent = useCallback(
    (event: LiveEvent<RunEvent>) => {
      if (event.id !== initial.id) return;
      const current = latest.current;
      const { status, iteration, metrics, error } = event.data;
      const expected = (current.iterations.at(-1)?.index ?? -1) + 1;
      let next: RunDetail = {
        ...current,
        status: status ?? current.status,
        error: error ?? current.error,
      };
      if (iteration !== undefined && metrics && iteration === expected) {
        next = {
          ...next,
          lastIteration: iteration,
          iterations: [...current.iterations, { index: iteration, metrics }],
        };
      }
      commit(next);
      const gap = iteration !== undefined && iteration > expected;
      const ended = status !== undefined && status !== current.status && !isActive(status);
      if (gap || (iteration !== undefined && !metrics)) void refetch();
      // The episode table is server-rendered: bring it up to date once the run is over.
      if (ended) {
        void refetch();
        router.refresh();
      }
    },
    [initial.id, commit, refetch, router],
  );
  useLiveEvents<RunEvent>(slug, "run", onEvent);

  // Events published before the subscription opened are caught up by a fetch on mount, and a
  // slow poll while the run is active covers a dropped connection.
  const active = isActive(run.status);
  useEffect(() => {
    if (!active) return;
    void refetch();
    const timer = setInterval(() => void refetch(), 10_000);
    return () => clearInterval(timer);
  }, [active, refetch]);
  return run;
}
