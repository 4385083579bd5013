"use client";
import { Zap } from "lucide-react";
import type { ReactNode } from "react";
import { StateDiff } from "@/components/environments/state-diff";
import { Badge } from "@/components/ui/card";
import { num } from "./format";
import { visibleFaults } from "./timeline";
import type { FaultInfo, StepRow } from "./types";

function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section>
      <h3 className="mb-1 flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-muted">
        {title}
        {extra}
      </h3>
      {children}
    </section>
  );
}

const pre =
  "max-h-56 overflow-auto whitespace-pre-wrap break-all rounded-md bg-surface-2 p-2 text-xs";

function faultText(fault: FaultInfo): string {
  const parts = [fault.kind.replace(/_/g, " ")];
  if (fault.retryAfterMs !== undefined) parts.push(`retry after ${fault.retryAfterMs} ms`);
  if (fault.staleFromStep !== undefined)
    parts.push(`served the result of step ${fault.staleFromStep + 1}`);
  if (fault.latencyMs) parts.push(`+${fault.latencyMs} ms latency`);
  return parts.join(" · ");
}

/** What the agent did at one step, what it saw, how sure it was, and what changed. */
export function StepDetail({
  step,
  position,
  count,
  before,
  after,
  stateLoaded,
}: {
  step: StepRow;
  position: number;
  count: number;
  before: unknown;
  after: unknown;
  stateLoaded: boolean;
}) {
  const faults = visibleFaults(step);
  const logprob = step.policy?.logprob ?? null;
  const entropy = step.policy?.entropy ?? null;
  const answer =
    step.kind === "finish"
      ? String((step.args as { answer?: unknown } | null)?.answer ?? "")
      : null;
  return (
    <div className="min-w-0 space-y-4" data-testid="step-detail">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium" data-testid="step-position">
          Step {position + 1} of {count}
        </h2>
        <div className="flex items-center gap-3 text-xs text-muted" data-testid="step-policy">
          <span title="log-probability the policy gave this action">
            log p <span className="font-mono text-text">{num(logprob, 3)}</span>
          </span>
          <span title="the probability itself">
            p{" "}
            <span className="font-mono text-text">
              {logprob === null ? "—" : `${(Math.exp(logprob) * 100).toFixed(1)}%`}
            </span>
          </span>
          <span title="entropy of the policy's choice at this step (higher: less sure)">
            entropy <span className="font-mono text-text">{num(entropy, 3)}</span>
          </span>
        </div>
      </div>
      {faults.length > 0 && (
        <div
          className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-warning"
          data-testid="step-fault"
          role="note"
        >
          <Zap size={16} className="mt-0.5 shrink-0" aria-hidden />
          <div>
            <div className="font-medium">Injected fault</div>
            {faults.map((f, i) => (
              <div key={i} className="text-xs">
                {faultText(f)}
              </div>
            ))}
          </div>
        </div>
      )}
      {answer !== null ? (
        <Section title="Action" extra={<Badge tone="accent">finish</Badge>}>
          <pre className={pre}>{answer || "(empty answer)"}</pre>
        </Section>
      ) : (
        <>
          <Section title="Action">
            <pre className={pre} data-testid="step-action">
              <span className="font-semibold">{step.tool}</span>(
              {JSON.stringify(step.args, null, 2)})
            </pre>
          </Section>
          <Section
            title="Observation"
            extra={
              step.observation?.ok ? (
                <Badge tone="success">ok</Badge>
              ) : (
                <Badge tone="danger">{step.observation?.error.code ?? "error"}</Badge>
              )
            }
          >
            <pre className={pre} data-testid="step-observation">
              {step.observation?.ok
                ? JSON.stringify(step.observation.result, null, 2)
                : JSON.stringify(step.observation?.error ?? null, null, 2)}
            </pre>
          </Section>
        </>
      )}
      <Section title="State change">
        {!stateLoaded && (
          <p className="mb-1 text-xs text-muted">
            Loading the task&apos;s initial state for before-values and the full state…
          </p>
        )}
        <StateDiff key={position} patch={step.patch} before={before} after={after} />
      </Section>
    </div>
  );
}
