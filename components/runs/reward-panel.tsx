"use client";
import { Check, X } from "lucide-react";
import { Badge, Card } from "@/components/ui/card";
import { num } from "./format";
import type { RewardBreakdown } from "./types";

const json = (value: unknown) => JSON.stringify(value);

function Mark({ ok }: { ok: boolean }) {
  return ok ? (
    <Check size={14} className="mt-0.5 shrink-0 text-success" aria-label="met" />
  ) : (
    <X size={14} className="mt-0.5 shrink-0 text-danger" aria-label="not met" />
  );
}

function Tile({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint: string;
  testId: string;
}) {
  return (
    <div className="rounded-md bg-surface-2 px-2.5 py-1.5" title={hint}>
      <div className="text-[11px] text-muted">{label}</div>
      <div className="font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

const count = (xs: boolean[]) => `${xs.filter(Boolean).length}/${xs.length}`;

/** The reward had the episode ended here: its score, components and what is met so far. */
function SoFar({
  reward,
  stateKnown,
  position,
}: {
  reward: RewardBreakdown;
  stateKnown: boolean;
  position: number;
}) {
  return (
    <div className="space-y-2" data-testid="reward-so-far">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-sm font-medium">Reward so far</h3>
        <span className="text-xs text-muted">after step {position + 1}</span>
      </div>
      <div className="grid grid-cols-4 gap-1.5">
        <Tile
          label="score"
          value={stateKnown ? num(reward.score, 2) : "…"}
          hint="what the episode would score if it ended here"
          testId="so-far-score"
        />
        <Tile
          label="trace"
          value={num(reward.trace, 2)}
          hint="share of required calls made"
          testId="so-far-trace"
        />
        <Tile
          label="state"
          value={stateKnown ? num(reward.state, 2) : "…"}
          hint="share of goals and outputs met"
          testId="so-far-state"
        />
        <Tile
          label="penalty"
          value={num(reward.penalty, 2)}
          hint="extra or malformed calls"
          testId="so-far-penalty"
        />
      </div>
      <p className="text-xs text-muted">
        calls {count(reward.calls.map((c) => c.matchedStep !== null))} · goals{" "}
        {stateKnown ? count(reward.goals.map((g) => g.ok)) : "…"} · outputs{" "}
        {count(reward.outputs.map((o) => o.found))} · extra {reward.extraCalls} · malformed{" "}
        {reward.malformedCalls}
      </p>
    </div>
  );
}

/** The stored breakdown the trainer used: every goal, required call and output, and penalties. */
function Final({ reward, finalAnswer }: { reward: RewardBreakdown; finalAnswer: string | null }) {
  return (
    <div className="space-y-2" data-testid="reward-final">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium">Final reward</h3>
        <Badge
          tone={reward.score >= 1 - 1e-9 ? "success" : reward.score > 0 ? "warning" : "danger"}
        >
          score {num(reward.score, 2)}
        </Badge>
      </div>
      <p className="font-mono text-[11px] text-muted">
        max(0, {num(reward.tau, 2)}·{num(reward.trace, 2)} + {num(1 - reward.tau, 2)}·
        {num(reward.state, 2)} − {num(reward.penalty, 2)}) ={" "}
        <span className="text-text">{num(reward.score, 2)}</span>
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
                {c.matchedStep !== null ? ` — step ${c.matchedStep + 1}` : " — never made"}
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
      <p className="text-xs text-muted">
        penalties: {reward.extraCalls} extra call{reward.extraCalls === 1 ? "" : "s"},{" "}
        {reward.malformedCalls} malformed
      </p>
      {finalAnswer ? (
        <p className="text-xs">
          <span className="text-muted">Final answer: </span>
          <code className="whitespace-pre-wrap break-all">{finalAnswer}</code>
        </p>
      ) : (
        <p className="text-xs text-muted">No final answer (ran out of steps).</p>
      )}
    </div>
  );
}

export function RewardPanel({
  soFar,
  stateKnown,
  final,
  finalAnswer,
  position,
  atEnd,
  onJumpToEnd,
}: {
  soFar: RewardBreakdown;
  stateKnown: boolean;
  final: RewardBreakdown;
  finalAnswer: string | null;
  position: number;
  atEnd: boolean;
  onJumpToEnd: () => void;
}) {
  return (
    <Card className="h-fit space-y-4 p-4" data-testid="reward-panel">
      <SoFar reward={soFar} stateKnown={stateKnown} position={position} />
      <div className="border-t border-border pt-3">
        {atEnd ? (
          <Final reward={final} finalAnswer={finalAnswer} />
        ) : (
          <p className="text-xs text-muted">
            The final breakdown shows at the last step —{" "}
            <button type="button" className="text-accent hover:underline" onClick={onJumpToEnd}>
              jump to the end
            </button>{" "}
            (End). Final score: <span className="font-mono text-text">{num(final.score, 2)}</span>
          </p>
        )}
      </div>
    </Card>
  );
}
