import { exampleDir, loadEnvironment, type JsonValue, type LoadedEnvironment } from "@/lib/runtime";
import type { Task } from "@/lib/tasks";

/**
 * Hand-written tasks on the runtime's `bank` example (Alice 10000, Bob 2500 cents), in the
 * shape `lib/tasks` produces, phrased the way its generator phrases chains. Used by tests.
 */

interface Spec {
  instruction: string;
  split: Task["split"];
  solution: { tool: string; args: Record<string, JsonValue> }[];
  /** Final balances (cents) and frozen flags to check. */
  balances?: { alice?: number; bob?: number };
  frozen?: ("alice" | "bob")[];
  /** Indices of solution calls the checker requires (default: all). */
  required?: number[];
  outputs?: string[];
}

const A = "acc_alice";
const B = "acc_bob";
const deposit = (account: string, amount: number) => ({
  tool: "deposit",
  args: { account_id: account, amount },
});
const withdraw = (account: string, amount: number) => ({
  tool: "withdraw",
  args: { account_id: account, amount },
});
const transfer = (from: string, to: string, amount: number) => ({
  tool: "transfer",
  args: { from_account_id: from, to_account_id: to, amount },
});
const freeze = (account: string) => ({ tool: "freeze_account", args: { account_id: account } });
const balance = (account: string) => ({ tool: "get_balance", args: { account_id: account } });
const list = { tool: "list_accounts", args: {} };

const SPECS: Spec[] = [
  {
    split: "train",
    instruction: `Deposit 250 cents into account ${B}.`,
    solution: [deposit(B, 250)],
    balances: { bob: 2750 },
  },
  {
    split: "train",
    instruction: `Withdraw 300 cents from account ${A}.`,
    solution: [withdraw(A, 300)],
    balances: { alice: 9700 },
  },
  {
    split: "train",
    instruction: `Transfer 500 cents from account ${A} to account ${B}.`,
    solution: [transfer(A, B, 500)],
    balances: { alice: 9500, bob: 3000 },
  },
  { split: "train", instruction: `Freeze account ${B}.`, solution: [freeze(B)], frozen: ["bob"] },
  {
    split: "train",
    instruction: `Check the balance of account ${A}, and tell me the balance.`,
    solution: [balance(A)],
    outputs: ["10000"],
  },
  {
    split: "train",
    instruction: `Deposit 40 cents into account ${A}, and tell me the balance.`,
    solution: [deposit(A, 40)],
    balances: { alice: 10040 },
    outputs: ["10040"],
  },
  {
    split: "train",
    instruction: `Try to withdraw 5000 cents from account ${B}. If that fails, withdraw 5000 cents from account ${A} instead.`,
    solution: [withdraw(B, 5000), withdraw(A, 5000)],
    balances: { alice: 5000 },
    required: [1],
  },
  {
    split: "train",
    instruction: `Transfer 100 cents from account ${B} to account ${A}. Then freeze account ${B}.`,
    solution: [transfer(B, A, 100), freeze(B)],
    balances: { alice: 10100, bob: 2400 },
    frozen: ["bob"],
  },
  {
    split: "train",
    instruction: `Withdraw 120 cents from account ${B}, and tell me the balance.`,
    solution: [withdraw(B, 120)],
    balances: { bob: 2380 },
    outputs: ["2380"],
  },
  {
    split: "train",
    instruction: `Transfer 2000 cents from account ${B} to account ${A}.`,
    solution: [transfer(B, A, 2000)],
    balances: { alice: 12000, bob: 500 },
  },
  {
    split: "train",
    instruction: "List all accounts. Then freeze the account whose owner is Bob.",
    solution: [list, freeze(B)],
    frozen: ["bob"],
  },
  {
    split: "train",
    instruction: "List all accounts. Then deposit 60 cents into the account whose owner is Alice.",
    solution: [list, deposit(A, 60)],
    balances: { alice: 10060 },
  },
  {
    split: "train",
    instruction: `Deposit 90 cents into account ${A}.`,
    solution: [deposit(A, 90)],
    balances: { alice: 10090 },
  },
  {
    split: "train",
    instruction: `Withdraw 75 cents from account ${A}.`,
    solution: [withdraw(A, 75)],
    balances: { alice: 9925 },
  },
  { split: "train", instruction: `Freeze account ${A}.`, solution: [freeze(A)], frozen: ["alice"] },
  {
    split: "train",
    instruction: `Check the balance of account ${B}, and tell me the balance.`,
    solution: [balance(B)],
    outputs: ["2500"],
  },
  {
    split: "eval",
    instruction: `Deposit 333 cents into account ${A}.`,
    solution: [deposit(A, 333)],
    balances: { alice: 10333 },
  },
  {
    split: "eval",
    instruction: `Transfer 250 cents from account ${B} to account ${A}.`,
    solution: [transfer(B, A, 250)],
    balances: { alice: 10250, bob: 2250 },
  },
  {
    split: "eval",
    instruction: `Withdraw 10 cents from account ${B}, and tell me the balance.`,
    solution: [withdraw(B, 10)],
    balances: { bob: 2490 },
    outputs: ["2490"],
  },
  {
    split: "eval",
    instruction: `Try to transfer 9999 cents from account ${B} to account ${A}. If that fails, transfer 9999 cents from account ${A} to account ${B} instead.`,
    solution: [transfer(B, A, 9999), transfer(A, B, 9999)],
    balances: { alice: 1, bob: 12499 },
    required: [1],
  },
  {
    split: "eval",
    instruction: "List all accounts. Then withdraw 45 cents from the account whose owner is Bob.",
    solution: [list, withdraw(B, 45)],
    balances: { bob: 2455 },
  },
  {
    split: "eval",
    instruction: `Freeze account ${A}. Then check the balance of account ${A}, and tell me the balance.`,
    solution: [freeze(A), balance(A)],
    frozen: ["alice"],
    outputs: ["10000"],
  },
];

