import { describe, expect, it } from "vitest";
import { json, testClient } from "./fake-fetch";
import { subscriptionWire } from "./fixtures";

describe("subscriptions", () => {
  it("get: GET /v1/subscriptions?subscription_id= and maps to camelCase with dates", async () => {
    const { client, calls } = testClient(() => json(subscriptionWire));
    const sub = await client.subscriptions.get("sub_1");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/subscriptions");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ subscription_id: "sub_1" });

    expect(sub.id).toBe("sub_1");
    expect(sub.status).toBe("active");
    expect(sub.collectionMethod).toBe("charge_automatically");
    expect(sub.items).toEqual([
      {
        id: "sitem_1",
        mode: "test",
        object: "subscription_item",
        productId: "prod_1",
        priceId: "pprice_1",
        units: 3,
      },
    ]);
    expect(sub.currentPeriodStartDate).toEqual(new Date("2025-01-01T10:00:00.000Z"));
    expect(sub.currentPeriodEndDate).toEqual(new Date("2025-02-01T10:00:00.000Z"));
    expect(sub.nextTransactionDate).toEqual(new Date("2025-02-01T10:00:00.000Z"));
    expect(sub.lastTransactionId).toBe("tran_1");
    expect(sub.lastTransaction?.createdAt).toEqual(new Date(1735725600000));
    expect(sub.canceledAt).toBeNull();
    expect(sub.metadata).toEqual({ user_id: "user_42", plan_key: "pro" });
    expect(sub.discount).toEqual({
      id: "dis_1",
      discountCode: "LAUNCH",
      name: "Launch",
      type: "percentage",
      durationInMonths: 3,
    });
    expect(typeof sub.product === "object" && sub.product.name).toBe("Pro");
    expect(typeof sub.customer === "object" && sub.customer.email).toBe("buyer@example.com");
  });

  it("update: POST /v1/subscriptions/{id} with items and update_behavior", async () => {
    const { client, calls } = testClient(() => json(subscriptionWire));
    await client.subscriptions.update("sub_1", {
      items: [
        { id: "sitem_1", units: 5 },
        { productId: "prod_2", priceId: "pprice_2", units: 1 },
      ],
      updateBehavior: "proration-none",
    });
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/subscriptions/sub_1");
    expect(calls[0]?.body).toEqual({
      items: [
        { id: "sitem_1", units: 5 },
        { product_id: "prod_2", price_id: "pprice_2", units: 1 },
      ],
      update_behavior: "proration-none",
    });
  });

  it("update: leaves update_behavior to CREEM's default when not given", async () => {
    const { client, calls } = testClient(() => json(subscriptionWire));
    await client.subscriptions.update("sub_1", { items: [{ id: "sitem_1", units: 2 }] });
    expect(calls[0]?.body).toEqual({ items: [{ id: "sitem_1", units: 2 }] });
  });

  it("upgrade: POST /v1/subscriptions/{id}/upgrade {product_id, update_behavior}", async () => {
    const { client, calls } = testClient(() => json(subscriptionWire));
    await client.subscriptions.upgrade("sub_1", {
      productId: "prod_2",
      updateBehavior: "proration-charge-immediately",
    });
    expect(calls[0]?.url.pathname).toBe("/v1/subscriptions/sub_1/upgrade");
    expect(calls[0]?.body).toEqual({ product_id: "prod_2", update_behavior: "proration-charge-immediately" });
  });

  it("cancel: POST /v1/subscriptions/{id}/cancel with mode and camelCase onExecute", async () => {
    const { client, calls } = testClient(() =>
      json({ ...subscriptionWire, status: "scheduled_cancel", canceled_at: "2025-01-15T10:00:00.000Z" }),
    );
    const sub = await client.subscriptions.cancel("sub_1", { mode: "scheduled", onExecute: "cancel" });
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/subscriptions/sub_1/cancel");
    expect(calls[0]?.body).toEqual({ mode: "scheduled", onExecute: "cancel" });
    expect(sub.status).toBe("scheduled_cancel");
    expect(sub.canceledAt).toEqual(new Date("2025-01-15T10:00:00.000Z"));
  });

  it("cancel: immediate, and with no options an empty body", async () => {
    const { client, calls } = testClient(() => json({ ...subscriptionWire, status: "canceled" }));
    await client.subscriptions.cancel("sub_1", { mode: "immediate" });
    await client.subscriptions.cancel("sub_1");
    expect(calls[0]?.body).toEqual({ mode: "immediate" });
    expect(calls[1]?.body).toEqual({});
  });

  it("pause and resume: POST without a body", async () => {
    const { client, calls } = testClient(() => json({ ...subscriptionWire, status: "paused" }));
    const paused = await client.subscriptions.pause("sub_1");
    await client.subscriptions.resume("sub_1");
    expect(paused.status).toBe("paused");
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ["POST", "/v1/subscriptions/sub_1/pause", undefined],
      ["POST", "/v1/subscriptions/sub_1/resume", undefined],
    ]);
    expect(calls[0]?.headers.get("content-type")).toBeNull();
  });
});
