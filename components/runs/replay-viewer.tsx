"use client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Badge, Card } from "@/components/ui/card";
import type { JsonValue } from "@/lib/runtime";
import { num } from "./format";
import { PlayerControls } from "./player-controls";
import { around, rewardSoFar, statesOf } from "./replay-state";
import { RewardPanel } from "./reward-panel";
import { StepDetail } from "./step-detail";
import { Timeline } from "./timeline";
import type { EpisodeDetail } from "./types";
import { usePlayback } from "./use-playback";

type Initial = { state: JsonValue } | { error: string } | null;

/**
 * The initial state of the episode: the task's own when it has one, else the environment's
 * seed state for the task, which the reference endpoint computes in the sandbox.
 */
function useInitialState(slug: string, episode: EpisodeDetail): Initial {
  const stored = episode.task?.data.initialState;
  const taskId = episode.task?.id;
  const [fetched, setFetched] = useState<Initial>(null);
  useEffect(() => {
    if (stored !== undefined || !taskId) return;
    let live = true;
    api<{ initialState: JsonValue }>(`/api/workspaces/${slug}/tasks/${taskId}/reference`)
      .then((r) => live && setFetched({ state: r.initialState }))
      .catch((e: Error) => live && setFetched({ error: e.message }));
    return () => {
      live = false;
    };
  }, [slug, taskId, stored]);
  if (stored !== undefined) return { state: stored };
  if (!taskId) return { error: "the task is no longer in its set" };
  return fetched;
}

/** An episode replayed step by step: timeline, the step's detail, and the reward as it builds. */
export function ReplayViewer({ episode, backHref }: { episode: EpisodeDetail; backHref: string }) {
  const { slug } = useWorkspace();
  const steps = episode.steps;
  const player = usePlayback(steps.length);
  const initial = useInitialState(slug, episode);
  const states = useMemo(
    () => (initial && "state" in initial ? statesOf(initial.state, steps) : null),
    [initial, steps],
  );
  const step = steps[player.index];
  const { before, after } = states
    ? around(states, steps, player.index)
    : { before: undefined, after: undefined };
  const soFar = useMemo(
    () =>
      episode.task && step
        ? rewardSoFar(episode.task.data, steps, player.index, states ? after : undefined)
        : null,
    [episode.task, step, steps, player.index, states, after],
  );

  return (
    <div className="space-y-4">
      <Link
        href={backHref}
        className="inline-flex items-center gap-1 text-sm text-muted hover:text-text"
      >
        <ArrowLeft size={14} aria-hidden /> Run
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight">
          Episode <span className="font-mono text-lg">{episode.taskKey}</span>
        </h1>
        <Badge tone={episode.success ? "success" : "danger"}>
          {episode.success ? "success" : "failed"}
        </Badge>
        <Badge>reward {num(episode.reward, 2)}</Badge>
        <Badge>{episode.phase}</Badge>
        <Badge>iteration {episode.iteration + 1}</Badge>
        <Badge>trial {episode.trial + 1}</Badge>
        <Badge tone={episode.faultsHit > 0 ? "warning" : "neutral"}>
          {episode.faultProfile === "none"
            ? "clean"
            : `${episode.faultProfile} · ${episode.faultsHit} fault${episode.faultsHit === 1 ? "" : "s"} hit`}
        </Badge>
        {episode.recovered && <Badge tone="success">recovered</Badge>}
      </div>
      <Card className="p-4">
        <h2 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted">
          Task · {episode.difficulty}
        </h2>
        <p className="text-sm" data-testid="task-instruction">
          {episode.task?.instruction ?? "The task is no longer in its set."}
        </p>
      </Card>
      {steps.length === 0 ? (
        <Card className="p-6 text-center text-sm text-muted">The agent took no step.</Card>
      ) : (
        <>
          <PlayerControls
            index={player.index}
            last={player.last}
            playing={player.playing}
            speed={player.speed}
            onToggle={player.toggle}
            onStep={player.step}
            onSeek={player.setIndex}
            onSpeed={player.setSpeed}
          />
          {initial && "error" in initial && (
            <p className="text-xs text-muted">
              The initial state could not be loaded ({initial.error}): the state diff shows the
              changes only.
            </p>
          )}
          <div className="grid gap-4 items-start lg:grid-cols-[300px_minmax(0,1fr)] 2xl:grid-cols-[300px_minmax(0,1fr)_360px]">
            <Timeline steps={steps} index={player.index} onSelect={player.setIndex} />
            <Card className="p-4">
              {step && (
                <StepDetail
                  step={step}
                  position={player.index}
                  count={steps.length}
                  before={before}
                  after={after}
                  stateLoaded={states !== null || (initial !== null && "error" in initial)}
                />
              )}
            </Card>
            {soFar && (
              <div className="lg:col-span-2 2xl:col-span-1">
                <RewardPanel
                  soFar={soFar}
                  stateKnown={soFar.stateKnown}
                  final={episode.components}
                  finalAnswer={episode.finalAnswer}
                  position={player.index}
                  atEnd={player.index === player.last}
                  onJumpToEnd={() => player.setIndex(player.last)}
                />
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