function toTask(spec: Spec, i: number): Task {
  const goals: Task["checker"]["goals"] = [];
  if (spec.balances?.alice !== undefined)
    goals.push({ path: `/accounts/${A}/balance`, equals: spec.balances.alice });
  if (spec.balances?.bob !== undefined)
    goals.push({ path: `/accounts/${B}/balance`, equals: spec.balances.bob });
  for (const who of spec.frozen ?? [])
    goals.push({ path: `/accounts/acc_${who}/frozen`, equals: true });
  const required = spec.required ?? spec.solution.map((_, j) => j);
  // Like the generator, require only the arguments the instruction states.
  const stated = (call: Spec["solution"][number]) => {
    const args = Object.fromEntries(
      Object.entries(call.args).filter(([, v]) => spec.instruction.includes(String(v))),
    );
    return Object.keys(args).length > 0 ? { tool: call.tool, args } : { tool: call.tool };
  };
  return {
    id: `bank-${String(i + 1).padStart(2, "0")}`,
    instruction: spec.instruction,
    difficulty: spec.solution.length === 1 ? "easy" : "medium",
    tags: ["fixture"],
    split: spec.split,
    seed: 100 + i,
    solution: spec.solution,
    checker: {
      goals,
      requiredCalls: required.map((j) => stated(spec.solution[j])),
      requiredOutputs: spec.outputs ?? [],
      tau: 0.5,
    },
    provenance: {
      generator: "fixture",
      envName: "bank",
      envVersion: "1.0.0",
      chain: spec.solution.map((c) => c.tool),
      seed: i,
    },
  };
}

export const BANK_TASKS: readonly Task[] = SPECS.map(toTask);

/** The bank example, with a generous CPU deadline so busy test machines stay deterministic. */
export function loadBank(): Promise<LoadedEnvironment> {
  return loadEnvironment({ dir: exampleDir("bank") }, { limits: { timeoutMs: 2000 } });
}
