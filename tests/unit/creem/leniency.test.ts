import { describe, expect, it } from "vitest";
import { CreemError } from "@/lib/creem/errors";
import { camelKeys, idOf, timestamp } from "@/lib/creem/schemas/common";
import { checkoutSchema } from "@/lib/creem/schemas/checkout";
import { customerSchema } from "@/lib/creem/schemas/customer";
import { productSchema } from "@/lib/creem/schemas/product";
import { subscriptionSchema } from "@/lib/creem/schemas/subscription";
import { transactionSchema } from "@/lib/creem/schemas/transaction";
import { json, testClient } from "./fake-fetch";
import {
  checkoutCompletedWire,
  customerWire,
  productWire,
  subscriptionWire,
  transactionWire,
} from "./fixtures";

describe("lenient response schemas", () => {
  it("ignores unknown fields at every level", () => {
    const sub = subscriptionSchema.parse({
      ...subscriptionWire,
      brand_new_field: { anything: 1 },
      product: { ...productWire, usage_prices: [{ id: "x" }], another: true },
      items: [{ id: "sitem_1", units: 2, seat_label: "seat" }],
    });
    expect(sub).not.toHaveProperty("brandNewField");
    expect(sub).not.toHaveProperty("brand_new_field");
    expect(typeof sub.product === "object" && sub.product).not.toHaveProperty("another");
    expect(sub.items?.[0]).toEqual({ id: "sitem_1", units: 2 });
  });

  it("accepts enum values it has never seen", () => {
    const sub = subscriptionSchema.parse({
      ...subscriptionWire,
      status: "on_hold_v2",
      collection_method: "send_invoice",
    });
    expect(sub.status).toBe("on_hold_v2");
    expect(sub.collectionMethod).toBe("send_invoice");
    expect(transactionSchema.parse({ ...transactionWire, status: "chargeback", type: "credit" }).status).toBe(
      "chargeback",
    );
    expect(
      productSchema.parse({ ...productWire, mode: "local", billing_period: "every-two-weeks" }),
    ).toMatchObject({
      mode: "local",
      billingPeriod: "every-two-weeks",
    });
  });

  it("tolerates nulls where the SDK would reject them", () => {
    const product = productSchema.parse({
      ...productWire,
      image_url: null,
      features: null,
      custom_fields: null,
      trial_period_days: null,
      product_url: null,
    });
    expect(product.imageUrl).toBeUndefined();
    expect(product.features).toBeUndefined();
    expect(product.trialPeriodDays).toBeNull();
    const tx = transactionSchema.parse({
      ...transactionWire,
      order: null,
      customer: null,
      amount_paid: null,
    });
    expect(tx.order).toBeUndefined();
    expect(tx.amountPaid).toBeUndefined();
  });

  it("only requires the id", () => {
    expect(subscriptionSchema.parse({ id: "sub_1" })).toEqual({ id: "sub_1" });
    expect(customerSchema.parse({ id: "cust_1" })).toEqual({ id: "cust_1" });
    expect(checkoutSchema.parse({ id: "ch_1" })).toEqual({ id: "ch_1" });
    expect(subscriptionSchema.safeParse({ status: "active" }).success).toBe(false);
    expect(subscriptionSchema.safeParse({ id: "" }).success).toBe(false);
  });

  it("accepts a product or customer as an object or an id", () => {
    const asIds = subscriptionSchema.parse({ ...subscriptionWire, product: "prod_1", customer: "cust_1" });
    expect(asIds.product).toBe("prod_1");
    expect(asIds.customer).toBe("cust_1");
    const expanded = subscriptionSchema.parse(subscriptionWire);
    expect(typeof expanded.product === "object" && expanded.product.id).toBe("prod_1");
    expect(idOf(asIds.product)).toBe(idOf(expanded.product));
    expect(idOf(expanded.customer)).toBe("cust_1");
    expect(idOf(undefined)).toBeUndefined();
  });

  it("reduces an expanded object to its id where the reference documents an id", () => {
    const tx = transactionSchema.parse({ ...transactionWire, order: { id: "ord_9", amount: 1 } });
    expect(tx.order).toBe("ord_9");
  });

  it("converts ISO and epoch-ms timestamps to Dates, tolerating either form and bad values", () => {
    expect(timestamp.parse("2025-01-01T10:00:00.000Z")).toEqual(new Date("2025-01-01T10:00:00.000Z"));
    expect(timestamp.parse("2025-01-01T12:00:00+02:00")).toEqual(new Date("2025-01-01T10:00:00.000Z"));
    expect(timestamp.parse(1735725600000)).toEqual(new Date("2025-01-01T10:00:00.000Z"));
    expect(timestamp.parse("1735725600000")).toEqual(new Date("2025-01-01T10:00:00.000Z"));
    expect(timestamp.parse("not a date")).toBeUndefined();
    expect(timestamp.parse(null)).toBeUndefined();
    expect(timestamp.parse(undefined)).toBeUndefined();
    const customer = customerSchema.parse({ ...customerWire, created_at: "garbage" });
    expect(customer.createdAt).toBeUndefined();
  });

  it("keeps merchant metadata keys as sent", () => {
    const checkout = checkoutSchema.parse({
      ...checkoutCompletedWire,
      metadata: { user_id: "u", some_key: { a_b: 1 } },
    });
    expect(checkout.metadata).toEqual({ user_id: "u", some_key: { a_b: 1 } });
  });

  it("camelKeys renames top-level keys only", () => {
    expect(camelKeys({ a_b_c: { d_e: 1 }, already: 2, eventType: 3 })).toEqual({
      aBC: { d_e: 1 },
      already: 2,
      eventType: 3,
    });
  });
});

describe("responses that fail even lenient validation", () => {
  const cases: Array<[string, () => Response]> = [
    ["missing id", () => json({ status: "active" })],
    ["wrong type for a known field", () => json({ ...subscriptionWire, items: "many" })],
    ["not JSON", () => new Response("<html>ok</html>", { status: 200 })],
    ["an empty body", () => new Response("", { status: 200 })],
    ["a JSON array", () => json([subscriptionWire])],
  ];
  for (const [name, respond] of cases) {
    it(`raise a typed invalid_response error: ${name}`, async () => {
      const { client } = testClient(respond);
      const error = await client.subscriptions.get("sub_1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CreemError);
      expect((error as CreemError).code).toBe("invalid_response");
      expect((error as CreemError).status).toBe(200);
      expect((error as CreemError).userMessage).toMatch(/temporarily unavailable/);
      expect((error as CreemError).endpoint).toBe("GET /v1/subscriptions");
    });
  }

  it("names the failing path, not the values, in the developer message", async () => {
    const { client } = testClient(() => json({ ...customerWire, id: 42, email: "secret@example.com" }));
    const error = (await client.customers.get("cust_1").catch((e: unknown) => e)) as CreemError;
    expect(error.message).toContain("id");
    expect(error.message).not.toContain("secret@example.com");
  });
});
