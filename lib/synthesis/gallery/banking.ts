import type { DomainSpec } from "../spec/schema";

/** Retail banking: customers, accounts, cards, and money movements with a transfer limit. */
export const banking: DomainSpec = {
  specVersion: 1,
  name: "banking",
  title: "Retail banking",
  summary:
    "Customers, accounts and cards; deposits, withdrawals and transfers under a per-transfer limit.",
  description:
    "A retail bank's back office. Customers must pass KYC before opening accounts. Money moves only between active accounts, never below zero, and a single transfer may not exceed the bank's limit. Frozen accounts can be inspected but not used; an account can only be closed once it is empty.",
  entities: [
    {
      name: "Customer",
      description: "A person or business that banks with us.",
      key: "customer_id",
      keyPrefix: "CUS",
      fields: {
        customer_id: { type: "string" },
        full_name: { type: "string", description: "Legal name." },
        email: { type: "string" },
        segment: { type: "enum", values: ["retail", "business", "private"] },
        kyc_verified: {
          type: "boolean",
          description: "Identity checks passed; required to open accounts.",
        },
      },
      relations: [{ name: "accounts", entity: "Account", field: "customer_id" }],
    },
    {
      name: "Account",
      description: "A deposit account held by one customer.",
      key: "account_id",
      keyPrefix: "ACC",
      fields: {
        account_id: { type: "string" },
        customer_id: { type: "reference", entity: "Customer" },
        account_type: { type: "enum", values: ["checking", "savings"] },
        balance: { type: "number", min: 0, description: "Balance in EUR." },
        status: {
          type: "enum",
          values: ["active", "frozen", "closed"],
          default: "active",
        },
        opened_on: { type: "date" },
      },
      relations: [
        { name: "transactions", entity: "Transaction", field: "account_id" },
        { name: "cards", entity: "Card", field: "account_id" },
      ],
    },
    {
      name: "Transaction",
      description: "A booked movement of money on an account.",
      key: "transaction_id",
      keyPrefix: "TXN",
      fields: {
        transaction_id: { type: "string" },
        account_id: {
          type: "reference",
          entity: "Account",
          description: "The account debited or credited.",
        },
        counterparty_account_id: {
          type: "reference",
          entity: "Account",
          optional: true,
        },
        kind: { type: "enum", values: ["deposit", "withdrawal", "transfer"] },
        amount: { type: "number", min: 0.01 },
        booked_on: { type: "date" },
        memo: { type: "string", optional: true },
      },
    },
    {
      name: "Card",
      description: "A debit card linked to an account.",
      key: "card_id",
      keyPrefix: "CRD",
      fields: {
        card_id: { type: "string" },
        account_id: { type: "reference", entity: "Account" },
        last_four: { type: "string" },
        status: { type: "enum", values: ["active", "blocked"] },
      },
    },
  ],
  rules: [
    {
      kind: "limit",
      name: "transfer_limit",
      value: 10000,
      description: "Largest amount one transfer may move, in EUR.",
    },
    {
      kind: "invariant",
      name: "no_overdraft",
      entity: "Account",
      that: "it.balance >= 0",
      description: "Accounts never go below zero.",
    },
  ],
  actions: [
    {
      name: "get_customer",
      kind: "get",
      entity: "Customer",
      description: "Look up a customer by id.",
      inputs: { customer_id: { type: "reference", entity: "Customer" } },
      preconditions: [
        {
          step: "load",
          as: "customer",
          entity: "Customer",
          key: "input.customer_id",
          error: "CUSTOMER_NOT_FOUND",
        },
      ],
      errors: { CUSTOMER_NOT_FOUND: "No customer with id {customer_id}." },
      phrase: "Look up customer {customer_id}",
    },
    {
      name: "search_customers",
      kind: "search",
      entity: "Customer",
      description: "Find customers whose name or email contains the text.",
      inputs: {
        query: { type: "string", description: "Part of a name or email." },
      },
      search: { input: "query", fields: ["full_name", "email"] },
      phrase: 'Find the customer matching "{query}"',
    },
    {
      name: "list_accounts",
      kind: "list",
      entity: "Account",
      description: "List accounts, optionally only those of one customer or in one status.",
      inputs: {
        customer_id: { type: "reference", entity: "Customer", optional: true },
        status: {
          type: "enum",
          values: ["active", "frozen", "closed"],
          optional: true,
        },
      },
      filters: [{ input: "customer_id" }, { input: "status" }],
      phrase: "List the accounts of customer {customer_id}",
    },
    {
      name: "get_account",
      kind: "get",
      entity: "Account",
      description: "Read an account, including its balance and status.",
      inputs: { account_id: { type: "reference", entity: "Account" } },
      preconditions: [
        {
          step: "load",
          as: "account",
          entity: "Account",
          key: "input.account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
      ],
      errors: { ACCOUNT_NOT_FOUND: "No account with id {account_id}." },
      phrase: "Check the balance of account {account_id}",
    },
    {
      name: "open_account",
      kind: "create",
      entity: "Account",
      description: "Open a new, empty account for a KYC-verified customer.",
      inputs: {
        customer_id: { type: "reference", entity: "Customer" },
        account_type: { type: "enum", values: ["checking", "savings"] },
      },
      preconditions: [
        {
          step: "load",
          as: "customer",
          entity: "Customer",
          key: "input.customer_id",
          error: "CUSTOMER_NOT_FOUND",
        },
        {
          step: "require",
          that: "customer.kyc_verified",
          error: "KYC_REQUIRED",
        },
      ],
      effects: [
        {
          effect: "create",
          entity: "Account",
          as: "account",
          values: { balance: "0", opened_on: "today()" },
        },
      ],
      errors: {
        CUSTOMER_NOT_FOUND: "No customer with id {customer_id}.",
        KYC_REQUIRED: "Customer {customer_id} has not passed identity checks.",
      },
      phrase: "Open a {account_type} account for customer {customer_id}",
    },
    {
      name: "deposit",
      kind: "custom",
      entity: "Account",
      description: "Pay money into an active account.",
      inputs: {
        account_id: { type: "reference", entity: "Account" },
        amount: { type: "number", min: 0.01, max: 1000000 },
      },
      preconditions: [
        {
          step: "load",
          as: "account",
          entity: "Account",
          key: "input.account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
        {
          step: "require",
          that: "account.status == 'active'",
          error: "ACCOUNT_NOT_ACTIVE",
        },
      ],
      effects: [
        {
          effect: "set",
          target: "account",
          field: "balance",
          value: "account.balance + input.amount",
        },
        {
          effect: "create",
          entity: "Transaction",
          as: "transaction",
          values: { kind: "'deposit'", booked_on: "today()" },
        },
      ],
      returns: "transaction",
      errors: {
        ACCOUNT_NOT_FOUND: "No account with id {account_id}.",
        ACCOUNT_NOT_ACTIVE: "Account {account_id} is not active.",
      },
      phrase: "Deposit {amount} EUR into account {account_id}",
    },
    {
      name: "withdraw",
      kind: "custom",
      entity: "Account",
      description: "Take money out of an active account, if the balance covers it.",
      inputs: {
        account_id: { type: "reference", entity: "Account" },
        amount: { type: "number", min: 0.01, max: 1000000 },
      },
      preconditions: [
        {
          step: "load",
          as: "account",
          entity: "Account",
          key: "input.account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
        {
          step: "require",
          that: "account.status == 'active'",
          error: "ACCOUNT_NOT_ACTIVE",
        },
        {
          step: "require",
          that: "account.balance >= input.amount",
          error: "INSUFFICIENT_FUNDS",
        },
      ],
      effects: [
        {
          effect: "set",
          target: "account",
          field: "balance",
          value: "account.balance - input.amount",
        },
        {
          effect: "create",
          entity: "Transaction",
          as: "transaction",
          values: { kind: "'withdrawal'", booked_on: "today()" },
        },
      ],
      returns: "transaction",
      errors: {
        ACCOUNT_NOT_FOUND: "No account with id {account_id}.",
        ACCOUNT_NOT_ACTIVE: "Account {account_id} is not active.",
        INSUFFICIENT_FUNDS: "Account {account_id} does not hold {amount} EUR.",
      },
      phrase: "Withdraw {amount} EUR from account {account_id}",
    },
    {
      name: "transfer_funds",
      kind: "custom",
      entity: "Account",
      description: "Move money between two active accounts, within the per-transfer limit.",
      inputs: {
        from_account_id: { type: "reference", entity: "Account" },
        to_account_id: { type: "reference", entity: "Account" },
        amount: { type: "number", min: 0.01, max: 1000000 },
        memo: { type: "string", optional: true },
      },
      preconditions: [
        {
          step: "require",
          that: "input.from_account_id != input.to_account_id",
          error: "SAME_ACCOUNT",
        },
        {
          step: "load",
          as: "source",
          entity: "Account",
          key: "input.from_account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
        {
          step: "load",
          as: "target",
          entity: "Account",
          key: "input.to_account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
        {
          step: "require",
          that: "source.status == 'active' && target.status == 'active'",
          error: "ACCOUNT_NOT_ACTIVE",
        },
        {
          step: "require",
          that: "input.amount <= rules.transfer_limit",
          error: "TRANSFER_LIMIT_EXCEEDED",
        },
        {
          step: "require",
          that: "source.balance >= input.amount",
          error: "INSUFFICIENT_FUNDS",
        },
      ],
      effects: [
        {
          effect: "set",
          target: "source",
          field: "balance",
          value: "source.balance - input.amount",
        },
        {
          effect: "set",
          target: "target",
          field: "balance",
          value: "target.balance + input.amount",
        },
        {
          effect: "create",
          entity: "Transaction",
          as: "transaction",
          values: {
            account_id: "input.from_account_id",
            counterparty_account_id: "input.to_account_id",
            kind: "'transfer'",
            booked_on: "today()",
          },
        },
      ],
      returns: "transaction",
      errors: {
        SAME_ACCOUNT: "Cannot transfer from account {from_account_id} to itself.",
        ACCOUNT_NOT_FOUND: "Account {from_account_id} or {to_account_id} does not exist.",
        ACCOUNT_NOT_ACTIVE: "Both accounts must be active to transfer.",
        TRANSFER_LIMIT_EXCEEDED: "A transfer of {amount} EUR exceeds the per-transfer limit.",
        INSUFFICIENT_FUNDS: "Account {from_account_id} does not hold {amount} EUR.",
      },
      phrase: "Transfer {amount} EUR from account {from_account_id} to account {to_account_id}",
    },
    {
      name: "list_transactions",
      kind: "list",
      entity: "Transaction",
      description: "List the transactions booked on an account, optionally of one kind.",
      inputs: {
        account_id: { type: "reference", entity: "Account" },
        kind: {
          type: "enum",
          values: ["deposit", "withdrawal", "transfer"],
          optional: true,
        },
      },
      preconditions: [
        {
          step: "load",
          as: "account",
          entity: "Account",
          key: "input.account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
      ],
      filters: [{ input: "account_id" }, { input: "kind" }],
      errors: { ACCOUNT_NOT_FOUND: "No account with id {account_id}." },
      phrase: "Show the transactions of account {account_id}",
    },
    {
      name: "freeze_account",
      kind: "update",
      entity: "Account",
      description: "Freeze an active account, e.g. after suspected fraud.",
      inputs: { account_id: { type: "reference", entity: "Account" } },
      preconditions: [
        {
          step: "load",
          as: "account",
          entity: "Account",
          key: "input.account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
        {
          step: "require",
          that: "account.status == 'active'",
          error: "ACCOUNT_NOT_ACTIVE",
        },
      ],
      effects: [
        {
          effect: "set",
          target: "account",
          field: "status",
          value: "'frozen'",
        },
      ],
      errors: {
        ACCOUNT_NOT_FOUND: "No account with id {account_id}.",
        ACCOUNT_NOT_ACTIVE: "Account {account_id} is not active.",
      },
      phrase: "Freeze account {account_id}",
    },
    {
      name: "close_account",
      kind: "update",
      entity: "Account",
      description: "Close an account whose balance is zero.",
      inputs: { account_id: { type: "reference", entity: "Account" } },
      preconditions: [
        {
          step: "load",
          as: "account",
          entity: "Account",
          key: "input.account_id",
          error: "ACCOUNT_NOT_FOUND",
        },
        {
          step: "require",
          that: "account.status != 'closed'",
          error: "ACCOUNT_CLOSED",
        },
        {
          step: "require",
          that: "account.balance == 0",
          error: "BALANCE_NOT_ZERO",
        },
      ],
      effects: [
        {
          effect: "set",
          target: "account",
          field: "status",
          value: "'closed'",
        },
      ],
      errors: {
        ACCOUNT_NOT_FOUND: "No account with id {account_id}.",
        ACCOUNT_CLOSED: "Account {account_id} is already closed.",
        BALANCE_NOT_ZERO: "Account {account_id} still holds money; empty it first.",
      },
      phrase: "Close account {account_id}",
    },
    {
      name: "block_card",
      kind: "update",
      entity: "Card",
      description: "Block a lost or stolen card.",
      inputs: { card_id: { type: "reference", entity: "Card" } },
      preconditions: [
        {
          step: "load",
          as: "card",
          entity: "Card",
          key: "input.card_id",
          error: "CARD_NOT_FOUND",
        },
        {
          step: "require",
          that: "card.status == 'active'",
          error: "CARD_ALREADY_BLOCKED",
        },
      ],
      effects: [{ effect: "set", target: "card", field: "status", value: "'blocked'" }],
      errors: {
        CARD_NOT_FOUND: "No card with id {card_id}.",
        CARD_ALREADY_BLOCKED: "Card {card_id} is already blocked.",
      },
      phrase: "Block card {card_id}",
    },
  ],
  seed: {
    today: "2025-06-02",
    entities: {
      Customer: {
        count: 7,
        records: [
          {
            full_name: "Nora Lindqvist",
            email: "nora.lindqvist@example.com",
            segment: "retail",
            kyc_verified: false,
          },
        ],
        fields: {
          full_name: { gen: "person_name" },
          email: { gen: "email", from: "full_name" },
          kyc_verified: { gen: "boolean", probability: 0.9 },
        },
      },
      Account: {
        count: 10,
        records: [
          {
            customer_id: "CUS-0002",
            account_type: "checking",
            balance: 1250.5,
            status: "active",
            opened_on: "2023-04-11",
          },
          {
            customer_id: "CUS-0002",
            account_type: "savings",
            balance: 0,
            status: "active",
            opened_on: "2024-01-20",
          },
          {
            customer_id: "CUS-0003",
            account_type: "checking",
            balance: 310,
            status: "frozen",
            opened_on: "2022-09-03",
          },
        ],
        fields: {
          customer_id: { gen: "ref" },
          balance: { gen: "number", min: 20, max: 25000, decimals: 2 },
          status: {
            gen: "pick",
            values: ["active", "active", "active", "active", "frozen"],
          },
          opened_on: { gen: "date", from: "2019-01-01", to: "2025-05-30" },
        },
      },
      Transaction: {
        count: 20,
        fields: {
          account_id: { gen: "ref" },
          kind: { gen: "pick", values: ["deposit", "withdrawal"] },
          amount: { gen: "number", min: 5, max: 900, decimals: 2 },
          booked_on: { gen: "date", from: "2025-01-01", to: "2025-06-01" },
        },
      },
      Card: {
        count: 6,
        records: [{ account_id: "ACC-0001", last_four: "4417", status: "active" }],
        fields: {
          account_id: { gen: "ref" },
          last_four: {
            gen: "pick",
            values: ["0231", "7781", "5520", "9034", "1187", "6642"],
          },
          status: {
            gen: "pick",
            values: ["active", "active", "active", "blocked"],
          },
        },
      },
    },
  },
};
