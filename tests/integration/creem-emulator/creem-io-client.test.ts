// A second oracle: the older `creem_io` 1.1.0 client (CREEM's docs still show it). It has no base-URL
// option, so its test host is routed to the emulator through a fetch wrapper. Every method it exposes is
// enumerated from the client itself and must have a call below, so a new or forgotten method fails.
import { createCreem } from "creem_io";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DISCOUNT_CODES, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import {
  API_KEY,
  WEBHOOK_SECRET,
  control,
  startReceiver,
  startTestEmulator,
  waitFor,
  type Emulator,
} from "./helpers";

const TEST_HOST = "https://test-api.creem.io";

let emulator: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let client: ReturnType<typeof createCreem>;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({ webhookUrl: receiver.url });
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(TEST_HOST)) return realFetch(`${emulator.url}${url.slice(TEST_HOST.length)}`, init);
    if (url.startsWith(emulator.url)) return realFetch(input, init);
    return Promise.reject(new Error(`unexpected request to ${url}`));
  });
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // its deprecation notice
  client = createCreem({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, testMode: true });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await emulator.close();
  await receiver.close();
});

/** What the calls share as they go (ids created by earlier calls). */
const seen: Record<string, string> = {};
const need = (key: string): string => {
  const value = seen[key];
  if (!value) throw new Error(`${key} was not set by an earlier call`);
  return value;
};

type Client = ReturnType<typeof createCreem>;
type Call = (c: Client) => Promise<void>;

