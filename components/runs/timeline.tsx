"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Flag, Zap } from "lucide-react";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { StepRow } from "./types";

const ROW = 40;

/** Faults that only add latency do not change what the agent sees. */
export const visibleFaults = (step: StepRow) => step.faults.filter((f) => f.kind !== "latency");

/** The tool's answer: a dot when ok, else the error code (a dot too beside a fault badge). */
function Outcome({ step, compact }: { step: StepRow; compact: boolean }) {
  if (step.kind === "finish") return <span className="text-xs text-muted">answer</span>;
  if (step.observation?.ok)
    return <span className="size-1.5 shrink-0 rounded-full bg-success" aria-label="ok" />;
  if (compact)
    return (
      <span
        className="size-1.5 shrink-0 rounded-full bg-danger"
        aria-label={step.observation?.error.code ?? "error"}
        title={step.observation?.error.code}
      />
    );
  return (
    <span
      className="max-w-32 truncate font-mono text-[10px] text-danger"
      title={step.observation?.error.code}
    >
      {step.observation?.error.code ?? "error"}
    </span>
  );
}

/**
 * Every step of the episode as a row; only the rows in view are rendered, so a 500-step
 * episode scrolls as smoothly as a 5-step one. Steps with an injected fault are tinted.
 */
export function Timeline({
  steps,
  index,
  onSelect,
}: {
  steps: StepRow[];
  index: number;
  onSelect: (index: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: steps.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });

  useEffect(() => {
    virtualizer.scrollToIndex(index, { align: "auto" });
  }, [index, virtualizer]);

  return (
    <div
      ref={scroller}
      className="max-h-[30rem] overflow-auto rounded-lg border border-border bg-surface"
      data-testid="timeline"
      aria-label="Steps"
      role="listbox"
      aria-activedescendant={`step-${index}`}
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const step = steps[item.index]!;
          const faults = visibleFaults(step);
          const current = item.index === index;
          return (
            <button
              key={item.key}
              id={`step-${item.index}`}
              type="button"
              role="option"
              aria-selected={current}
              data-testid="timeline-step"
              data-fault={faults.length > 0 || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onSelect(item.index)}
              className={cn(
                "absolute left-0 top-0 flex w-full items-center gap-2 border-l-2 px-3 text-left text-sm",
                faults.length > 0 ? "border-l-warning bg-warning/10" : "border-l-transparent",
                current
                  ? "bg-accent/15 text-text ring-1 ring-inset ring-accent/50"
                  : "text-muted hover:bg-surface-2 hover:text-text",
              )}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <span className="w-7 shrink-0 text-right text-xs tabular-nums">{item.index + 1}</span>
              {step.kind === "finish" ? (
                <Flag size={12} className="shrink-0 text-accent" aria-hidden />
              ) : (
                <span className="size-3 shrink-0" />
              )}
              <span
                className={cn(
                  "min-w-0 flex-1 truncate font-mono text-xs",
                  current && "font-semibold",
                )}
              >
                {step.kind === "finish" ? "finish" : step.tool}
              </span>
              {faults.length > 0 && (
                <span
                  className="inline-flex shrink-0 items-center gap-0.5 rounded bg-warning/20 px-1 text-[10px] font-medium text-warning"
                  title={faults.map((f) => f.kind).join(", ")}
                  data-testid="fault-badge"
                >
                  <Zap size={10} aria-hidden />
                  {faults[0]!.kind.replace(/_/g, " ")}
                </span>
              )}
              <Outcome step={step} compact={faults.length > 0} />
            </button>
          );
        })}
      </div>
    </div>
  );
}
