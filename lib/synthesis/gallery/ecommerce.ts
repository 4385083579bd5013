import type { DomainSpec } from "../spec/schema";

/** Online shop back office: orders, shipping, cancellations and returns with refunds. */
export const ecommerce: DomainSpec = {
  specVersion: 1,
  name: "ecommerce",
  title: "E-commerce orders and returns",
  summary:
    "Search products, place and ship orders, cancel before shipping, and handle returns within the return window.",
  description:
    "An online shop. Orders take stock from a product and are priced at the current price; a single order has at most the per-order quantity. Placed orders can be cancelled (stock goes back) until they ship. Delivered orders can be returned within the return window counted from the order date; an approved return refunds the order total and puts the units back in stock. One return per order.",
  entities: [
    {
      name: "Customer",
      description: "A shopper with an account.",
      key: "customer_id",
      keyPrefix: "CUS",
      fields: {
        customer_id: { type: "string" },
        full_name: { type: "string" },
        email: { type: "string" },
        city: { type: "string" },
      },
      relations: [{ name: "orders", entity: "Order", field: "customer_id" }],
    },
    {
      name: "Product",
      description: "An article in the catalogue.",
      key: "product_id",
      keyPrefix: "PRD",
      fields: {
        product_id: { type: "string" },
        name: { type: "string" },
        category: { type: "enum", values: ["electronics", "home", "outdoor", "books"] },
        price: { type: "number", min: 0.01 },
        stock: { type: "integer", min: 0 },
        active: { type: "boolean", description: "False when the product is delisted." },
      },
    },
    {
      name: "Order",
      description: "A purchase of one product by one customer.",
      key: "order_id",
      keyPrefix: "ORD",
      fields: {
        order_id: { type: "string" },
        customer_id: { type: "reference", entity: "Customer" },
        product_id: { type: "reference", entity: "Product" },
        quantity: { type: "integer", min: 1 },
        total: { type: "number", min: 0 },
        status: {
          type: "enum",
          values: ["placed", "shipped", "delivered", "cancelled", "returned"],
        },
        ordered_on: { type: "date" },
      },
    },
    {
      name: "Return",
      description: "A customer's request to send a delivered order back.",
      key: "return_id",
      keyPrefix: "RET",
      fields: {
        return_id: { type: "string" },
        order_id: { type: "reference", entity: "Order" },
        reason: {
          type: "enum",
          values: ["damaged", "wrong_item", "not_as_described", "changed_mind"],
        },
        status: { type: "enum", values: ["requested", "refunded", "rejected"] },
        refund_amount: { type: "number", min: 0 },
        requested_on: { type: "date" },
      },
    },
  ],
  rules: [
    {
      kind: "limit",
      name: "max_quantity_per_order",
      value: 10,
      description: "Most units of a product in one order.",
    },
    {
      kind: "limit",
      name: "return_window_days",
      value: 30,
      description: "Days after the order date during which a return may be requested.",
    },
    {
      kind: "invariant",
      name: "stock_never_negative",
      entity: "Product",
      that: "it.stock >= 0",
      description: "Stock never goes below zero.",
    },
  ],
  actions: [
    {
      name: "search_products",
      kind: "search",
      entity: "Product",
      description: "Find products by name, optionally in one category.",
      inputs: {
        query: { type: "string" },
        category: {
          type: "enum",
          values: ["electronics", "home", "outdoor", "books"],
          optional: true,
        },
      },
      search: { input: "query", fields: ["name"] },
      filters: [{ input: "category" }],
      phrase: 'Search the shop for "{query}"',
    },
    {
      name: "get_product",
      kind: "get",
      entity: "Product",
      description: "Read a product: price, stock and whether it is on sale.",
      inputs: { product_id: { type: "reference", entity: "Product" } },
      preconditions: [
        {
          step: "load",
          as: "product",
          entity: "Product",
          key: "input.product_id",
          error: "PRODUCT_NOT_FOUND",
        },
      ],
      errors: { PRODUCT_NOT_FOUND: "No product {product_id}." },
      phrase: "Look up product {product_id}",
    },
    {
      name: "place_order",
      kind: "create",
      entity: "Order",
      description: "Order units of a product for a customer at the current price.",
      inputs: {
        customer_id: { type: "reference", entity: "Customer" },
        product_id: { type: "reference", entity: "Product" },
        quantity: { type: "integer", min: 1, max: 50 },
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
          step: "load",
          as: "product",
          entity: "Product",
          key: "input.product_id",
          error: "PRODUCT_NOT_FOUND",
        },
        { step: "require", that: "product.active", error: "PRODUCT_UNAVAILABLE" },
        {
          step: "require",
          that: "input.quantity <= rules.max_quantity_per_order",
          error: "QUANTITY_LIMIT",
        },
        { step: "require", that: "product.stock >= input.quantity", error: "OUT_OF_STOCK" },
      ],
      effects: [
        {
          effect: "set",
          target: "product",
          field: "stock",
          value: "product.stock - input.quantity",
        },
        {
          effect: "create",
          entity: "Order",
          as: "order",
          values: {
            total: "round(product.price * input.quantity, 2)",
            status: "'placed'",
            ordered_on: "today()",
          },
        },
      ],
      errors: {
        CUSTOMER_NOT_FOUND: "No customer {customer_id}.",
        PRODUCT_NOT_FOUND: "No product {product_id}.",
        PRODUCT_UNAVAILABLE: "Product {product_id} is no longer sold.",
        QUANTITY_LIMIT:
          "At most the per-order limit of units may be ordered at once, not {quantity}.",
        OUT_OF_STOCK: "Product {product_id} has fewer than {quantity} units in stock.",
      },
      phrase: "Order {quantity} of product {product_id} for customer {customer_id}",
    },
    {
      name: "get_order",
      kind: "get",
      entity: "Order",
      description: "Read an order and its status.",
      inputs: { order_id: { type: "reference", entity: "Order" } },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "Order",
          key: "input.order_id",
          error: "ORDER_NOT_FOUND",
        },
      ],
      errors: { ORDER_NOT_FOUND: "No order {order_id}." },
      phrase: "Check order {order_id}",
    },
    {
      name: "list_orders",
      kind: "list",
      entity: "Order",
      description: "List a customer's orders, optionally in one status.",
      inputs: {
        customer_id: { type: "reference", entity: "Customer" },
        status: {
          type: "enum",
          values: ["placed", "shipped", "delivered", "cancelled", "returned"],
          optional: true,
        },
      },
      filters: [{ input: "customer_id" }, { input: "status" }],
      phrase: "List the orders of customer {customer_id}",
    },
    {
      name: "cancel_order",
      kind: "update",
      entity: "Order",
      description: "Cancel an order that has not shipped; its units go back in stock.",
      inputs: { order_id: { type: "reference", entity: "Order" } },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "Order",
          key: "input.order_id",
          error: "ORDER_NOT_FOUND",
        },
        { step: "require", that: "order.status == 'placed'", error: "CANNOT_CANCEL" },
        { step: "load", as: "product", entity: "Product", key: "order.product_id" },
      ],
      effects: [
        {
          effect: "set",
          target: "product",
          field: "stock",
          value: "product.stock + order.quantity",
        },
        { effect: "set", target: "order", field: "status", value: "'cancelled'" },
      ],
      errors: {
        ORDER_NOT_FOUND: "No order {order_id}.",
        CANNOT_CANCEL: "Order {order_id} has shipped or is closed; request a return instead.",
      },
      phrase: "Cancel order {order_id}",
    },
    {
      name: "ship_order",
      kind: "update",
      entity: "Order",
      description: "Hand a placed order to the carrier.",
      inputs: { order_id: { type: "reference", entity: "Order" } },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "Order",
          key: "input.order_id",
          error: "ORDER_NOT_FOUND",
        },
        { step: "require", that: "order.status == 'placed'", error: "NOT_PLACED" },
      ],
      effects: [{ effect: "set", target: "order", field: "status", value: "'shipped'" }],
      errors: {
        ORDER_NOT_FOUND: "No order {order_id}.",
        NOT_PLACED: "Order {order_id} is not waiting to ship.",
      },
      phrase: "Ship order {order_id}",
    },
    {
      name: "request_return",
      kind: "create",
      entity: "Return",
      description:
        "Open a return for a delivered order within the return window; the refund will be the order total.",
      inputs: {
        order_id: { type: "reference", entity: "Order" },
        reason: {
          type: "enum",
          values: ["damaged", "wrong_item", "not_as_described", "changed_mind"],
        },
      },
      preconditions: [
        {
          step: "load",
          as: "order",
          entity: "Order",
          key: "input.order_id",
          error: "ORDER_NOT_FOUND",
        },
        { step: "require", that: "order.status == 'delivered'", error: "NOT_DELIVERED" },
        {
          step: "require",
          that: "days_between(order.ordered_on, today()) <= rules.return_window_days",
          error: "RETURN_WINDOW_CLOSED",
        },
        {
          step: "forbid",
          entity: "Return",
          where: "it.order_id == input.order_id",
          error: "RETURN_EXISTS",
        },
      ],
      effects: [
        {
          effect: "create",
          entity: "Return",
          as: "return_request",
          values: { status: "'requested'", refund_amount: "order.total", requested_on: "today()" },
        },
      ],
      errors: {
        ORDER_NOT_FOUND: "No order {order_id}.",
        NOT_DELIVERED: "Order {order_id} has not been delivered.",
        RETURN_WINDOW_CLOSED: "Order {order_id} is past the return window.",
        RETURN_EXISTS: "Order {order_id} already has a return.",
      },
      phrase: "Return order {order_id} because it is {reason}",
    },
    {
      name: "approve_return",
      kind: "custom",
      entity: "Return",
      description:
        "Refund a requested return: the order becomes returned and its units go back in stock.",
      inputs: { return_id: { type: "reference", entity: "Return" } },
      preconditions: [
        {
          step: "load",
          as: "return_request",
          entity: "Return",
          key: "input.return_id",
          error: "RETURN_NOT_FOUND",
        },
        {
          step: "require",
          that: "return_request.status == 'requested'",
          error: "RETURN_NOT_PENDING",
        },
        { step: "load", as: "order", entity: "Order", key: "return_request.order_id" },
        { step: "load", as: "product", entity: "Product", key: "order.product_id" },
      ],
      effects: [
        { effect: "set", target: "return_request", field: "status", value: "'refunded'" },
        { effect: "set", target: "order", field: "status", value: "'returned'" },
        {
          effect: "set",
          target: "product",
          field: "stock",
          value: "product.stock + order.quantity",
        },
      ],
      returns: "return_request",
      errors: {
        RETURN_NOT_FOUND: "No return {return_id}.",
        RETURN_NOT_PENDING: "Return {return_id} was already decided.",
      },
      phrase: "Approve return {return_id} and refund the customer",
    },
  ],
  seed: {
    today: "2025-06-02",
    entities: {
      Customer: {
        count: 8,
        fields: {
          full_name: { gen: "person_name" },
          email: { gen: "email", from: "full_name" },
          city: { gen: "city" },
        },
      },
      Product: {
        count: 0,
        records: [
          {
            name: "Noise-cancelling headphones",
            category: "electronics",
            price: 199.0,
            stock: 12,
            active: true,
          },
          { name: "Espresso machine", category: "home", price: 349.5, stock: 0, active: true },
          {
            name: "Trail running shoes",
            category: "outdoor",
            price: 129.9,
            stock: 30,
            active: true,
          },
          { name: "Two-person tent", category: "outdoor", price: 239.0, stock: 4, active: true },
          { name: "Cast-iron skillet", category: "home", price: 45.0, stock: 50, active: true },
          { name: "E-reader", category: "electronics", price: 139.0, stock: 9, active: false },
          {
            name: "Field guide to birds",
            category: "books",
            price: 24.95,
            stock: 80,
            active: true,
          },
          { name: "Desk lamp", category: "home", price: 39.99, stock: 15, active: true },
        ],
      },
      Order: {
        count: 8,
        records: [
          {
            customer_id: "CUS-0001",
            product_id: "PRD-0001",
            quantity: 1,
            total: 199,
            status: "delivered",
            ordered_on: "2025-05-20",
          },
          {
            customer_id: "CUS-0001",
            product_id: "PRD-0004",
            quantity: 1,
            total: 239,
            status: "delivered",
            ordered_on: "2025-03-02",
          },
          {
            customer_id: "CUS-0002",
            product_id: "PRD-0003",
            quantity: 2,
            total: 259.8,
            status: "placed",
            ordered_on: "2025-06-01",
          },
          {
            customer_id: "CUS-0003",
            product_id: "PRD-0005",
            quantity: 1,
            total: 45,
            status: "shipped",
            ordered_on: "2025-05-30",
          },
          {
            customer_id: "CUS-0002",
            product_id: "PRD-0007",
            quantity: 1,
            total: 24.95,
            status: "delivered",
            ordered_on: "2025-05-25",
          },
        ],
        fields: {
          customer_id: { gen: "ref" },
          product_id: { gen: "ref" },
          quantity: { gen: "integer", min: 1, max: 3 },
          total: { gen: "number", min: 20, max: 600, decimals: 2 },
          status: {
            gen: "pick",
            values: ["placed", "shipped", "delivered", "delivered", "cancelled"],
          },
          ordered_on: { gen: "date", from: "2025-03-01", to: "2025-06-01" },
        },
      },
      Return: {
        count: 0,
        records: [
          {
            order_id: "ORD-0005",
            reason: "changed_mind",
            status: "requested",
            refund_amount: 24.95,
            requested_on: "2025-05-29",
          },
        ],
      },
    },
  },
};
