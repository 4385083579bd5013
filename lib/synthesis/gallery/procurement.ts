import type { DomainSpec } from "../spec/schema";

/**
 * Corporate procurement: internal inventory first, and when it runs out, a purchase order
 * to an external supplier whose prices change and who may be out of service — paid from the
 * requester's department budget, with approval above a limit.
 */
export const procurement: DomainSpec = {
  specVersion: 1,
  name: "procurement",
  title: "Corporate procurement",
  summary:
    "Internal inventory, a supplier catalogue with changing prices and outages, and purchase orders paid from department budgets with an approval limit.",
  description:
    "Employees first take what they need from internal stock. When an item is out of stock they order it from an external supplier: the catalogue lists each supplier's current price for an item and whether the supplier can deliver right now. A purchase order reserves money from the requester's department budget; orders above the approval limit wait for a manager or director (never the requester) to approve them. Approved orders are received into inventory; pending or approved orders can be cancelled, which returns the money to the budget.",
  entities: [
    {
      name: "Employee",
      description: "Someone who requests goods or approves spending.",
      key: "employee_id",
      keyPrefix: "EMP",
      fields: {
        employee_id: { type: "string" },
        full_name: { type: "string" },
        email: { type: "string" },
        department: { type: "enum", values: ["engineering", "operations", "finance", "sales"] },
        role: { type: "enum", values: ["staff", "manager", "director"] },
      },
    },
    {
      name: "InventoryItem",
      description: "A stock-keeping unit held in the company's own storeroom.",
      key: "item_id",
      keyPrefix: "ITM",
      fields: {
        item_id: { type: "string" },
        name: { type: "string" },
        category: {
          type: "enum",
          values: ["it_equipment", "furniture", "office_supplies", "safety"],
        },
        quantity: { type: "integer", min: 0, description: "Units on the shelf." },
        location: { type: "enum", values: ["hq_storeroom", "warehouse_north", "warehouse_south"] },
      },
      relations: [{ name: "offers", entity: "SupplierOffer", field: "item_id" }],
    },
    {
      name: "Supplier",
      description: "An external vendor.",
      key: "supplier_id",
      keyPrefix: "SUP",
      fields: {
        supplier_id: { type: "string" },
        name: { type: "string" },
        status: {
          type: "enum",
          values: ["active", "suspended"],
          description: "Suspended suppliers may not receive orders.",
        },
        rating: { type: "number", min: 1, max: 5 },
      },
      relations: [{ name: "offers", entity: "SupplierOffer", field: "supplier_id" }],
    },
    {
      name: "SupplierOffer",
      description:
        "A supplier's current catalogue entry for one item: price and availability change over time.",
      key: "offer_id",
      keyPrefix: "OFF",
      fields: {
        offer_id: { type: "string" },
        supplier_id: { type: "reference", entity: "Supplier" },
        item_id: { type: "reference", entity: "InventoryItem" },
        unit_price: { type: "number", min: 0.01, description: "Current price per unit, EUR." },
        available: { type: "boolean", description: "False during a supplier outage." },
        lead_time_days: { type: "integer", min: 1 },
      },
    },
    {
      name: "Budget",
      description: "The money a department may still commit this quarter.",
      key: "budget_id",
      keyPrefix: "BUD",
      fields: {
        budget_id: { type: "string" },
        department: { type: "enum", values: ["engineering", "operations", "finance", "sales"] },
        remaining: { type: "number", min: 0, description: "Uncommitted EUR." },
      },
    },
    {
      name: "PurchaseOrder",
      description: "An order to a supplier, with the price locked in when it was placed.",
      key: "purchase_order_id",
      keyPrefix: "PO",
      fields: {
        purchase_order_id: { type: "string" },
        offer_id: { type: "reference", entity: "SupplierOffer" },
        supplier_id: { type: "reference", entity: "Supplier" },
        item_id: { type: "reference", entity: "InventoryItem" },
        quantity: { type: "integer", min: 1 },
        unit_price: { type: "number", min: 0.01 },
        total: { type: "number", min: 0 },
        status: { type: "enum", values: ["pending_approval", "approved", "received", "cancelled"] },
        requested_by: { type: "reference", entity: "Employee" },
        approved_by: { type: "reference", entity: "Employee", optional: true },
        budget_id: {
          type: "reference",
          entity: "Budget",
          description: "The budget the money was reserved from.",
        },
        created_on: { type: "date" },
      },
    },
    {
      name: "StockRequest",
      description: "Items an employee took from internal stock.",
      key: "request_id",
      keyPrefix: "REQ",
      fields: {
        request_id: { type: "string" },
        item_id: { type: "reference", entity: "InventoryItem" },
        employee_id: { type: "reference", entity: "Employee" },
        quantity: { type: "integer", min: 1 },
        requested_on: { type: "date" },
      },
    },
  ],
  rules: [
    {
      kind: "limit",
      name: "approval_limit",
      value: 5000,
      description: "Orders above this total (EUR) need approval.",
    },
    {
      kind: "permission",
      name: "approver_roles",
      allowed: ["manager", "director"],
      description: "Roles that may approve purchase orders.",
    },
    {
      kind: "invariant",
      name: "stock_never_negative",
      entity: "InventoryItem",
      that: "it.quantity >= 0",
      description: "Stock never goes below zero.",
    },
    {
      kind: "invariant",
      name: "budget_never_overspent",
      entity: "Budget",
      that: "it.remaining >= 0",
      description: "A budget is never overspent.",
    },
  ],
  actions: [
    {
      name: "search_inventory",
      kind: "search",
      entity: "InventoryItem",
      description: "Find internal stock items by name, optionally in one category.",
      inputs: {
        query: { type: "string", description: "Part of the item name." },
        category: {
          type: "enum",
          values: ["it_equipment", "furniture", "office_supplies", "safety"],
          optional: true,
        },
      },
      search: { input: "query", fields: ["name"] },
      filters: [{ input: "category" }],
      phrase: 'Look for "{query}" in the internal inventory',
    },
    {
      name: "get_inventory_item",
      kind: "get",
      entity: "InventoryItem",
      description: "Read one stock item, including how many units are on the shelf.",
      inputs: { item_id: { type: "reference", entity: "InventoryItem" } },
      preconditions: [
        {
          step: "load",
          as: "item",
          entity: "InventoryItem",
          key: "input.item_id",
          error: "ITEM_NOT_FOUND",
        },
      ],
      errors: { ITEM_NOT_FOUND: "No inventory item {item_id}." },
      phrase: "Check the stock of item {item_id}",
    },
    {
      name: "request_stock",
      kind: "custom",
      entity: "InventoryItem",
      description: "Take units of an item from internal stock for an employee.",
      inputs: {
        item_id: { type: "reference", entity: "InventoryItem" },
        employee_id: { type: "reference", entity: "Employee" },
        quantity: { type: "integer", min: 1, max: 500 },
      },
      preconditions: [
        {
          step: "load",
          as: "item",
          entity: "InventoryItem",
          key: "input.item_id",
          error: "ITEM_NOT_FOUND",
        },
        {
          step: "load",
          as: "employee",
          entity: "Employee",
          key: "input.employee_id",
          error: "EMPLOYEE_NOT_FOUND",
        },
        { step: "require", that: "item.quantity >= input.quantity", error: "OUT_OF_STOCK" },
      ],
      effects: [
        {
          effect: "set",
          target: "item",
          field: "quantity",
          value: "item.quantity - input.quantity",
        },
        {
          effect: "create",
          entity: "StockRequest",
          as: "request",
          values: { requested_on: "today()" },
        },
      ],
      returns: "request",
      errors: {
        ITEM_NOT_FOUND: "No inventory item {item_id}.",
        EMPLOYEE_NOT_FOUND: "No employee {employee_id}.",
        OUT_OF_STOCK:
          "Only part of the {quantity} units of {item_id} are in stock; order the rest from a supplier.",
      },
      phrase:
        "Get {quantity} units of item {item_id} from the storeroom for employee {employee_id}",
    },
    {
      name: "list_supplier_offers",
      kind: "list",
      entity: "SupplierOffer",
      description:
        "List supplier catalogue entries for an item, optionally only those available now.",
      inputs: {
        item_id: { type: "reference", entity: "InventoryItem" },
        available: { type: "boolean", optional: true },
      },
      preconditions: [
        {
          step: "load",
          as: "item",
          entity: "InventoryItem",
          key: "input.item_id",
          error: "ITEM_NOT_FOUND",
        },
      ],
      filters: [{ input: "item_id" }, { input: "available" }],
      errors: { ITEM_NOT_FOUND: "No inventory item {item_id}." },
      phrase: "Find which suppliers sell item {item_id}",
    },
    {
      name: "find_cheapest_offer",
      kind: "get",
      entity: "SupplierOffer",
      description:
        "The cheapest offer for an item among suppliers who can deliver now (the supplier may still be suspended).",
      inputs: { item_id: { type: "reference", entity: "InventoryItem" } },
      preconditions: [
        {
          step: "load",
          as: "item",
          entity: "InventoryItem",
          key: "input.item_id",
          error: "ITEM_NOT_FOUND",
        },
        {
          step: "find",
          as: "offer",
          entity: "SupplierOffer",
          where: "it.item_id == input.item_id && it.available",
          orderBy: "unit_price",
          order: "asc",
          error: "NO_OFFER_AVAILABLE",
        },
      ],
      errors: {
        ITEM_NOT_FOUND: "No inventory item {item_id}.",
        NO_OFFER_AVAILABLE: "No supplier can deliver item {item_id} right now.",
      },
      phrase: "Find the cheapest supplier offer for item {item_id}",
    },
    {
      name: "get_department_budget",
      kind: "get",
      entity: "Budget",
      description: "Read what a department may still spend.",
      inputs: {
        department: { type: "enum", values: ["engineering", "operations", "finance", "sales"] },
      },
      preconditions: [
        {
          step: "find",
          as: "budget",
          entity: "Budget",
          where: "it.department == input.department",
          error: "NO_BUDGET",
        },
      ],
      errors: { NO_BUDGET: "The {department} department has no purchasing budget." },
      phrase: "Check the remaining budget of the {department} department",
    },
    {
      name: "create_purchase_order",
      kind: "create",
      entity: "PurchaseOrder",
      description:
        "Order units from a supplier offer at its current price. The total is reserved from the requester's department budget; orders above the approval limit start as pending_approval.",
      inputs: {
        offer_id: { type: "reference", entity: "SupplierOffer" },
        quantity: { type: "integer", min: 1, max: 500 },
        requested_by: {
          type: "reference",
          entity: "Employee",
          description: "The employee placing the order.",
        },
      },
      preconditions: [
        {
          step: "load",
          as: "offer",
          entity: "SupplierOffer",
          key: "input.offer_id",
          error: "OFFER_NOT_FOUND",
        },
        { step: "require", that: "offer.available", error: "SUPPLIER_OUTAGE" },
        {
          step: "find",
          as: "supplier",
          entity: "Supplier",
          where: "it.supplier_id == offer.supplier_id && it.status == 'active'",
          error: "SUPPLIER_SUSPENDED",
        },
        {
          step: "load",
          as: "requester",
          entity: "Employee",
          key: "input.requested_by",
          error: "EMPLOYEE_NOT_FOUND",
        },
        {
          step: "find",
          as: "budget",
          entity: "Budget",
          where: "it.department == requester.department",
          error: "NO_BUDGET",
        },
        {
          step: "require",
          that: "budget.remaining >= round(input.quantity * offer.unit_price, 2)",
          error: "BUDGET_EXCEEDED",
        },
      ],
      effects: [
        {
          effect: "set",
          target: "budget",
          field: "remaining",
          value: "round(budget.remaining - input.quantity * offer.unit_price, 2)",
        },
        {
          effect: "create",
          entity: "PurchaseOrder",
          as: "order",
          values: {
            supplier_id: "offer.supplier_id",
            item_id: "offer.item_id",
            unit_price: "offer.unit_price",
            total: "round(input.quantity * offer.unit_price, 2)",
            status:
              "round(input.quantity * offer.unit_price, 2) > rules.approval_limit ? 'pending_approval' : 'approved'",
            approved_by: "null",
            budget_id: "budget.budget_id",
            created_on: "today()",
          },
        },
      ],
      errors: {
        OFFER_NOT_FOUND: "No supplier offer {offer_id}.",
        SUPPLIER_OUTAGE:
          "The supplier of offer {offer_id} cannot deliver right now; try another offer.",
        SUPPLIER_SUSPENDED: "The supplier of offer {offer_id} is suspended.",
        EMPLOYEE_NOT_FOUND: "No employee {requested_by}.",
        NO_BUDGET: "The department of {requested_by} has no purchasing budget.",
        BUDGET_EXCEEDED:
          "{quantity} units from offer {offer_id} cost more than the department has left.",
      },
      phrase:
        "Order {quantity} units through supplier offer {offer_id} on behalf of {requested_by}",
    },
    {
      name: "get_purchase_order",
      kind: "get",
      entity: "PurchaseOrder",
      description: "Read a purchase order and its status.",
      inputs: { purchase_order_id: { type: "reference", entity: "PurchaseOrder" } },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "PurchaseOrder",
          key: "input.purchase_order_id",
          error: "ORDER_NOT_FOUND",
        },
      ],
      errors: { ORDER_NOT_FOUND: "No purchase order {purchase_order_id}." },
      phrase: "Check the status of purchase order {purchase_order_id}",
    },
    {
      name: "list_purchase_orders",
      kind: "list",
      entity: "PurchaseOrder",
      description: "List purchase orders, optionally by status or by requester.",
      inputs: {
        status: {
          type: "enum",
          values: ["pending_approval", "approved", "received", "cancelled"],
          optional: true,
        },
        requested_by: { type: "reference", entity: "Employee", optional: true },
      },
      filters: [{ input: "status" }, { input: "requested_by" }],
      phrase: "List the purchase orders that are {status}",
    },
    {
      name: "approve_purchase_order",
      kind: "update",
      entity: "PurchaseOrder",
      description:
        "Approve a pending purchase order. Only managers and directors may approve, and never their own orders.",
      inputs: {
        purchase_order_id: { type: "reference", entity: "PurchaseOrder" },
        approver_id: { type: "reference", entity: "Employee" },
      },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "PurchaseOrder",
          key: "input.purchase_order_id",
          error: "ORDER_NOT_FOUND",
        },
        {
          step: "load",
          as: "approver",
          entity: "Employee",
          key: "input.approver_id",
          error: "EMPLOYEE_NOT_FOUND",
        },
        {
          step: "require",
          that: "order.status == 'pending_approval'",
          error: "NOT_PENDING_APPROVAL",
        },
        { step: "require", that: "approver.role in rules.approver_roles", error: "NOT_AUTHORIZED" },
        {
          step: "require",
          that: "input.approver_id != order.requested_by",
          error: "SELF_APPROVAL",
        },
      ],
      effects: [
        { effect: "set", target: "order", field: "status", value: "'approved'" },
        { effect: "set", target: "order", field: "approved_by", value: "input.approver_id" },
      ],
      errors: {
        ORDER_NOT_FOUND: "No purchase order {purchase_order_id}.",
        EMPLOYEE_NOT_FOUND: "No employee {approver_id}.",
        NOT_PENDING_APPROVAL: "Purchase order {purchase_order_id} is not waiting for approval.",
        NOT_AUTHORIZED: "Employee {approver_id} may not approve purchase orders.",
        SELF_APPROVAL: "Employee {approver_id} cannot approve their own order.",
      },
      phrase: "Approve purchase order {purchase_order_id} as {approver_id}",
    },
    {
      name: "receive_purchase_order",
      kind: "custom",
      entity: "PurchaseOrder",
      description:
        "Record the delivery of an approved order: its units are added to internal stock.",
      inputs: { purchase_order_id: { type: "reference", entity: "PurchaseOrder" } },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "PurchaseOrder",
          key: "input.purchase_order_id",
          error: "ORDER_NOT_FOUND",
        },
        { step: "require", that: "order.status == 'approved'", error: "NOT_APPROVED" },
        { step: "load", as: "item", entity: "InventoryItem", key: "order.item_id" },
      ],
      effects: [
        {
          effect: "set",
          target: "item",
          field: "quantity",
          value: "item.quantity + order.quantity",
        },
        { effect: "set", target: "order", field: "status", value: "'received'" },
      ],
      returns: "order",
      errors: {
        ORDER_NOT_FOUND: "No purchase order {purchase_order_id}.",
        NOT_APPROVED:
          "Purchase order {purchase_order_id} is not approved, so it cannot be received.",
      },
      phrase: "Receive the delivery for purchase order {purchase_order_id}",
    },
    {
      name: "cancel_purchase_order",
      kind: "update",
      entity: "PurchaseOrder",
      description:
        "Cancel an order that has not been received; its total goes back to the budget it came from.",
      inputs: { purchase_order_id: { type: "reference", entity: "PurchaseOrder" } },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "PurchaseOrder",
          key: "input.purchase_order_id",
          error: "ORDER_NOT_FOUND",
        },
        {
          step: "require",
          that: "order.status in ['pending_approval', 'approved']",
          error: "CANNOT_CANCEL",
        },
        { step: "load", as: "budget", entity: "Budget", key: "order.budget_id" },
      ],
      effects: [
        {
          effect: "set",
          target: "budget",
          field: "remaining",
          value: "round(budget.remaining + order.total, 2)",
        },
        { effect: "set", target: "order", field: "status", value: "'cancelled'" },
      ],
      errors: {
        ORDER_NOT_FOUND: "No purchase order {purchase_order_id}.",
        CANNOT_CANCEL: "Purchase order {purchase_order_id} was already received or cancelled.",
      },
      phrase: "Cancel purchase order {purchase_order_id}",
    },
  ],
  seed: {
    today: "2025-06-02",
    entities: {
      Employee: {
        count: 6,
        records: [
          {
            full_name: "Maya Patel",
            email: "maya.patel@example.com",
            department: "engineering",
            role: "staff",
          },
          {
            full_name: "Jonas Weber",
            email: "jonas.weber@example.com",
            department: "engineering",
            role: "manager",
          },
          {
            full_name: "Elena Rossi",
            email: "elena.rossi@example.com",
            department: "finance",
            role: "director",
          },
          {
            full_name: "Samuel Okafor",
            email: "samuel.okafor@example.com",
            department: "sales",
            role: "staff",
          },
        ],
        fields: {
          full_name: { gen: "person_name" },
          email: { gen: "email", from: "full_name" },
          department: { gen: "pick", values: ["engineering", "operations", "finance"] },
          role: { gen: "pick", values: ["staff", "staff", "staff", "manager"] },
        },
      },
      InventoryItem: {
        count: 0,
        records: [
          {
            name: "USB-C docking station",
            category: "it_equipment",
            quantity: 0,
            location: "hq_storeroom",
          },
          {
            name: "Ergonomic office chair",
            category: "furniture",
            quantity: 14,
            location: "warehouse_north",
          },
          {
            name: "27-inch monitor",
            category: "it_equipment",
            quantity: 6,
            location: "hq_storeroom",
          },
          {
            name: "A4 copy paper (box)",
            category: "office_supplies",
            quantity: 120,
            location: "warehouse_south",
          },
          { name: "Safety goggles", category: "safety", quantity: 3, location: "warehouse_south" },
          {
            name: "Standing desk",
            category: "furniture",
            quantity: 2,
            location: "warehouse_north",
          },
          {
            name: "Wireless keyboard",
            category: "it_equipment",
            quantity: 25,
            location: "hq_storeroom",
          },
          { name: "First-aid kit", category: "safety", quantity: 0, location: "hq_storeroom" },
        ],
      },
      Supplier: {
        count: 2,
        records: [
          { name: "Northwind Distribution", status: "active", rating: 4.6 },
          { name: "Helix Components", status: "active", rating: 4.1 },
          { name: "Orion Hardware", status: "suspended", rating: 2.3 },
        ],
        fields: {
          name: { gen: "company" },
          status: { gen: "const", value: "active" },
          rating: { gen: "number", min: 3, max: 5, decimals: 1 },
        },
      },
      SupplierOffer: {
        count: 8,
        records: [
          { supplier_id: "SUP-0001", item_id: "ITM-0001", available: true, lead_time_days: 3 },
          { supplier_id: "SUP-0002", item_id: "ITM-0001", available: false, lead_time_days: 2 },
          { supplier_id: "SUP-0003", item_id: "ITM-0001", available: true, lead_time_days: 5 },
          {
            supplier_id: "SUP-0001",
            item_id: "ITM-0006",
            unit_price: 640,
            available: true,
            lead_time_days: 10,
          },
        ],
        fields: {
          supplier_id: { gen: "ref" },
          item_id: { gen: "ref" },
          unit_price: { gen: "number", min: 8, max: 420, decimals: 2 },
          available: { gen: "boolean", probability: 0.8 },
          lead_time_days: { gen: "integer", min: 1, max: 21 },
        },
      },
      Budget: {
        count: 0,
        records: [
          { department: "engineering", remaining: 24000 },
          { department: "operations", remaining: 9500 },
          { department: "finance", remaining: 3000 },
        ],
      },
      PurchaseOrder: {
        count: 0,
        records: [
          {
            offer_id: "OFF-0004",
            supplier_id: "SUP-0001",
            item_id: "ITM-0006",
            quantity: 12,
            unit_price: 640,
            total: 7680,
            status: "pending_approval",
            requested_by: "EMP-0002",
            approved_by: null,
            budget_id: "BUD-0001",
            created_on: "2025-05-28",
          },
          {
            offer_id: "OFF-0001",
            supplier_id: "SUP-0001",
            item_id: "ITM-0001",
            quantity: 10,
            unit_price: 189,
            total: 1890,
            status: "approved",
            requested_by: "EMP-0001",
            approved_by: null,
            budget_id: "BUD-0001",
            created_on: "2025-05-30",
          },
          {
            offer_id: "OFF-0001",
            supplier_id: "SUP-0001",
            item_id: "ITM-0001",
            quantity: 4,
            unit_price: 185,
            total: 740,
            status: "received",
            requested_by: "EMP-0002",
            approved_by: null,
            budget_id: "BUD-0001",
            created_on: "2025-04-14",
          },
        ],
      },
      StockRequest: {
        count: 4,
        fields: {
          item_id: { gen: "ref" },
          employee_id: { gen: "ref" },
          quantity: { gen: "integer", min: 1, max: 5 },
          requested_on: { gen: "date", from: "2025-04-01", to: "2025-06-01" },
        },
      },
    },
  },
};
