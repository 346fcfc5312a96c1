// Seat updates and plan changes through the HTTP API, with the clock frozen so that every amount is known
// to the cent. The expected numbers are worked out in the comments (see also tests/unit/creem-emulator).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DISCOUNT_CODES, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, buy, control, startTestEmulator, type Emulator } from "./helpers";

interface WireTransaction {
  id: string;
  amount: number;
  discount_amount: number;
  status: string;
  refunded_amount: number;
  description: string;
  period_start: number;
  period_end: number;
}
interface WireSubscription {
  id: string;
  status: string;
  items: Array<{ units: number; product_id: string }>;
  current_period_start_date: string;
  current_period_end_date: string;
  last_transaction?: WireTransaction;
}
interface EventSummary {
  id: string;
  eventType: string;
}

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.store.reset();
  // Only Date is faked: timers and sockets run normally.
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

const at = (isoTime: string) => vi.setSystemTime(new Date(isoTime));
const LAUNCH20 = { discount_code: DISCOUNT_CODES.launch20 };

/** Buys `productId` (optionally with units/discount) at `when`. */
async function buyAt(when: string, productId: string, extra: Record<string, unknown> = {}) {
  at(when);
  const email = `p${Math.random().toString(36).slice(2)}@example.com`;
  const bought = await buy(emulator, productId, email, extra);
  const original = emulator.store.state.orders[bought.orderId]?.transaction_id ?? "";
  return { ...bought, original };
}

const transactionsOf = (subscriptionId: string) =>
  Object.values(emulator.store.state.transactions).filter((t) => t.subscription_id === subscriptionId);
const refundsOf = (subscriptionId: string) =>
  Object.values(emulator.store.state.refunds).filter(
    (r) => emulator.store.state.transactions[r.transaction_id]?.subscription_id === subscriptionId,
  );
const getTransaction = async (id: string) =>
  (await api<WireTransaction>(emulator, "GET", `/v1/transactions?transaction_id=${id}`)).body;

async function eventsSince(subscriptionId: string, count: number) {
  const { body } = await control<{ items: EventSummary[] }>(
    emulator,
    "GET",
    `/events?subscription_id=${subscriptionId}`,
  );
  return body.items.slice(count);
}
const eventCount = async (subscriptionId: string) => (await eventsSince(subscriptionId, 0)).length;

async function setSeats(subscriptionId: string, units: number, update_behavior: string) {
  const result = await api<WireSubscription>(emulator, "POST", `/v1/subscriptions/${subscriptionId}`, {
    items: [{ units }],
    update_behavior,
  });
  expect(result.status).toBe(200);
  expect(result.body.items[0]?.units).toBe(units);
  return result.body;
}

async function upgrade(subscriptionId: string, productId: string, update_behavior: string) {
  const result = await api<WireSubscription>(
    emulator,
    "POST",
    `/v1/subscriptions/${subscriptionId}/upgrade`,
    {
      product_id: productId,
      update_behavior,
    },
  );
  expect(result.status).toBe(200);
  return result.body;
}

const renewalAmount = async (subscriptionId: string) =>
  (
    await control<{ transaction: { amount: number } }>(
      emulator,
      "POST",
      `/subscriptions/${subscriptionId}/advance`,
      {},
    )
  ).body.transaction.amount;

// Team monthly bought on 1 March 2025 runs to 1 April (31 days); at 16 March 12:00 half of it is left.
const MARCH_1 = "2025-03-01T00:00:00.000Z";
const MID_MARCH = "2025-03-16T12:00:00.000Z";

