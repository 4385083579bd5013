import { FinalReward } from "@/components/ui/reward-breakdown";
import type { RewardBreakdown } from "@/lib/runtime";

/** The reward the reference solution earns, component by component. */
export function RewardSummary({
  reward,
  finalAnswer,
}: {
  reward: RewardBreakdown;
  finalAnswer: string;
}) {
  return <FinalReward reward={reward} finalAnswer={finalAnswer} variant="reference" />;
}
