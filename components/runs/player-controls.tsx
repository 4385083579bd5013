"use client";
import { ChevronLeft, ChevronRight, Pause, Play, SkipBack, SkipForward } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { SPEEDS } from "./use-playback";

function Control({
  label,
  keys,
  onClick,
  disabled,
  children,
}: {
  label: string;
  keys: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={label}
      title={`${label} (${keys})`}
      onClick={onClick}
      // Clicks keep the focus where it was, so the keyboard shortcuts go on working.
      onMouseDown={(e) => e.preventDefault()}
      disabled={disabled}
      className="px-2"
    >
      {children}
    </Button>
  );
}

/** Play/pause, step, jump and scrub through an episode; the keys are on the buttons' titles. */
export function PlayerControls({
  index,
  last,
  playing,
  speed,
  onToggle,
  onStep,
  onSeek,
  onSpeed,
}: {
  index: number;
  last: number;
  playing: boolean;
  speed: number;
  onToggle: () => void;
  onStep: (delta: number) => void;
  onSeek: (index: number) => void;
  onSpeed: (speed: (typeof SPEEDS)[number]) => void;
}) {
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface px-3 py-2"
      data-testid="player"
    >
      <div className="flex items-center gap-1">
        <Control label="First step" keys="Home" onClick={() => onSeek(0)} disabled={index === 0}>
          <SkipBack size={14} aria-hidden />
        </Control>
        <Control label="Previous step" keys="←" onClick={() => onStep(-1)} disabled={index === 0}>
          <ChevronLeft size={14} aria-hidden />
        </Control>
        <Control label={playing ? "Pause" : "Play"} keys="space" onClick={onToggle}>
          {playing ? <Pause size={14} aria-hidden /> : <Play size={14} aria-hidden />}
        </Control>
        <Control label="Next step" keys="→" onClick={() => onStep(1)} disabled={index >= last}>
          <ChevronRight size={14} aria-hidden />
        </Control>
        <Control label="Last step" keys="End" onClick={() => onSeek(last)} disabled={index >= last}>
          <SkipForward size={14} aria-hidden />
        </Control>
      </div>
      <input
        type="range"
        min={0}
        max={last}
        value={index}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-label="Scrub through the steps"
        className="min-w-40 flex-1 accent-accent"
        disabled={last === 0}
      />
      <span className="w-24 text-right text-sm tabular-nums text-muted">
        {index + 1} / {last + 1}
      </span>
      <label className="flex items-center gap-1.5 text-xs text-muted">
        speed
        <Select
          aria-label="Playback speed"
          value={String(speed)}
          onChange={(e) => onSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}
          className="h-8 w-20"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </Select>
      </label>
      <span className="hidden text-xs text-muted 2xl:inline">space · ← → · Home End</span>
    </div>
  );
}