describe("more seats mid-period", () => {
  it.each([
    ["proration-charge-immediately", {}, 1200, 0, 6000], // 2 seats x 1200 x 1/2; renewal 5 x 1200
    ["proration-charge", {}, 1200, 0, 6000], // deprecated, now the same: charged now, not at renewal
    ["proration-charge-immediately", LAUNCH20, 960, 240, 4800], // 80 % of 1200; renewal 0.8 x 6000
  ] as const)(
    "%s %o: charges %i now (discount %i), the renewal is the plain new price %i",
    async (behavior, extra, charge, discount, renewal) => {
      const { subscriptionId, original } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, {
        units: 3,
        ...extra,
      });
      const before = await eventCount(subscriptionId);
      at(MID_MARCH);
      const updated = await setSeats(subscriptionId, 5, behavior);

      expect(updated.last_transaction).toMatchObject({
        amount: charge,
        discount_amount: discount,
        status: "paid",
        description: "Proration for subscription change",
        period_start: Date.parse(MID_MARCH),
        period_end: Date.parse("2025-04-01T00:00:00.000Z"),
      });
      expect(transactionsOf(subscriptionId).map((t) => t.id)).toEqual([
        original,
        updated.last_transaction?.id,
      ]);
      expect((await eventsSince(subscriptionId, before)).map((e) => e.eventType)).toEqual([
        "subscription.update",
        "subscription.paid",
      ]);
      expect(updated.current_period_end_date).toBe("2025-04-01T00:00:00.000Z");
      expect(await renewalAmount(subscriptionId)).toBe(renewal);
    },
  );
});

describe("fewer seats mid-period", () => {
  it.each([
    ["proration-charge-immediately", {}, 6000, 1200, 3600], // 2 seats x 1200 x 1/2 back; renewal 3 x 1200
    ["proration-charge", {}, 6000, 1200, 3600],
    ["proration-charge-immediately", LAUNCH20, 4800, 960, 2880], // paid 0.8 x 2400 for 2 seats, x 1/2
  ] as const)(
    "%s %o: of the %i paid, refunds %i now to the original payment; renewal %i",
    async (behavior, extra, paid, refunded, renewal) => {
      const { subscriptionId, original, customerId } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, {
        units: 5,
        ...extra,
      });
      const before = await eventCount(subscriptionId);
      at(MID_MARCH);
      await setSeats(subscriptionId, 3, behavior);

      // No new charge; the original payment is partly refunded.
      expect(transactionsOf(subscriptionId).map((t) => t.id)).toEqual([original]);
      expect(await getTransaction(original)).toMatchObject({
        amount: paid,
        status: "partialRefund",
        refunded_amount: refunded,
      });
      const events = await eventsSince(subscriptionId, before);
      expect(events.map((e) => e.eventType)).toEqual(["subscription.update", "refund.created"]);
      const refundEvent = await control<{ payload: { object: Record<string, unknown> } }>(
        emulator,
        "GET",
        `/events/${events[1]?.id}`,
      );
      expect(refundEvent.body.payload.object).toMatchObject({
        object: "refund",
        status: "succeeded",
        refund_amount: refunded,
        refund_currency: "USD",
        reason: "other",
        transaction: { id: original, status: "partialRefund", refunded_amount: refunded },
        subscription: { id: subscriptionId, object: "subscription" },
        customer: { id: customerId },
      });
      expect(refundsOf(subscriptionId)).toHaveLength(1);
      expect(await renewalAmount(subscriptionId)).toBe(renewal);
    },
  );

  it("refunds the rest of a partly refunded payment in full afterwards (status refunded)", async () => {
    const { subscriptionId, original } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, { units: 5 });
    at(MID_MARCH);
    await setSeats(subscriptionId, 3, "proration-charge-immediately");
    const rest = await api<{ status: string }>(emulator, "POST", "/v1/refunds", { transaction_id: original });
    expect(rest.body).toEqual({ status: "succeeded" });
    expect(await getTransaction(original)).toMatchObject({ status: "refunded", refunded_amount: 6000 });
    expect(refundsOf(subscriptionId).map((r) => r.refund_amount)).toEqual([1200, 4800]);
  });

  it("draws a refund beyond the original payment from the period's proration charges", async () => {
    const { subscriptionId, original } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, { units: 1 });
    at(MID_MARCH);
    // +9 seats: 9 x 1200 x 1/2 = 5400 charged; then back to 1 seat: 5400 refunded, 1200 paid originally.
    const charged = (await setSeats(subscriptionId, 10, "proration-charge-immediately")).last_transaction;
    expect(charged?.amount).toBe(5400);
    await setSeats(subscriptionId, 1, "proration-charge-immediately");
    expect(await getTransaction(original)).toMatchObject({ status: "refunded", refunded_amount: 1200 });
    expect(await getTransaction(charged?.id ?? "")).toMatchObject({
      status: "partialRefund",
      refunded_amount: 4200,
    });
  });
});

