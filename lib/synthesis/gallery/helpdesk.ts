import type { DomainSpec } from "../spec/schema";

/** IT helpdesk: tickets raised by employees, assigned to technicians, resolved and closed. */
export const helpdesk: DomainSpec = {
  specVersion: 1,
  name: "helpdesk",
  title: "IT helpdesk",
  summary:
    "Employees raise tickets; technicians on the right team pick them up within a workload limit, resolve and close them.",
  description:
    "A company IT helpdesk. Tickets are opened by employees, assigned to an active technician (who may hold only a limited number of open tickets), worked on, resolved with a resolution note, and closed. Closed tickets can be reopened by their requester. Laptops and phones are tracked as assets; a broken asset can be sent for repair.",
  entities: [
    {
      name: "Employee",
      description: "Someone who asks the helpdesk for help.",
      key: "employee_id",
      keyPrefix: "EMP",
      fields: {
        employee_id: { type: "string" },
        full_name: { type: "string" },
        email: { type: "string" },
        department: { type: "enum", values: ["sales", "finance", "engineering", "legal"] },
        vip: {
          type: "boolean",
          description: "Executives whose tickets get critical priority by default.",
        },
      },
      relations: [{ name: "tickets", entity: "Ticket", field: "requester_id" }],
    },
    {
      name: "Technician",
      description: "A member of the IT support staff.",
      key: "technician_id",
      keyPrefix: "TEC",
      fields: {
        technician_id: { type: "string" },
        full_name: { type: "string" },
        team: { type: "enum", values: ["network", "hardware", "software", "access"] },
        active: { type: "boolean", description: "False when on leave." },
      },
    },
    {
      name: "Ticket",
      description: "A request for IT help.",
      key: "ticket_id",
      keyPrefix: "TCK",
      fields: {
        ticket_id: { type: "string" },
        requester_id: { type: "reference", entity: "Employee" },
        title: { type: "string" },
        category: { type: "enum", values: ["network", "hardware", "software", "access"] },
        priority: { type: "enum", values: ["low", "medium", "high", "critical"] },
        status: { type: "enum", values: ["open", "in_progress", "resolved", "closed"] },
        assignee_id: { type: "reference", entity: "Technician", optional: true },
        resolution: { type: "string", optional: true },
        opened_on: { type: "date" },
      },
    },
    {
      name: "Asset",
      description: "A device the company lends to an employee.",
      key: "asset_id",
      keyPrefix: "AST",
      fields: {
        asset_id: { type: "string" },
        kind: { type: "enum", values: ["laptop", "phone", "monitor"] },
        model: { type: "string" },
        holder_id: { type: "reference", entity: "Employee" },
        status: { type: "enum", values: ["in_use", "in_repair", "retired"] },
      },
    },
  ],
  rules: [
    {
      kind: "limit",
      name: "max_open_tickets_per_technician",
      value: 3,
      description: "Most unresolved tickets one technician may hold.",
    },
  ],
  actions: [
    {
      name: "create_ticket",
      kind: "create",
      entity: "Ticket",
      description: "Open a ticket for an employee. VIP requesters always get critical priority.",
      inputs: {
        requester_id: { type: "reference", entity: "Employee" },
        title: { type: "string" },
        category: { type: "enum", values: ["network", "hardware", "software", "access"] },
        priority: {
          type: "enum",
          values: ["low", "medium", "high", "critical"],
          optional: true,
          default: "medium",
        },
      },
      preconditions: [
        {
          step: "load",
          as: "requester",
          entity: "Employee",
          key: "input.requester_id",
          error: "EMPLOYEE_NOT_FOUND",
        },
      ],
      effects: [
        {
          effect: "create",
          entity: "Ticket",
          as: "ticket",
          values: {
            priority: "requester.vip ? 'critical' : input.priority",
            status: "'open'",
            assignee_id: "null",
            resolution: "null",
            opened_on: "today()",
          },
        },
      ],
      errors: { EMPLOYEE_NOT_FOUND: "No employee {requester_id}." },
      phrase: 'Open a {category} ticket "{title}" for employee {requester_id}',
    },
    {
      name: "get_ticket",
      kind: "get",
      entity: "Ticket",
      description: "Read a ticket.",
      inputs: { ticket_id: { type: "reference", entity: "Ticket" } },
      preconditions: [
        {
          step: "load",
          as: "ticket",
          entity: "Ticket",
          key: "input.ticket_id",
          error: "TICKET_NOT_FOUND",
        },
      ],
      errors: { TICKET_NOT_FOUND: "No ticket {ticket_id}." },
      phrase: "Look up ticket {ticket_id}",
    },
    {
      name: "list_tickets",
      kind: "list",
      entity: "Ticket",
      description: "List tickets, optionally by status, priority, assignee or requester.",
      inputs: {
        status: {
          type: "enum",
          values: ["open", "in_progress", "resolved", "closed"],
          optional: true,
        },
        priority: { type: "enum", values: ["low", "medium", "high", "critical"], optional: true },
        assignee_id: { type: "reference", entity: "Technician", optional: true },
        requester_id: { type: "reference", entity: "Employee", optional: true },
      },
      filters: [
        { input: "status" },
        { input: "priority" },
        { input: "assignee_id" },
        { input: "requester_id" },
      ],
      phrase: "List the {status} tickets with {priority} priority",
    },
    {
      name: "list_technicians",
      kind: "list",
      entity: "Technician",
      description: "List technicians, optionally of one team or only those at work.",
      inputs: {
        team: {
          type: "enum",
          values: ["network", "hardware", "software", "access"],
          optional: true,
        },
        active: { type: "boolean", optional: true },
      },
      filters: [{ input: "team" }, { input: "active" }],
      phrase: "Find an available technician on the {team} team",
    },
    {
      name: "assign_ticket",
      kind: "update",
      entity: "Ticket",
      description:
        "Give an unresolved ticket to an active technician who has room for it; work starts.",
      inputs: {
        ticket_id: { type: "reference", entity: "Ticket" },
        technician_id: { type: "reference", entity: "Technician" },
      },
      preconditions: [
        {
          step: "load",
          as: "ticket",
          entity: "Ticket",
          key: "input.ticket_id",
          error: "TICKET_NOT_FOUND",
        },
        {
          step: "load",
          as: "technician",
          entity: "Technician",
          key: "input.technician_id",
          error: "TECHNICIAN_NOT_FOUND",
        },
        {
          step: "require",
          that: "ticket.status in ['open', 'in_progress']",
          error: "TICKET_CLOSED",
        },
        { step: "require", that: "technician.active", error: "TECHNICIAN_INACTIVE" },
        {
          step: "aggregate",
          as: "open_tickets",
          op: "count",
          entity: "Ticket",
          where: "it.assignee_id == input.technician_id && it.status == 'in_progress'",
        },
        {
          step: "require",
          that: "open_tickets < rules.max_open_tickets_per_technician",
          error: "TECHNICIAN_OVERLOADED",
        },
      ],
      effects: [
        { effect: "set", target: "ticket", field: "assignee_id", value: "input.technician_id" },
        { effect: "set", target: "ticket", field: "status", value: "'in_progress'" },
      ],
      errors: {
        TICKET_NOT_FOUND: "No ticket {ticket_id}.",
        TECHNICIAN_NOT_FOUND: "No technician {technician_id}.",
        TICKET_CLOSED: "Ticket {ticket_id} is already resolved or closed.",
        TECHNICIAN_INACTIVE: "Technician {technician_id} is not at work.",
        TECHNICIAN_OVERLOADED:
          "Technician {technician_id} already holds the maximum number of open tickets.",
      },
      phrase: "Assign ticket {ticket_id} to technician {technician_id}",
    },
    {
      name: "set_ticket_priority",
      kind: "update",
      entity: "Ticket",
      description: "Change the priority of a ticket that is not closed.",
      inputs: {
        ticket_id: { type: "reference", entity: "Ticket" },
        priority: { type: "enum", values: ["low", "medium", "high", "critical"] },
      },
      preconditions: [
        {
          step: "load",
          as: "ticket",
          entity: "Ticket",
          key: "input.ticket_id",
          error: "TICKET_NOT_FOUND",
        },
        { step: "require", that: "ticket.status != 'closed'", error: "TICKET_CLOSED" },
      ],
      effects: [{ effect: "patch", target: "ticket" }],
      errors: {
        TICKET_NOT_FOUND: "No ticket {ticket_id}.",
        TICKET_CLOSED: "Ticket {ticket_id} is closed.",
      },
      phrase: "Raise ticket {ticket_id} to {priority} priority",
    },
    {
      name: "resolve_ticket",
      kind: "update",
      entity: "Ticket",
      description: "Mark a ticket in progress as resolved, with a note on what fixed it.",
      inputs: {
        ticket_id: { type: "reference", entity: "Ticket" },
        resolution: { type: "string", description: "What was done." },
      },
      preconditions: [
        {
          step: "load",
          as: "ticket",
          entity: "Ticket",
          key: "input.ticket_id",
          error: "TICKET_NOT_FOUND",
        },
        { step: "require", that: "ticket.status == 'in_progress'", error: "NOT_IN_PROGRESS" },
      ],
      effects: [
        { effect: "set", target: "ticket", field: "status", value: "'resolved'" },
        { effect: "patch", target: "ticket" },
      ],
      errors: {
        TICKET_NOT_FOUND: "No ticket {ticket_id}.",
        NOT_IN_PROGRESS: "Ticket {ticket_id} is not being worked on; assign it first.",
      },
      phrase: "Resolve ticket {ticket_id}: {resolution}",
    },
    {
      name: "close_ticket",
      kind: "update",
      entity: "Ticket",
      description: "Close a resolved ticket.",
      inputs: { ticket_id: { type: "reference", entity: "Ticket" } },
      preconditions: [
        {
          step: "load",
          as: "ticket",
          entity: "Ticket",
          key: "input.ticket_id",
          error: "TICKET_NOT_FOUND",
        },
        { step: "require", that: "ticket.status == 'resolved'", error: "NOT_RESOLVED" },
      ],
      effects: [{ effect: "set", target: "ticket", field: "status", value: "'closed'" }],
      errors: {
        TICKET_NOT_FOUND: "No ticket {ticket_id}.",
        NOT_RESOLVED: "Ticket {ticket_id} is not resolved yet.",
      },
      phrase: "Close ticket {ticket_id}",
    },
    {
      name: "reopen_ticket",
      kind: "update",
      entity: "Ticket",
      description:
        "Reopen a resolved or closed ticket when the problem comes back; only its requester may.",
      inputs: {
        ticket_id: { type: "reference", entity: "Ticket" },
        requester_id: { type: "reference", entity: "Employee" },
      },
      preconditions: [
        {
          step: "load",
          as: "ticket",
          entity: "Ticket",
          key: "input.ticket_id",
          error: "TICKET_NOT_FOUND",
        },
        {
          step: "require",
          that: "ticket.requester_id == input.requester_id",
          error: "NOT_REQUESTER",
        },
        {
          step: "require",
          that: "ticket.status in ['resolved', 'closed']",
          error: "TICKET_STILL_OPEN",
        },
      ],
      effects: [
        { effect: "set", target: "ticket", field: "status", value: "'open'" },
        { effect: "set", target: "ticket", field: "assignee_id", value: "null" },
      ],
      errors: {
        TICKET_NOT_FOUND: "No ticket {ticket_id}.",
        NOT_REQUESTER: "Only the requester of ticket {ticket_id} may reopen it.",
        TICKET_STILL_OPEN: "Ticket {ticket_id} is still open.",
      },
      phrase: "Reopen ticket {ticket_id} for {requester_id}",
    },
    {
      name: "send_asset_to_repair",
      kind: "update",
      entity: "Asset",
      description: "Take a device out of use and send it to repair.",
      inputs: { asset_id: { type: "reference", entity: "Asset" } },
      preconditions: [
        {
          step: "load",
          as: "asset",
          entity: "Asset",
          key: "input.asset_id",
          error: "ASSET_NOT_FOUND",
        },
        { step: "require", that: "asset.status == 'in_use'", error: "ASSET_NOT_IN_USE" },
      ],
      effects: [{ effect: "set", target: "asset", field: "status", value: "'in_repair'" }],
      errors: {
        ASSET_NOT_FOUND: "No asset {asset_id}.",
        ASSET_NOT_IN_USE: "Asset {asset_id} is already in repair or retired.",
      },
      phrase: "Send asset {asset_id} to repair",
    },
  ],
  seed: {
    today: "2025-06-02",
    entities: {
      Employee: {
        count: 7,
        records: [
          {
            full_name: "Grace Nakamura",
            email: "grace.nakamura@example.com",
            department: "legal",
            vip: true,
          },
        ],
        fields: {
          full_name: { gen: "person_name" },
          email: { gen: "email", from: "full_name" },
          vip: { gen: "const", value: false },
        },
      },
      Technician: {
        count: 2,
        records: [
          { full_name: "Hiro Tanaka", team: "network", active: true },
          { full_name: "Ines Garcia", team: "hardware", active: true },
          { full_name: "Liam Hughes", team: "software", active: false },
        ],
        fields: {
          full_name: { gen: "person_name" },
          active: { gen: "const", value: true },
        },
      },
      Ticket: {
        count: 6,
        records: [
          {
            requester_id: "EMP-0002",
            title: "VPN drops every hour",
            category: "network",
            priority: "high",
            status: "in_progress",
            assignee_id: "TEC-0001",
            opened_on: "2025-05-28",
          },
          {
            requester_id: "EMP-0003",
            title: "Wi-Fi slow on floor 3",
            category: "network",
            priority: "medium",
            status: "in_progress",
            assignee_id: "TEC-0001",
            opened_on: "2025-05-29",
          },
          {
            requester_id: "EMP-0004",
            title: "Printer offline",
            category: "network",
            priority: "low",
            status: "in_progress",
            assignee_id: "TEC-0001",
            opened_on: "2025-05-30",
          },
          {
            requester_id: "EMP-0002",
            title: "Laptop battery swollen",
            category: "hardware",
            priority: "high",
            status: "resolved",
            assignee_id: "TEC-0002",
            resolution: "Battery replaced",
            opened_on: "2025-05-20",
          },
          {
            requester_id: "EMP-0005",
            title: "Need access to finance share",
            category: "access",
            priority: "medium",
            status: "open",
            opened_on: "2025-06-01",
          },
        ],
        fields: {
          requester_id: { gen: "ref" },
          title: {
            gen: "pick",
            values: [
              "Password reset",
              "Monitor flickers",
              "Cannot install IDE",
              "Email not syncing",
              "Badge not working",
            ],
          },
          status: { gen: "pick", values: ["open", "closed", "closed"] },
          opened_on: { gen: "date", from: "2025-04-01", to: "2025-06-01" },
        },
      },
      Asset: {
        count: 6,
        records: [
          { kind: "laptop", model: "ThinkPad X1", holder_id: "EMP-0002", status: "in_repair" },
        ],
        fields: {
          model: {
            gen: "pick",
            values: ["ThinkPad X1", "MacBook Pro 14", "Pixel 8", "iPhone 15", "Dell U2723QE"],
          },
          holder_id: { gen: "ref" },
          status: { gen: "pick", values: ["in_use", "in_use", "in_use", "retired"] },
        },
      },
    },
  },
};
