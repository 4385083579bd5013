"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { StateDiff } from "@/components/environments/state-diff";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FormError } from "@/components/ui/field";
import type { JsonValue } from "@/lib/runtime";
import { applyPatch } from "@/lib/runtime/state/json-patch";
import { RewardSummary } from "./reward-summary";
import type { ReferenceTrace } from "./types";

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** State before each step and after the last: the initial state with the patches applied in turn. */
function statesOf(trace: ReferenceTrace): JsonValue[] {
  const states = [trace.initialState];
  for (const step of trace.steps) states.push(applyPatch(states[states.length - 1]!, step.patch));
  return states;
}

/**
 * The reference solution replayed one step at a time: the call, what the tool answered, and how
 * the state changed; ← and → move between steps.
 */
export function ReferenceStepper({ taskId }: { taskId: string }) {
  const { slug } = useWorkspace();
  const [trace, setTrace] = useState<ReferenceTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    let live = true;
    api<ReferenceTrace>(`/api/workspaces/${slug}/tasks/${taskId}/reference`)
      .then((t) => live && setTrace(t))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [slug, taskId]);

  const states = useMemo(() => (trace ? statesOf(trace) : []), [trace]);
  const count = trace?.steps.length ?? 0;
  const move = useCallback(
    (delta: number) => setIndex((i) => Math.min(Math.max(i + delta, 0), Math.max(count - 1, 0))),
    [count],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "ArrowLeft") move(-1);
      else if (event.key === "ArrowRight") move(1);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move]);

  const step = trace?.steps[index];
  return (
    <Card className="h-fit space-y-4 p-4" data-testid="reference-stepper">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium">Reference solution</h2>
        {count > 0 && (
          <div className="flex items-center gap-2">
            <span className="text-sm text-muted" data-testid="step-position">
              Step {index + 1} of {count}
            </span>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => move(-1)}
              disabled={index === 0}
              aria-label="Previous step"
              title="Previous step (←)"
            >
              <ChevronLeft size={14} aria-hidden />
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => move(1)}
              disabled={index >= count - 1}
              aria-label="Next step"
              title="Next step (→)"
            >
              <ChevronRight size={14} aria-hidden />
            </Button>
          </div>
        )}
      </div>
      <FormError message={error} />
      {!trace && !error && (
        <p className="text-sm text-muted">Running the reference solution in the sandbox…</p>
      )}
      {trace && count === 0 && (
        <p className="text-sm text-muted">The reference solution makes no calls.</p>
      )}
      {trace && step && (
        <div className="grid gap-4 md:grid-cols-[180px_minmax(0,1fr)]">
          <ol className="space-y-1" aria-label="Steps">
            {trace.steps.map((s, i) => (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => setIndex(i)}
                  aria-current={i === index ? "step" : undefined}
                  className={cn(
                    "flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm",
                    i === index
                      ? "bg-accent/15 text-accent"
                      : "text-muted hover:bg-surface-2 hover:text-text",
                  )}
                >
                  <span className="w-4 shrink-0 text-xs tabular-nums">{i + 1}</span>
                  <span className="min-w-0 flex-1 truncate font-mono text-xs">{s.tool}</span>
                  <span
                    className={cn(
                      "size-1.5 shrink-0 rounded-full",
                      s.observation.ok ? "bg-success" : "bg-danger",
                    )}
                    aria-label={s.observation.ok ? "ok" : "error"}
                  />
                </button>
              </li>
            ))}
          </ol>
          <div className="min-w-0 space-y-3" data-testid="reference-step">
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted">Call</h3>
              <pre className="overflow-auto rounded-md bg-surface-2 p-2 text-xs">
                <span className="font-semibold">{step.tool}</span>(
                {JSON.stringify(step.args, null, 2)})
              </pre>
            </div>
            <div>
              <h3 className="mb-1 flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-muted">
                Observation
                {step.observation.ok ? (
                  <Badge tone="success">ok</Badge>
                ) : (
                  <Badge tone="danger">{step.observation.error.code}</Badge>
                )}
              </h3>
              <pre className="max-h-56 overflow-auto rounded-md bg-surface-2 p-2 text-xs">
                {JSON.stringify(
                  step.observation.ok ? step.observation.result : step.observation.error,
                  null,
                  2,
                )}
              </pre>
            </div>
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted">
                State change
              </h3>
              <StateDiff
                key={index}
                patch={step.patch}
                before={states[index]}
                after={states[index + 1]}
              />
            </div>
          </div>
        </div>
      )}
      {trace && (
        <div className="border-t border-border pt-4">
          <RewardSummary reward={trace.reward} finalAnswer={trace.finalAnswer} />
        </div>
      )}
    </Card>
  );
}