describe("plan changes to another billing period", () => {
  it.each([
    [{}, 18_050, 0], // 19000 for the year - 1900 x 1/2 unused
    [LAUNCH20, 14_440, 3800], // (19000 - 3800) - 1520 x 1/2
  ] as const)(
    "monthly -> yearly %o: charges %i now and starts a yearly period now",
    async (extra, amount, discount) => {
      const { subscriptionId, original } = await buyAt(MARCH_1, PRODUCT_IDS.proMonthly, extra);
      at(MID_MARCH);
      const upgraded = await upgrade(subscriptionId, PRODUCT_IDS.proYearly, "proration-charge-immediately");
      expect(upgraded.current_period_start_date).toBe(MID_MARCH);
      expect(upgraded.current_period_end_date).toBe("2026-03-16T12:00:00.000Z");
      expect(upgraded.last_transaction).toMatchObject({
        amount,
        discount_amount: discount,
        status: "paid",
        period_start: Date.parse(MID_MARCH),
        period_end: Date.parse("2026-03-16T12:00:00.000Z"),
      });
      expect(transactionsOf(subscriptionId)).toHaveLength(2);
      expect((await getTransaction(original)).status).toBe("paid");
    },
  );

  // Pro yearly bought on 1 January 2025 runs 365 days; at 2 July 12:00 exactly half (182.5 days) is left.
  it.each([
    [{}, 19_000, 7600, 1900], // 19000 x 1/2 unused - 1900 for the first month
    [LAUNCH20, 15_200, 6080, 1520], // 15200 x 1/2 - (1900 - 380)
  ] as const)(
    "yearly -> monthly %o: of %i paid, refunds %i now and starts a monthly period now (renews at %i)",
    async (extra, paid, refunded, monthly) => {
      const { subscriptionId, original } = await buyAt(
        "2025-01-01T00:00:00.000Z",
        PRODUCT_IDS.proYearly,
        extra,
      );
      const before = await eventCount(subscriptionId);
      at("2025-07-02T12:00:00.000Z");
      const downgraded = await upgrade(
        subscriptionId,
        PRODUCT_IDS.proMonthly,
        "proration-charge-immediately",
      );
      expect(downgraded.current_period_start_date).toBe("2025-07-02T12:00:00.000Z");
      expect(downgraded.current_period_end_date).toBe("2025-08-02T12:00:00.000Z");
      expect(transactionsOf(subscriptionId).map((t) => t.id)).toEqual([original]);
      expect(await getTransaction(original)).toMatchObject({
        amount: paid,
        status: "partialRefund",
        refunded_amount: refunded,
      });
      expect((await eventsSince(subscriptionId, before)).map((e) => e.eventType)).toEqual([
        "subscription.update",
        "refund.created",
      ]);
      expect(await renewalAmount(subscriptionId)).toBe(monthly);
    },
  );
});

