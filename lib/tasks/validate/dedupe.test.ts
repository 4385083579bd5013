import { describe, expect, it } from "vitest";
import { splitOf } from "../split";
import type { Task } from "../task";
import { dedupeTasks } from "./dedupe";

function task(id: string, instruction: string, amount: number, seed = 0): Task {
  return {
    id,
    instruction,
    difficulty: "easy",
    tags: [],
    split: "train",
    seed,
    solution: [{ tool: "deposit", args: { account_id: "a1", amount } }],
    checker: {
      goals: [{ path: "/accounts/a1/balance", equals: 100 + amount }],
      requiredCalls: [{ tool: "deposit", args: { account_id: "a1", amount } }],
      requiredOutputs: [],
      tau: 0.5,
    },
    provenance: { generator: "test", envName: "bank", envVersion: "1", chain: ["deposit"], seed },
  };
}

describe("dedupeTasks", () => {
  it("drops repeats of a solution, of goals, and near-identical wording; keeps real variants", () => {
    const long =
      "Please deposit into account a1 the amount given here so that the monthly rent and the utility bills for the flat are covered in time";
    const { kept, dropped } = dedupeTasks([
      task("a", "Deposit 5 into a1.", 5),
      task("b", "Put 5 into account a1.", 5, 1), // same solution in another seed's world
      task("c", "Deposit 7 into a1.", 7),
      task("d", "deposit 7   into A1.", 8), // same instruction, up to case and spaces
      task("e", `${long}: 9.`, 9),
      task("f", `${long}: 10.`, 9 + 1),
    ]);
    expect(kept.map((t) => t.id)).toEqual(["a", "c", "e"]);
    expect(dropped.map((d) => [d.task.id, d.reason])).toEqual([
      ["b", "same reference solution as an earlier task"],
      ["d", "same instruction as an earlier task"],
      ["f", "near-identical instruction for the same chain and goal paths"],
    ]);
  });
});

describe("splitOf", () => {
  it("is a stable function of the id, about 80/20", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `env-${i}`);
    const evalShare = ids.filter((id) => splitOf(id) === "eval").length / ids.length;
    expect(evalShare).toBeGreaterThan(0.17);
    expect(evalShare).toBeLessThan(0.23);
    expect(ids.map((id) => splitOf(id))).toEqual(ids.map((id) => splitOf(id)));
  });
});
