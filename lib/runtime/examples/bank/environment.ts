import { defineEnvironment, s, ToolError, type Infer } from "@envfactory/sdk";

const Account = s.object({
  id: s.string(),
  owner: s.string(),
  balance: s.number({ minimum: 0, description: "Balance in cents" }),
  frozen: s.boolean(),
});

const Transaction = s.object({
  id: s.string(),
  kind: s.enum(["deposit", "withdrawal", "transfer"]),
  from: s.nullable(s.string()),
  to: s.nullable(s.string()),
  amount: s.number(),
  at: s.string({ format: "date-time" }),
});

const State = s.object({
  accounts: s.record(Account),
  transactions: s.array(Transaction),
});
type State = Infer<typeof State>;

const amount = s.integer({ minimum: 1, description: "Amount in cents" });
const accountId = s.string({ minLength: 1 });

function account(state: State, id: string) {
  const found = state.accounts[id];
  if (!found) throw new ToolError("ACCOUNT_NOT_FOUND", `No account with id ${id}`);
  return found;
}

function active(state: State, id: string) {
  const found = account(state, id);
  if (found.frozen) throw new ToolError("ACCOUNT_FROZEN", `Account ${id} is frozen`);
  return found;
}

export default defineEnvironment({
  name: "bank",
  version: "1.0.0",
  description: "Bank accounts with deposits, withdrawals and transfers between accounts.",
  state: State,
  initialState: {
    accounts: {
      acc_alice: { id: "acc_alice", owner: "Alice", balance: 10_000, frozen: false },
      acc_bob: { id: "acc_bob", owner: "Bob", balance: 2_500, frozen: false },
    },
    transactions: [],
  },
  tools: {
    open_account: {
      description: "Open a new account with a zero balance.",
      input: s.object({ owner: s.string({ minLength: 1 }) }),
      output: Account,
      run(state, args, ctx) {
        const id = ctx.id("acc");
        state.accounts[id] = { id, owner: args.owner, balance: 0, frozen: false };
        return state.accounts[id];
      },
    },
    get_balance: {
      description: "Read the balance of an account, in cents.",
      input: s.object({ account_id: accountId }),
      output: s.object({ account_id: s.string(), balance: s.number() }),
      errors: { ACCOUNT_NOT_FOUND: "The account does not exist." },
      readOnly: true,
      run(state, args) {
        return { account_id: args.account_id, balance: account(state, args.account_id).balance };
      },
    },
    list_accounts: {
      description: "List all accounts with their owners and balances.",
      input: s.object({}),
      output: s.array(Account),
      readOnly: true,
      run(state) {
        return Object.values(state.accounts);
      },
    },
    deposit: {
      description: "Deposit money into an account.",
      input: s.object({ account_id: accountId, amount }),
      output: s.object({ transaction_id: s.string(), balance: s.number() }),
      errors: {
        ACCOUNT_NOT_FOUND: "The account does not exist.",
        ACCOUNT_FROZEN: "The account is frozen.",
      },
      run(state, args, ctx) {
        const target = active(state, args.account_id);
        target.balance += args.amount;
        const id = ctx.id("txn");
        state.transactions.push({
          id,
          kind: "deposit",
          from: null,
          to: target.id,
          amount: args.amount,
          at: ctx.nowIso(),
        });
        return { transaction_id: id, balance: target.balance };
      },
    },
    withdraw: {
      description: "Withdraw money from an account.",
      input: s.object({ account_id: accountId, amount }),
      output: s.object({ transaction_id: s.string(), balance: s.number() }),
      errors: {
        ACCOUNT_NOT_FOUND: "The account does not exist.",
        ACCOUNT_FROZEN: "The account is frozen.",
        INSUFFICIENT_FUNDS: "The balance is lower than the amount.",
      },
      run(state, args, ctx) {
        const source = active(state, args.account_id);
        if (source.balance < args.amount) {
          throw new ToolError(
            "INSUFFICIENT_FUNDS",
            `Balance ${source.balance} is lower than ${args.amount}`,
          );
        }
        source.balance -= args.amount;
        const id = ctx.id("txn");
        state.transactions.push({
          id,
          kind: "withdrawal",
          from: source.id,
          to: null,
          amount: args.amount,
          at: ctx.nowIso(),
        });
        return { transaction_id: id, balance: source.balance };
      },
    },
    transfer: {
      description: "Move money from one account to another.",
      input: s.object({ from_account_id: accountId, to_account_id: accountId, amount }),
      output: s.object({
        transaction_id: s.string(),
        from_balance: s.number(),
        to_balance: s.number(),
      }),
      errors: {
        ACCOUNT_NOT_FOUND: "One of the accounts does not exist.",
        ACCOUNT_FROZEN: "One of the accounts is frozen.",
        INSUFFICIENT_FUNDS: "The source balance is lower than the amount.",
        SAME_ACCOUNT: "Source and destination are the same account.",
      },
      run(state, args, ctx) {
        if (args.from_account_id === args.to_account_id) {
          throw new ToolError("SAME_ACCOUNT", "Cannot transfer to the same account");
        }
        const from = active(state, args.from_account_id);
        const to = active(state, args.to_account_id);
        if (from.balance < args.amount) {
          throw new ToolError(
            "INSUFFICIENT_FUNDS",
            `Balance ${from.balance} is lower than ${args.amount}`,
          );
        }
        from.balance -= args.amount;
        to.balance += args.amount;
        const id = ctx.id("txn");
        state.transactions.push({
          id,
          kind: "transfer",
          from: from.id,
          to: to.id,
          amount: args.amount,
          at: ctx.nowIso(),
        });
        return { transaction_id: id, from_balance: from.balance, to_balance: to.balance };
      },
    },
    freeze_account: {
      description: "Freeze an account so that no money can move in or out of it.",
      input: s.object({ account_id: accountId }),
      output: s.object({ account_id: s.string(), frozen: s.boolean() }),
      errors: { ACCOUNT_NOT_FOUND: "The account does not exist." },
      run(state, args) {
        account(state, args.account_id).frozen = true;
        return { account_id: args.account_id, frozen: true };
      },
    },
    list_transactions: {
      description: "List the transactions that touched an account, oldest first.",
      input: s.object({
        account_id: accountId,
        limit: s.optional(s.integer({ minimum: 1, maximum: 100 })),
      }),
      output: s.array(Transaction),
      errors: { ACCOUNT_NOT_FOUND: "The account does not exist." },
      readOnly: true,
      run(state, args) {
        account(state, args.account_id);
        const touching = state.transactions.filter(
          (t) => t.from === args.account_id || t.to === args.account_id,
        );
        return touching.slice(-(args.limit ?? 100));
      },
    },
  },
});