/** One entry per method, in the order they run. */
const CALLS: Array<[string, Call]> = [
  [
    "products.create",
    async (c) => {
      const product = await c.products.create({
        name: "creem_io product",
        description: "Made by the creem_io oracle",
        price: 1500,
        currency: "USD",
        billingType: "recurring",
        billingPeriod: "every-month",
        taxMode: "exclusive",
        taxCategory: "saas",
        customField: [{ type: "text", key: "company", label: "Company" }],
      });
      expect(product).toMatchObject({ object: "product", price: 1500, billingPeriod: "every-month" });
      seen.product = product.id;
    },
  ],
  [
    "products.get",
    async (c) => {
      expect(await c.products.get({ productId: need("product") })).toMatchObject({
        name: "creem_io product",
      });
    },
  ],
  [
    "products.list",
    async (c) => {
      const list = await c.products.list({ page: 1, limit: 3 });
      expect(list.items).toHaveLength(3);
      expect(list.pagination).toMatchObject({ totalRecords: 8, totalPages: 3, currentPage: 1, nextPage: 2 });
    },
  ],
  [
    "products.search",
    async (c) => {
      // `query` is not a filter of the API: it is ignored, the page is returned.
      const found = await c.products.search({ query: "Pro", page: 1, limit: 10 });
      expect(found.pagination.totalRecords).toBe(8);
    },
  ],
  [
    "checkouts.create",
    async (c) => {
      const checkout = await c.checkouts.create({
        productId: PRODUCT_IDS.teamMonthly,
        units: 2,
        customer: { email: "creem-io@example.com" },
        successUrl: "http://app.test/return",
        metadata: { source: "creem_io" },
        requestId: "req_creem_io",
      });
      expect(checkout).toMatchObject({ status: "pending", units: 2, requestId: "req_creem_io" });
      seen.checkout = checkout.id;
      expect((await control(emulator, "POST", `/checkouts/${checkout.id}/complete`, {})).status).toBe(200);
    },
  ],
  [
    "checkouts.get",
    async (c) => {
      const checkout = await c.checkouts.get({ checkoutId: need("checkout") });
      expect(checkout.status).toBe("completed");
      const subscription = checkout.subscription as unknown as { id: string };
      const customer = checkout.customer as unknown as { id: string };
      seen.subscription = subscription.id;
      seen.customer = customer.id;
    },
  ],
  [
    "customers.get",
    async (c) => {
      expect(await c.customers.get({ email: "creem-io@example.com" })).toMatchObject({
        id: need("customer"),
      });
      expect(await c.customers.get({ customerId: need("customer") })).toMatchObject({ object: "customer" });
    },
  ],
  [
    "customers.list",
    async (c) => {
      const list = await c.customers.list({ page: 1, limit: 10 });
      expect(list.items.map((customer) => customer.id)).toContain(need("customer"));
    },
  ],
  [
    "customers.createPortal",
    async (c) => {
      const portal = await c.customers.createPortal({ customerId: need("customer") });
      expect(portal.customerPortalLink).toMatch(/\/my-orders\/login\/[0-9a-f]{48}$/);
    },
  ],
  [
    "subscriptions.get",
    async (c) => {
      const subscription = await c.subscriptions.get({ subscriptionId: need("subscription") });
      expect(subscription).toMatchObject({ status: "active", collectionMethod: "charge_automatically" });
      seen.item = subscription.items?.[0]?.id ?? "";
    },
  ],
  [
    "subscriptions.update",
    async (c) => {
      const updated = await c.subscriptions.update({
        subscriptionId: need("subscription"),
        items: [{ id: need("item"), units: 4 }],
        updateBehavior: "proration-charge-immediately",
      });
      expect(updated.items?.[0]?.units).toBe(4);
    },
  ],
  [
    "subscriptions.upgrade",
    async (c) => {
      const upgraded = await c.subscriptions.upgrade({
        subscriptionId: need("subscription"),
        productId: PRODUCT_IDS.teamYearly,
        updateBehavior: "proration-charge-immediately",
      });
      expect(upgraded.product).toMatchObject({ id: PRODUCT_IDS.teamYearly });
    },
  ],
  [
    "subscriptions.pause",
    async (c) => {
      expect((await c.subscriptions.pause({ subscriptionId: need("subscription") })).status).toBe("paused");
    },
  ],
  [
    "subscriptions.resume",
    async (c) => {
      expect((await c.subscriptions.resume({ subscriptionId: need("subscription") })).status).toBe("active");
    },
  ],
  [
    "subscriptions.cancel",
    async (c) => {
      const canceled = await c.subscriptions.cancel({
        subscriptionId: need("subscription"),
        mode: "scheduled",
      });
      expect(canceled.status).toBe("scheduled_cancel");
    },
  ],
  [
    "transactions.list",
    async (c) => {
      const list = await c.transactions.list({ customerId: need("customer"), page: 1, limit: 10 });
      // The purchase, the seat proration and the yearly upgrade, newest first.
      expect(list.items).toHaveLength(3);
      seen.transaction = list.items[list.items.length - 1]?.id ?? "";
    },
  ],
  [
    "transactions.search",
    async (c) => {
      const found = await c.transactions.search({ productId: PRODUCT_IDS.teamMonthly, page: 1, limit: 10 });
      expect(found.items.map((t) => t.id)).toContain(need("transaction"));
    },
  ],
  [
    "transactions.get",
    async (c) => {
      expect(await c.transactions.get({ transactionId: need("transaction") })).toMatchObject({
        object: "transaction",
        amount: 2400,
      });
    },
  ],
  [
    "licenses.activate",
    async (c) => {
      const checkout = await c.checkouts.create({ productId: PRODUCT_IDS.lifetime });
      await control(emulator, "POST", `/checkouts/${checkout.id}/complete`, {
        email: "creem-io-license@example.com",
      });
      // creem_io's Checkout type does not declare `license_keys`; the wire object carries it.
      const done = (await c.checkouts.get({ checkoutId: checkout.id })) as unknown as {
        licenseKeys?: Array<{ key: string }>;
      };
      seen.key = done.licenseKeys?.[0]?.key ?? "";
      const activated = await c.licenses.activate({ key: need("key"), instanceName: "creem_io laptop" });
      expect(activated).toMatchObject({ status: "active", activation: 1, activationLimit: 3 });
      seen.instance = activated.instance?.id ?? "";
    },
  ],
  [
    "licenses.validate",
    async (c) => {
      const valid = await c.licenses.validate({ key: need("key"), instanceId: need("instance") });
      expect(valid.instance).toMatchObject({ id: need("instance"), status: "active" });
    },
  ],
  [
    "licenses.deactivate",
    async (c) => {
      const done = await c.licenses.deactivate({ key: need("key"), instanceId: need("instance") });
      expect(done).toMatchObject({ activation: 0, instance: { status: "deactivated" } });
    },
  ],
  [
    "discounts.create",
    async (c) => {
      const discount = await c.discounts.create({
        name: "creem_io 10%",
        code: "CREEMIO10",
        type: "percentage",
        percentage: 10,
        duration: "forever",
        appliesToProducts: [PRODUCT_IDS.proMonthly],
      });
      expect(discount).toMatchObject({ status: "active", code: "CREEMIO10" });
      seen.discount = discount.id;
    },
  ],
  [
    "discounts.get",
    async (c) => {
      expect(await c.discounts.get({ discountCode: DISCOUNT_CODES.launch20 })).toMatchObject({
        percentage: 20,
      });
      expect(await c.discounts.get({ discountId: need("discount") })).toMatchObject({ code: "CREEMIO10" });
    },
  ],
  [
    "discounts.delete",
    async (c) => {
      expect(await c.discounts.delete({ discountId: need("discount") })).toMatchObject({ status: "deleted" });
    },
  ],
  [
    "stats.getSummary",
    async (c) => {
      const now = Date.now();
      const summary = await c.stats.getSummary({
        currency: "USD",
        startDate: now - 86_400_000,
        endDate: now + 60_000,
        interval: "day",
      });
      expect(summary.totals).toMatchObject({ totalPayments: 4, activeSubscriptions: 1 });
      // Buckets start at the first payment (today), not at startDate: one day, holding all the revenue.
      expect(summary.periods).toEqual([
        {
          timestamp: Date.parse(new Date(now).toISOString().slice(0, 10)),
          grossRevenue: summary.totals.totalRevenue,
          netRevenue: summary.totals.totalNetRevenue,
        },
      ]);
    },
  ],
  [
    "webhooks.handleEvents",
    async (c) => {
      await emulator.webhooks.idle();
      await waitFor(() => receiver.received.length > 0);
      const handled: string[] = [];
      const note = (type: string) => async () => void handled.push(type);
      for (const delivery of receiver.received) {
        await c.webhooks.handleEvents(delivery.body, delivery.signature ?? "", {
          onCheckoutCompleted: note("checkout.completed"),
          onRefundCreated: note("refund.created"),
          onDisputeCreated: note("dispute.created"),
          onSubscriptionActive: note("subscription.active"),
          onSubscriptionTrialing: note("subscription.trialing"),
          onSubscriptionPaid: note("subscription.paid"),
          onSubscriptionPaused: note("subscription.paused"),
          onSubscriptionExpired: note("subscription.expired"),
          onSubscriptionCanceled: note("subscription.canceled"),
          onSubscriptionUnpaid: note("subscription.unpaid"),
          onSubscriptionUpdate: note("subscription.update"),
          onSubscriptionPastDue: note("subscription.past_due"),
          onSubscriptionScheduledCancel: note("subscription.scheduled_cancel"),
        });
      }
      // Every event the emulator sent was verified and handed to its handler.
      expect(handled).toEqual(receiver.events().map((e) => e.eventType));
      expect(new Set(handled)).toEqual(
        new Set([
          "checkout.completed",
          "subscription.active",
          "subscription.paid",
          "subscription.update",
          "subscription.paused",
          "subscription.scheduled_cancel",
        ]),
      );
      await expect(c.webhooks.handleEvents(receiver.received[0]!.body, "0".repeat(64), {})).rejects.toThrow(
        "Invalid webhook signature",
      );
    },
  ],
];

describe("creem_io 1.1.0 against the local CREEM", () => {
  it("has a call below for every method the client exposes", () => {
    const methods = Object.entries(client).flatMap(([resource, group]) =>
      Object.entries(group as Record<string, unknown>)
        .filter(([, value]) => typeof value === "function")
        .map(([method]) => `${resource}.${method}`),
    );
    expect(methods.length).toBeGreaterThan(20);
    expect(CALLS.map(([name]) => name).sort()).toEqual([...methods].sort());
  });

  for (const [name, call] of CALLS) {
    it(name, () => call(client));
  }

  it("surfaces CREEM's error messages", async () => {
    await expect(client.products.get({ productId: "prod_missing" })).rejects.toThrow("Product not found");
  });
});
