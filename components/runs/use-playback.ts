"use client";
import { useCallback, useEffect, useState } from "react";

export const SPEEDS = [0.5, 1, 2, 4] as const;

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === "TEXTAREA" ||
    target.tagName === "SELECT" ||
    (target.tagName === "INPUT" && (target as HTMLInputElement).type !== "range"));

const activates = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.tagName === "BUTTON" || target.tagName === "A");

/**
 * A cursor over `count` steps that can play on its own. Keys: space play/pause, ← → step,
 * Home End jump (a focused slider keeps its own arrow keys; a focused button its own space).
 */
export function usePlayback(count: number) {
  const last = Math.max(0, count - 1);
  const [index, setIndexRaw] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);

  const setIndex = useCallback((i: number) => setIndexRaw(Math.min(Math.max(i, 0), last)), [last]);
  const step = useCallback(
    (delta: number) => setIndexRaw((i) => Math.min(Math.max(i + delta, 0), last)),
    [last],
  );
  const toggle = useCallback(() => {
    // Play from the end starts over.
    if (!playing && index >= last) setIndexRaw(0);
    setPlaying(!playing);
  }, [playing, index, last]);

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (index >= last) setPlaying(false);
      else setIndexRaw(index + 1);
    }, 900 / speed);
    return () => clearTimeout(timer);
  }, [playing, index, speed, last]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const slider = event.target instanceof HTMLInputElement && event.target.type === "range";
      if (event.key === " ") {
        if (activates(event.target)) return;
        toggle();
      } else if (slider) {
        return;
      } else if (event.key === "ArrowLeft") {
        setPlaying(false);
        step(-1);
      } else if (event.key === "ArrowRight") {
        setPlaying(false);
        step(1);
      } else if (event.key === "Home") {
        setPlaying(false);
        setIndex(0);
      } else if (event.key === "End") {
        setPlaying(false);
        setIndex(last);
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggle, step, setIndex, last]);

  return { index, setIndex, step, playing, setPlaying, toggle, speed, setSpeed, last };
}
