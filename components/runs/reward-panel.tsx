"use client";
import { Card } from "@/components/ui/card";
import { FinalReward, RewardTiles } from "@/components/ui/reward-breakdown";
import { num } from "./format";
import type { RewardBreakdown } from "./types";

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
      <RewardTiles
        reward={reward}
        parts={["score", "trace", "state", "penalty"]}
        testIdPrefix="so-far"
        compact
        stateKnown={stateKnown}
      />
      <p className="text-xs text-muted">
        calls {count(reward.calls.map((c) => c.matchedStep !== null))} · goals{" "}
        {stateKnown ? count(reward.goals.map((g) => g.ok)) : "…"} · outputs{" "}
        {count(reward.outputs.map((o) => o.found))} · extra {reward.extraCalls} · malformed{" "}
        {reward.malformedCalls}
      </p>
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
          <FinalReward reward={final} finalAnswer={finalAnswer} variant="episode" />
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
