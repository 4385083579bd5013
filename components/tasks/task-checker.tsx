import { ArrowRight } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { Task } from "@/lib/tasks";

const json = (value: unknown) => JSON.stringify(value);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h3>
      {children}
    </section>
  );
}

const none = <p className="text-sm text-muted">None.</p>;

/** What the checker verifies: goal values in the final state, calls made, values answered. */
export function TaskChecker({ task }: { task: Task }) {
  const { goals, requiredCalls, requiredOutputs, tau } = task.checker;
  return (
    <Card className="space-y-4 p-4" data-testid="task-checker">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="font-medium">Checker</h2>
        <span
          className="text-xs text-muted"
          title="weight of the trace (required calls) against the state"
        >
          τ = {tau}
        </span>
      </div>
      <Section title="Goals (final state)">
        {goals.length === 0 ? (
          none
        ) : (
          <ul className="space-y-1 font-mono text-xs">
            {goals.map((g) => (
              <li key={g.path} className="break-all">
                {g.path} <span className="text-muted">=</span> {json(g.equals)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Required calls">
        {requiredCalls.length === 0 ? (
          none
        ) : (
          <ul className="space-y-1 font-mono text-xs">
            {requiredCalls.map((c, i) => (
              <li key={i} className="break-all">
                {c.tool}
                <span className="text-muted">({c.args ? json(c.args) : ""})</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Required outputs (in the answer)">
        {requiredOutputs.length === 0 ? (
          none
        ) : (
          <div className="flex flex-wrap gap-1">
            {requiredOutputs.map((o) => (
              <code key={o} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs">
                {o}
              </code>
            ))}
          </div>
        )}
      </Section>
    </Card>
  );
}

/** Where the task came from: generator, environment, the chain of tools it was sampled along. */
export function TaskProvenance({ task }: { task: Task }) {
  const p = task.provenance;
  const rows: [string, ReactNode][] = [
    ["Generator", <code key="g">{p.generator}</code>],
    ["Environment", `${p.envName} ${p.envVersion}`],
    [
      "Chain",
      <span key="c" className="flex flex-wrap items-center gap-1">
        {p.chain.map((tool, i) => (
          <Fragment key={i}>
            {i > 0 && <ArrowRight size={12} className="text-muted" aria-hidden />}
            <code className="text-xs">{tool}</code>
          </Fragment>
        ))}
      </span>,
    ],
    ["Sampler seed", String(p.seed)],
    ["Episode seed", String(task.seed)],
    ["Tags", task.tags.join(", ") || "—"],
  ];
  return (
    <Card className="p-4" data-testid="task-provenance">
      <h2 className="mb-3 font-medium">Provenance</h2>
      <dl className="grid grid-cols-[110px_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt className="text-muted">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
