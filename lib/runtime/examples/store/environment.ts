import { defineEnvironment, s, ToolError, type Infer } from "@envfactory/sdk";

const Product = s.object({
  sku: s.string(),
  name: s.string(),
  price: s.integer({ minimum: 0, description: "Unit price in cents" }),
  stock: s.integer({ minimum: 0 }),
});

const OrderLine = s.object({ sku: s.string(), quantity: s.integer({ minimum: 1 }) });

const Order = s.object({
  id: s.string(),
  customer: s.string(),
  lines: s.array(OrderLine),
  total: s.integer({ minimum: 0 }),
  status: s.enum(["placed", "cancelled", "shipped"]),
});

const State = s.object({
  products: s.record(Product),
  orders: s.record(Order),
});
type State = Infer<typeof State>;

function product(state: State, sku: string) {
  const found = state.products[sku];
  if (!found) throw new ToolError("PRODUCT_NOT_FOUND", `No product with SKU ${sku}`);
  return found;
}

function order(state: State, id: string) {
  const found = state.orders[id];
  if (!found) throw new ToolError("ORDER_NOT_FOUND", `No order with id ${id}`);
  return found;
}

export default defineEnvironment({
  name: "store",
  version: "1.0.0",
  description:
    "A small shop: products with stock, orders that reserve stock, cancellation and shipping.",
  state: State,
  initialState: {
    products: {
      "MUG-1": { sku: "MUG-1", name: "Coffee mug", price: 1200, stock: 10 },
      "TEE-M": { sku: "TEE-M", name: "T-shirt (M)", price: 2500, stock: 3 },
      "CAP-1": { sku: "CAP-1", name: "Cap", price: 1800, stock: 0 },
    },
    orders: {},
  },
  tools: {
    list_products: {
      description: "List products with price and stock; optionally only those in stock.",
      input: s.object({ in_stock_only: s.optional(s.boolean()) }),
      output: s.array(Product),
      readOnly: true,
      run(state, args) {
        return Object.values(state.products).filter((p) => !args.in_stock_only || p.stock > 0);
      },
    },
    get_product: {
      description: "Read one product.",
      input: s.object({ sku: s.string() }),
      output: Product,
      errors: { PRODUCT_NOT_FOUND: "No product with that SKU." },
      readOnly: true,
      run(state, args) {
        return product(state, args.sku);
      },
    },
    restock: {
      description: "Add units to a product's stock.",
      input: s.object({ sku: s.string(), quantity: s.integer({ minimum: 1, maximum: 1000 }) }),
      output: Product,
      errors: { PRODUCT_NOT_FOUND: "No product with that SKU." },
      run(state, args) {
        const target = product(state, args.sku);
        target.stock += args.quantity;
        return target;
      },
    },
    place_order: {
      description: "Place an order; all lines must be in stock, and stock is reserved at once.",
      input: s.object({
        customer: s.string({ minLength: 1 }),
        lines: s.array(OrderLine, { minItems: 1, maxItems: 20 }),
      }),
      output: Order,
      errors: {
        PRODUCT_NOT_FOUND: "A line names an unknown SKU.",
        OUT_OF_STOCK: "A line asks for more units than are in stock.",
      },
      run(state, args, ctx) {
        let total = 0;
        for (const line of args.lines) {
          const item = product(state, line.sku);
          if (item.stock < line.quantity) {
            throw new ToolError("OUT_OF_STOCK", `Only ${item.stock} of ${line.sku} in stock`, {
              sku: line.sku,
              available: item.stock,
            });
          }
          item.stock -= line.quantity;
          total += item.price * line.quantity;
        }
        const id = ctx.id("ord");
        state.orders[id] = {
          id,
          customer: args.customer,
          lines: args.lines,
          total,
          status: "placed",
        };
        return state.orders[id];
      },
    },
    get_order: {
      description: "Read one order.",
      input: s.object({ order_id: s.string() }),
      output: Order,
      errors: { ORDER_NOT_FOUND: "No order with that id." },
      readOnly: true,
      run(state, args) {
        return order(state, args.order_id);
      },
    },
    cancel_order: {
      description: "Cancel a placed order and return its units to stock.",
      input: s.object({ order_id: s.string() }),
      output: Order,
      errors: {
        ORDER_NOT_FOUND: "No order with that id.",
        ORDER_NOT_CANCELLABLE: "Only placed orders can be cancelled.",
      },
      run(state, args) {
        const target = order(state, args.order_id);
        if (target.status !== "placed")
          throw new ToolError("ORDER_NOT_CANCELLABLE", `Order ${target.id} is ${target.status}`);
        for (const line of target.lines) product(state, line.sku).stock += line.quantity;
        target.status = "cancelled";
        return target;
      },
    },
    ship_order: {
      description: "Mark a placed order as shipped.",
      input: s.object({ order_id: s.string() }),
      output: Order,
      errors: {
        ORDER_NOT_FOUND: "No order with that id.",
        ORDER_NOT_SHIPPABLE: "Only placed orders can be shipped.",
      },
      run(state, args) {
        const target = order(state, args.order_id);
        if (target.status !== "placed")
          throw new ToolError("ORDER_NOT_SHIPPABLE", `Order ${target.id} is ${target.status}`);
        target.status = "shipped";
        return target;
      },
    },
  },
});
