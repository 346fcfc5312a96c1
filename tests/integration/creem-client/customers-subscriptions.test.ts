// vitest: isolate (fails when it shares a worker's modules with other files: seen with --sequence.shuffle)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idOf } from "@/lib/creem";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { buy, expectCreemError, startCreem, type TestCreem } from "./helpers";

let creem: TestCreem;
beforeAll(async () => {
  creem = await startCreem();
});
afterAll(() => creem.close());

function subscriptionIdOf(purchase: { subscriptionId: string | undefined }): string {
  if (!purchase.subscriptionId) throw new Error("expected a subscription");
  return purchase.subscriptionId;
}

describe("customers", () => {
  it("gets a customer by id and by e-mail, lists customers page by page, and makes a portal link", async () => {
    const purchases = [];
    for (const n of [1, 2, 3]) {
      purchases.push(await buy(creem, PRODUCT_IDS.proMonthly, `customer-${n}@example.com`));
    }
    const first = purchases[0];
    if (!first) throw new Error("no purchase");

    const customer = await creem.client.customers.get(first.customerId);
    expect(customer).toMatchObject({
      id: first.customerId,
      object: "customer",
      mode: "test",
      email: "customer-1@example.com",
      country: null,
    });
    expect(customer.createdAt).toBeInstanceOf(Date);
    expect(customer.updatedAt).toBeInstanceOf(Date);
    expect(await creem.client.customers.getByEmail("customer-1@example.com")).toEqual(customer);

    const all = await creem.client.customers.list();
    expect(all.items.map((c) => c.email).sort()).toEqual([
      "customer-1@example.com",
      "customer-2@example.com",
      "customer-3@example.com",
    ]);
    expect(all.pagination).toMatchObject({ totalRecords: 3, totalPages: 1, currentPage: 1 });

    const page2 = await creem.client.customers.list({ pageNumber: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
    expect(page2.pagination).toEqual({ totalRecords: 3, totalPages: 2, currentPage: 2, prevPage: 1 });

    const link = await creem.client.customers.createBillingPortalLink(first.customerId);
    expect(link.customerPortalLink).toMatch(new RegExp(`^${creem.emulator.url}/my-orders/login/\\S+$`));
    const portal = await fetch(link.customerPortalLink);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain("customer-1@example.com");
  });

  it("maps unknown customers to not_found", async () => {
    await expectCreemError(creem.client.customers.get("cust_missing"), "not_found", 404);
    await expectCreemError(creem.client.customers.getByEmail("nobody@example.com"), "not_found", 404);
    await expectCreemError(creem.client.customers.createBillingPortalLink("cust_missing"), "not_found", 404);
  });
});

describe("subscriptions", () => {
  it("gets a subscription with product and customer expanded", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.proMonthly, "sub-get@example.com");
    const subscription = await creem.client.subscriptions.get(subscriptionIdOf(purchase));
    expect(subscription).toMatchObject({
      id: purchase.subscriptionId,
      object: "subscription",
      mode: "test",
      status: "active",
      collectionMethod: "charge_automatically",
      product: { id: PRODUCT_IDS.proMonthly, name: "Pro" },
      customer: { id: purchase.customerId, email: "sub-get@example.com" },
      items: [{ object: "subscription_item", productId: PRODUCT_IDS.proMonthly, units: 1 }],
      canceledAt: null,
      lastTransaction: { status: "paid", amount: 1900 },
    });
    expect(subscription.lastTransactionId).toMatch(/^tran_/);
    for (const date of [
      subscription.currentPeriodStartDate,
      subscription.currentPeriodEndDate,
      subscription.nextTransactionDate,
      subscription.lastTransactionDate,
      subscription.createdAt,
    ]) {
      expect(date).toBeInstanceOf(Date);
    }
    expect(subscription.currentPeriodEndDate!.getTime()).toBeGreaterThan(
      subscription.currentPeriodStartDate!.getTime(),
    );
  });

  it("updates the seats of a subscription item", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.teamMonthly, "seats@example.com", { units: 3 });
    const id = subscriptionIdOf(purchase);
    const before = await creem.client.subscriptions.get(id);
    const item = before.items?.[0];
    expect(item).toMatchObject({ productId: PRODUCT_IDS.teamMonthly, units: 3 });
    const after = await creem.client.subscriptions.update(id, {
      items: [{ id: item!.id, units: 5 }],
      updateBehavior: "proration-none",
    });
    expect(after.items).toEqual([{ ...item, units: 5 }]);
    expect(after.status).toBe("active");
    await expectCreemError(
      creem.client.subscriptions.update(id, { items: [{ id: "sitem_missing", units: 2 }] }),
      "not_found",
      404,
    );
  });

  it("upgrades to another product", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.proMonthly, "upgrade@example.com");
    const id = subscriptionIdOf(purchase);
    const upgraded = await creem.client.subscriptions.upgrade(id, {
      productId: PRODUCT_IDS.proYearly,
      updateBehavior: "proration-charge-immediately",
    });
    expect(idOf(upgraded.product)).toBe(PRODUCT_IDS.proYearly);
    expect(upgraded.items?.[0]?.productId).toBe(PRODUCT_IDS.proYearly);
    expect(upgraded.status).toBe("active");
    await expectCreemError(
      creem.client.subscriptions.upgrade(id, { productId: PRODUCT_IDS.proYearly }),
      "bad_request",
      400,
    );
  });

  it("schedules a cancel, resumes, pauses, resumes, then cancels immediately", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.proMonthly, "lifecycle@example.com");
    const id = subscriptionIdOf(purchase);

    const scheduled = await creem.client.subscriptions.cancel(id, { mode: "scheduled", onExecute: "cancel" });
    expect(scheduled.status).toBe("scheduled_cancel");
    expect(scheduled.canceledAt).toBeNull();
    await expectCreemError(creem.client.subscriptions.cancel(id, { mode: "scheduled" }), "conflict", 409);

    const resumed = await creem.client.subscriptions.resume(id);
    expect(resumed.status).toBe("active");

    const paused = await creem.client.subscriptions.pause(id);
    expect(paused.status).toBe("paused");
    await expectCreemError(creem.client.subscriptions.pause(id), "conflict", 409);

    expect((await creem.client.subscriptions.resume(id)).status).toBe("active");
    await expectCreemError(creem.client.subscriptions.resume(id), "conflict", 409);

    const canceled = await creem.client.subscriptions.cancel(id, { mode: "immediate" });
    expect(canceled.status).toBe("canceled");
    expect(canceled.canceledAt).toBeInstanceOf(Date);
    expect(canceled.nextTransactionDate).toBeUndefined();
    expect((await creem.client.subscriptions.get(id)).status).toBe("canceled");

    const error = await expectCreemError(creem.client.subscriptions.cancel(id), "conflict", 409);
    expect(error.endpoint).toBe(`POST /v1/subscriptions/${id}/cancel`);
    await expectCreemError(
      creem.client.subscriptions.upgrade(id, { productId: PRODUCT_IDS.proYearly }),
      "conflict",
      409,
    );
  });

  it("cancels without a mode using the store default (immediate)", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.proMonthly, "default-cancel@example.com");
    const canceled = await creem.client.subscriptions.cancel(subscriptionIdOf(purchase));
    expect(canceled.status).toBe("canceled");
  });

  it("maps unknown subscriptions to not_found", async () => {
    await expectCreemError(creem.client.subscriptions.get("sub_missing"), "not_found", 404);
    await expectCreemError(creem.client.subscriptions.pause("sub_missing"), "not_found", 404);
  });
});