describe("proration-none", () => {
  it("more seats: no transaction and no refund now; the new price from the next renewal", async () => {
    const { subscriptionId, original } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, { units: 3 });
    const before = await eventCount(subscriptionId);
    at(MID_MARCH);
    await setSeats(subscriptionId, 5, "proration-none");
    expect(transactionsOf(subscriptionId).map((t) => t.id)).toEqual([original]);
    expect(refundsOf(subscriptionId)).toEqual([]);
    expect((await eventsSince(subscriptionId, before)).map((e) => e.eventType)).toEqual([
      "subscription.update",
    ]);
    expect(await renewalAmount(subscriptionId)).toBe(6000);
  });

  it("fewer seats: no refund now; the lower price from the next renewal", async () => {
    const { subscriptionId, original } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, { units: 5 });
    at(MID_MARCH);
    await setSeats(subscriptionId, 3, "proration-none");
    expect(await getTransaction(original)).toMatchObject({ status: "paid", refunded_amount: 0 });
    expect(refundsOf(subscriptionId)).toEqual([]);
    expect(await renewalAmount(subscriptionId)).toBe(3600);
  });

  it("yearly -> monthly: nothing now, the year runs out, then a monthly period at the monthly price", async () => {
    const { subscriptionId, original } = await buyAt("2025-01-01T00:00:00.000Z", PRODUCT_IDS.proYearly);
    at("2025-07-02T12:00:00.000Z");
    const changed = await upgrade(subscriptionId, PRODUCT_IDS.proMonthly, "proration-none");
    expect(changed.current_period_end_date).toBe("2026-01-01T00:00:00.000Z");
    expect(transactionsOf(subscriptionId).map((t) => t.id)).toEqual([original]);
    expect(refundsOf(subscriptionId)).toEqual([]);
    const renewal = await control<{ transaction: WireTransaction; subscription: WireSubscription }>(
      emulator,
      "POST",
      `/subscriptions/${subscriptionId}/advance`,
      {},
    );
    expect(renewal.body.transaction.amount).toBe(1900);
    expect(renewal.body.subscription.current_period_start_date).toBe("2026-01-01T00:00:00.000Z");
    expect(renewal.body.subscription.current_period_end_date).toBe("2026-02-01T00:00:00.000Z");
  });
});

describe("discount windows", () => {
  it("a once discount is not applied to later proration charges", async () => {
    const { subscriptionId } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, {
      units: 3,
      discount_code: DISCOUNT_CODES.save5,
    });
    at(MID_MARCH);
    const updated = await setSeats(subscriptionId, 4, "proration-charge-immediately");
    expect(updated.last_transaction).toMatchObject({ amount: 600, discount_amount: 0 }); // 1200 x 1/2
  });

  it("a repeating discount applies to proration charges only within its months", async () => {
    const created = await api<{ code: string }>(emulator, "POST", "/v1/discounts", {
      name: "Half off for a month",
      code: "HALF1",
      type: "percentage",
      percentage: 50,
      duration: "repeating",
      duration_in_months: 1,
      applies_to_products: [PRODUCT_IDS.teamMonthly],
    });
    expect(created.status).toBe(200);
    const { subscriptionId } = await buyAt(MARCH_1, PRODUCT_IDS.teamMonthly, {
      units: 1,
      discount_code: "HALF1",
    });
    at(MID_MARCH);
    // Within the month: +1 seat = 1200 x 1/2 = 600, half off = 300.
    expect((await setSeats(subscriptionId, 2, "proration-charge-immediately")).last_transaction?.amount).toBe(
      300,
    );
    // Renewal on 1 April is past the month (created 1 March + 1 month = 1 April): full price 2 x 1200.
    expect(await renewalAmount(subscriptionId)).toBe(2400);
    // 16 April 00:00 is half of April (30 days) left: +1 seat = 600, no discount any more.
    at("2025-04-16T00:00:00.000Z");
    expect((await setSeats(subscriptionId, 3, "proration-charge-immediately")).last_transaction?.amount).toBe(
      600,
    );
  });
});

describe("trials", () => {
  it("settles nothing during a trial; the new seat count is billed at trial end", async () => {
    const created = await api<{ id: string }>(emulator, "POST", "/v1/products", {
      name: "Seats with trial",
      description: "",
      price: 1000,
      currency: "USD",
      billing_type: "recurring",
      billing_period: "every-month",
      trial_period_days: 7,
    });
    const { subscriptionId } = await buyAt(MARCH_1, created.body.id, { units: 2 });
    at("2025-03-03T00:00:00.000Z");
    await setSeats(subscriptionId, 4, "proration-charge-immediately");
    expect(transactionsOf(subscriptionId).map((t) => t.amount)).toEqual([0]);
    expect(await renewalAmount(subscriptionId)).toBe(4000);
  });
});
