import { describe, expect, it } from "vitest";
import { refineInstructions } from "./refine";
import type { Task } from "./task";

const task: Task = {
  id: "t1",
  instruction:
    "List the accounts of customer CUS-0002. Then freeze the account whose account type is savings, and tell me the balance.",
  difficulty: "medium",
  tags: ["write"],
  split: "train",
  seed: 4,
  solution: [
    { tool: "list_accounts", args: { customer_id: "CUS-0002" } },
    { tool: "freeze_account", args: { account_id: "ACC-0002" } },
  ],
  checker: {
    goals: [{ path: "/accounts/ACC-0002/status", equals: "frozen" }],
    requiredCalls: [
      { tool: "list_accounts", args: { customer_id: "CUS-0002" } },
      { tool: "freeze_account" },
    ],
    requiredOutputs: ["4120.5"],
    tau: 0.5,
  },
  provenance: {
    generator: "test",
    envName: "banking",
    envVersion: "1",
    chain: ["list_accounts", "freeze_account"],
    seed: 1,
    mentions: ["CUS-0002", "savings"],
  },
};

describe("refineInstructions", () => {
  it("applies a rewrite that keeps every needed value, leaving the checker alone", async () => {
    const rewrite = async () =>
      "Customer CUS-0002 wants their savings account frozen. How much is left on it?";
    const { tasks, rejected } = await refineInstructions([task], rewrite);
    expect(rejected).toEqual([]);
    expect(tasks[0].instruction).toMatch(/^Customer CUS-0002 wants/);
    expect(tasks[0].checker).toEqual(task.checker);
    expect(tasks[0].tags).toContain("refined");
  });

  it("refuses rewrites that drop a value, give the answer away, or fail", async () => {
    const rewrites = [
      async () => "Freeze the customer's savings account.",
      async () => "Freeze CUS-0002's savings account; it holds 4120.5.",
      async () => {
        throw new Error("model unreachable");
      },
    ];
    for (const [i, rewrite] of rewrites.entries()) {
      const { tasks, rejected } = await refineInstructions([task], rewrite);
      expect(tasks[0].instruction).toBe(task.instruction);
      expect(rejected[0].reason).toMatch(
        [
          /drops the required value "CUS-0002"/,
          /gives away the answer "4120.5"/,
          /model unreachable/,
        ][i],
      );
    }
  });

  it("passes the values to keep and to avoid to the rewriter", async () => {
    let seen: unknown;
    await refineInstructions([task], async (instruction, context) => {
      seen = context;
      return instruction;
    });
    expect(seen).toMatchObject({
      mustMention: ["CUS-0002", "savings"],
      mustNotMention: ["4120.5"],
    });
  });
});
