import { Check, X } from "lucide-react";
import { Badge } from "@/components/ui/card";
import type { RewardBreakdown } from "@/lib/runtime";

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const json = (value: unknown) => JSON.stringify(value);

function Mark({ ok }: { ok: boolean }) {
  return ok ? (
    <Check size={14} className="mt-0.5 shrink-0 text-success" aria-label="met" />
  ) : (
    <X size={14} className="mt-0.5 shrink-0 text-danger" aria-label="not met" />
  );
}

/** The reward the reference solution earns, component by component. */
export function RewardSummary({
  reward,
  finalAnswer,
}: {
  reward: RewardBreakdown;
  finalAnswer: string;
}) {
  const parts = [
    { label: "trace", value: reward.trace, hint: "share of required calls made" },
    { label: "state", value: reward.state, hint: "share of goals and outputs met" },
    { label: "penalty", value: reward.penalty, hint: "extra or malformed calls" },
  ];
  return (
    <div className="space-y-3" data-testid="reward">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-sm font-medium">Final reward</h3>
        <Badge tone={reward.score >= 1 - 1e-9 ? "success" : "warning"}>
          score {fmt(reward.score)}
        </Badge>
      </div>
      <div className="grid grid-cols-3 gap-2">
        {parts.map((p) => (
          <div key={p.label} className="rounded-md bg-surface-2 px-3 py-2" title={p.hint}>
            <div className="text-xs text-muted">{p.label}</div>
            <div className="text-lg font-semibold tabular-nums" data-testid={`reward-${p.label}`}>
              {fmt(p.value)}
            </div>
          </div>
        ))}
      </div>
      <p className="font-mono text-xs text-muted">
        score = max(0, τ·trace + (1−τ)·state − penalty) = max(0, {fmt(reward.tau)}·
        {fmt(reward.trace)} + {fmt(1 - reward.tau)}·{fmt(reward.state)} − {fmt(reward.penalty)}) ={" "}
        <span className="text-text">{fmt(reward.score)}</span>
      </p>
      <ul className="space-y-1 text-xs">
        {reward.goals.map((g) => (
          <li key={g.path} className="flex items-start gap-1.5">
            <Mark ok={g.ok} />
            <span className="min-w-0 break-all font-mono">
              {g.path} = {json(g.expected)}
              {!g.ok && <span className="text-danger"> (got {json(g.actual)})</span>}
            </span>
          </li>
        ))}
        {reward.calls.map((c, i) => (
          <li key={`call-${i}`} className="flex items-start gap-1.5">
            <Mark ok={c.matchedStep !== null} />
            <span className="min-w-0 break-all font-mono">
              {c.tool}({c.args ? json(c.args) : ""})
              <span className="font-sans text-muted">
                {c.matchedStep !== null ? ` — step ${c.matchedStep + 1}` : " — never called"}
              </span>
            </span>
          </li>
        ))}
        {reward.outputs.map((o) => (
          <li key={`out-${o.value}`} className="flex items-start gap-1.5">
            <Mark ok={o.found} />
            <span className="min-w-0 break-all">
              answer mentions <code>{o.value}</code>
            </span>
          </li>
        ))}
      </ul>
      {finalAnswer && (
        <div className="text-xs">
          <span className="text-muted">Final answer: </span>
          <code className="whitespace-pre-wrap break-all">{finalAnswer}</code>
        </div>
      )}
    </div>
  );
}
