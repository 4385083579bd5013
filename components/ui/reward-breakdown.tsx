import { Check, X } from "lucide-react";
import type { RewardBreakdown } from "@/lib/runtime";
import { Badge } from "./card";

/** A reward number: integers as they are, anything else with two decimals. */
export const rewardNumber = (value: number) =>
  Number.isNaN(value) ? "—" : Number.isInteger(value) ? String(value) : value.toFixed(2);

const json = (value: unknown) => JSON.stringify(value);

const HINTS = {
  score: "what the episode would score if it ended here",
  trace: "share of required calls made",
  state: "share of goals and outputs met",
  penalty: "extra or malformed calls",
} as const;

type Part = keyof typeof HINTS;

function Mark({ ok }: { ok: boolean }) {
  return ok ? (
    <Check size={14} className="mt-0.5 shrink-0 text-success" aria-label="met" />
  ) : (
    <X size={14} className="mt-0.5 shrink-0 text-danger" aria-label="not met" />
  );
}

/**
 * The reward's parts as tiles (`data-testid` `${testIdPrefix}-${part}` on each value). Without
 * `stateKnown`, score and state show "…" (they need the state, which is still loading).
 */
export function RewardTiles({
  reward,
  parts,
  testIdPrefix,
  compact = false,
  stateKnown = true,
}: {
  reward: RewardBreakdown;
  parts: readonly Part[];
  testIdPrefix: string;
  compact?: boolean;
  stateKnown?: boolean;
}) {
  const columns = parts.length === 4 ? "grid-cols-4" : "grid-cols-3";
  return (
    <div className={compact ? `grid ${columns} gap-1.5` : `grid ${columns} gap-2`}>
      {parts.map((part) => (
        <div
          key={part}
          className={
            compact ? "rounded-md bg-surface-2 px-2.5 py-1.5" : "rounded-md bg-surface-2 px-3 py-2"
          }
          title={HINTS[part]}
        >
          <div className={compact ? "text-[11px] text-muted" : "text-xs text-muted"}>{part}</div>
          <div
            className={
              compact ? "font-semibold tabular-nums" : "text-lg font-semibold tabular-nums"
            }
            data-testid={`${testIdPrefix}-${part}`}
          >
            {!stateKnown && (part === "score" || part === "state")
              ? "…"
              : rewardNumber(reward[part])}
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * A final reward, component by component: the score, the formula that made it, and every goal,
 * required call and expected output, met or not.
 *
 * - `reference` (a task's reference solution): with the component tiles and the formula's legend.
 * - `episode` (the replay's panel, denser): with the penalties, and a note when there was no
 *   final answer.
 */
export function FinalReward({
  reward,
  finalAnswer,
  variant,
}: {
  reward: RewardBreakdown;
  finalAnswer: string | null;
  variant: "reference" | "episode";
}) {
  const episode = variant === "episode";
  const n = rewardNumber;
  const answer = finalAnswer ? (
    <>
      <span className="text-muted">Final answer: </span>
      <code className="whitespace-pre-wrap break-all">{finalAnswer}</code>
    </>
  ) : null;
  return (
    <div
      className={episode ? "space-y-2" : "space-y-3"}
      data-testid={episode ? "reward-final" : "reward"}
    >
      <div
        className={
          episode ? "flex flex-wrap items-center gap-2" : "flex flex-wrap items-center gap-3"
        }
      >
        <h3 className="text-sm font-medium">Final reward</h3>
        <Badge
          tone={
            reward.score >= 1 - 1e-9
              ? "success"
              : reward.score > 0 || !episode
                ? "warning"
                : "danger"
          }
        >
          score {n(reward.score)}
        </Badge>
      </div>
      {!episode && (
        <RewardTiles reward={reward} parts={["trace", "state", "penalty"]} testIdPrefix="reward" />
      )}
      <p className={episode ? "font-mono text-[11px] text-muted" : "font-mono text-xs text-muted"}>
        {!episode && "score = max(0, τ·trace + (1−τ)·state − penalty) = "}max(0, {n(reward.tau)}·
        {n(reward.trace)} + {n(1 - reward.tau)}·{n(reward.state)} − {n(reward.penalty)}) ={" "}
        <span className="text-text">{n(reward.score)}</span>
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
                {c.matchedStep !== null
                  ? ` — step ${c.matchedStep + 1}`
                  : episode
                    ? " — never made"
                    : " — never called"}
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
      {episode ? (
        <>
          <p className="text-xs text-muted">
            penalties: {reward.extraCalls} extra call{reward.extraCalls === 1 ? "" : "s"},{" "}
            {reward.malformedCalls} malformed
          </p>
          {answer ? (
            <p className="text-xs">{answer}</p>
          ) : (
            <p className="text-xs text-muted">No final answer (ran out of steps).</p>
          )}
        </>
      ) : (
        answer && <div className="text-xs">{answer}</div>
      )}
    </div>
  );
}
