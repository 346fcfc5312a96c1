import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCheckout, syncSubscription } from "@/lib/billing/webhooks/sync";
import { buy, startCreem, type TestCreem } from "./creem-client/helpers";
import { testDb } from "./support/db";
import { deliver, uid } from "./webhooks/support";
import { customer, envelope, subscription } from "../support/creem-payloads";

const db = testDb();
let creem: TestCreem;

beforeAll(async () => {
  creem = await startCreem(); // no webhook URL: only the sync writes state here
});
afterAll(() => creem.close());

describe("sync from CREEM", () => {
  it("writes a completed subscription checkout for its user, like the webhook would", async () => {
    const user = await db.user.create({ data: { email: `${uid("sync")}@example.com` } });
    const purchase = await buy(creem, "prod_local_pro_monthly", user.email);
    const result = await syncCheckout(db, creem.client, purchase.checkoutId);
    expect(result).toMatchObject({
      status: "completed",
      outcome: "applied",
      subscriptionId: purchase.subscriptionId,
    });
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId! } });
    expect(stored).toMatchObject({ userId: user.id, status: "active", productId: "prod_local_pro_monthly" });
    expect(
      (await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: user.id } })).creemCustomerId,
    ).toBe(purchase.customerId);

    // Syncing again changes nothing; syncing the subscription itself agrees on the state.
    expect((await syncCheckout(db, creem.client, purchase.checkoutId)).outcome).toBe("stale");
    await syncSubscription(db, creem.client, purchase.subscriptionId!);
    expect(
      await db.subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId! } }),
    ).toMatchObject({
      userId: user.id,
      status: "active",
      productId: "prod_local_pro_monthly",
      currentPeriodEnd: stored.currentPeriodEnd,
    });
  });

  it("picks up a change made in CREEM (pause) and a one-time purchase with its license", async () => {
    const user = await db.user.create({ data: { email: `${uid("sync")}@example.com` } });
    const sub = await buy(creem, "prod_local_pro_monthly", user.email);
    await creem.client.subscriptions.pause(sub.subscriptionId!);
    expect(await syncSubscription(db, creem.client, sub.subscriptionId!)).toBe("applied");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.subscriptionId! } })).status).toBe(
      "paused",
    );

    const lifetime = await buy(creem, "prod_local_lifetime", user.email);
    expect((await syncCheckout(db, creem.client, lifetime.checkoutId)).orderId).toBe(lifetime.orderId);
    expect(await db.purchase.findUniqueOrThrow({ where: { id: lifetime.orderId } })).toMatchObject({
      status: "paid",
      userId: user.id,
    });
    expect(await db.licenseKey.count({ where: { orderId: lifetime.orderId, userId: user.id } })).toBe(1);
  });

  it("reports a checkout that is not paid yet without writing anything", async () => {
    const checkout = await creem.client.checkouts.create({ productId: "prod_local_pro_monthly" });
    expect(await syncCheckout(db, creem.client, checkout.id)).toEqual({ status: "pending" });
  });

  it("never overwrites newer webhook state", async () => {
    const user = await db.user.create({ data: { email: `${uid("sync")}@example.com` } });
    const purchase = await buy(creem, "prod_local_pro_monthly", user.email);
    // A webhook from the future (newer than CREEM's updated_at) says canceled.
    const later = Date.now() + 60_000;
    const canceled = subscription(
      { id: purchase.subscriptionId!, status: "canceled", periodStart: 0, periodEnd: later },
      customer(purchase.customerId, user.email),
      later,
    );
    expect((await deliver(db, envelope(uid("evt"), "subscription.canceled", later, canceled))).status).toBe(
      200,
    );
    expect(await syncSubscription(db, creem.client, purchase.subscriptionId!)).toBe("stale");
    expect(
      (await db.subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId! } })).status,
    ).toBe("canceled");
  });
});
