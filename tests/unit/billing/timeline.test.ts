import { describe, expect, it } from "vitest";
import { accessTimeline, type TimelineEventRow } from "@/lib/billing/account/timeline";
import { createPlanCatalog, localProductIds } from "@/lib/billing/plans";
import type { ReversalRecord } from "@/lib/billing/reversals";
import { factsPayload, subscriptionFacts } from "@/lib/billing/webhooks/facts";
import { parseWebhookEvent } from "@/lib/creem";
import {
  checkoutCompleted,
  customer,
  envelope,
  PRODUCTS,
  subscription,
  type SubState,
} from "../../support/creem-payloads";

// The access timeline from stored rows: every kind of event, duplicates, syncs that change nothing, and
// rows handed over in any order.

const catalog = createPlanCatalog(localProductIds());
const GRACE = 7;
const DAY = 24 * 60 * 60 * 1000;
const DEC1 = Date.UTC(2026, 11, 1);
const JAN1 = Date.UTC(2027, 0, 1);
const FEB1 = Date.UTC(2027, 1, 1);
const cust = customer("cust_1", "a@example.com");

const sub = (s: Partial<SubState> = {}): SubState => ({
  id: "sub_1",
  status: "active",
  periodStart: DEC1,
  periodEnd: JAN1,
  ...s,
});

function row(id: string, type: string, at: number, s: SubState): TimelineEventRow {
  return {
    id,
    type,
    createdAt: new Date(at),
    payload: envelope(id, type, at, subscription(s, cust, at)),
  };
}

function syncRow(id: string, at: number, s: SubState): TimelineEventRow {
  const parsed = parseWebhookEvent(envelope(id, "subscription.update", at, subscription(s, cust, at)));
  if (!parsed.ok || parsed.event.kind !== "subscription") throw new Error("bad fixture");
  const facts = subscriptionFacts(parsed.event.object, new Date(at), `sync:${id}`);
  return {
    id: `sync:${id}`,
    type: "sync.subscription",
    createdAt: new Date(at),
    payload: factsPayload(facts),
  };
}

function reversal(
  r: Partial<ReversalRecord> & { id: string; kind: string; createdAt: Date },
): ReversalRecord {
  return {
    status: r.kind === "dispute" ? "open" : "succeeded",
    amount: 1900,
    currency: "USD",
    transactionId: "tran_1",
    transactionPaid: 1900,
    periodStart: null,
    periodEnd: null,
    paidAt: null,
    orderId: null,
    subscriptionId: "sub_1",
    ...r,
  };
}

const timeline = (events: TimelineEventRow[], reversals: ReversalRecord[] = [], limit?: number) =>
  accessTimeline({ events, reversals, catalog, graceDays: GRACE, limit });

const lines = (entries: ReturnType<typeof timeline>) =>
  entries.map((e) => `${e.date} ${e.event} -> ${e.access}`);

const firstPayment = () =>
  checkoutCompleted({
    eventId: "evt_checkout",
    at: DEC1,
    checkoutId: "ch_1",
    customer: cust,
    productId: PRODUCTS.proMonthly,
    orderId: "ord_1",
    subscription: sub(),
  });

describe("accessTimeline", () => {
  it("says a payment gave Pro until the period end, and a failed renewal gives grace", () => {
    const events = [
      { id: "evt_checkout", type: "checkout.completed", createdAt: new Date(DEC1), payload: firstPayment() },
      row("evt_active", "subscription.active", DEC1, sub()),
      row("evt_paid", "subscription.paid", DEC1, sub()),
      row("evt_pd", "subscription.past_due", JAN1 + DAY, sub({ status: "past_due" })),
    ];
    expect(lines(timeline(events))).toEqual([
      "Jan 2, 2027 Payment failed -> Grace until Jan 8, 2027",
      "Dec 1, 2026 First payment succeeded -> Pro until Jan 1, 2027",
    ]);
    expect(timeline(events)[0]).toMatchObject({ statusLabel: "Past due", tone: "warning" });
  });

  it("a later period's failure of the same unpaid run gives no new grace", () => {
    const MAR1 = Date.UTC(2027, 2, 1);
    const events = [
      row("e1", "subscription.paid", DEC1, sub()),
      row(
        "e2",
        "subscription.past_due",
        JAN1 + DAY,
        sub({ status: "past_due", periodStart: JAN1, periodEnd: FEB1 }),
      ),
      row(
        "e3",
        "subscription.past_due",
        FEB1 + DAY,
        sub({ status: "past_due", periodStart: FEB1, periodEnd: MAR1 }),
      ),
    ];
    expect(lines(timeline(events)).slice(0, 2)).toEqual([
      "Feb 2, 2027 Payment failed -> Access ended",
      "Jan 2, 2027 Payment failed -> Grace until Jan 8, 2027",
    ]);
  });

  it("reads a renewal, a plan change, a seat change, a pause and a cancellation", () => {
    const team = { productId: PRODUCTS.teamMonthly, periodStart: JAN1, periodEnd: FEB1 };
    const events = [
      row("e1", "subscription.active", DEC1, sub()),
      row("e2", "subscription.paid", JAN1, sub({ periodStart: JAN1, periodEnd: FEB1 })),
      row("e3", "subscription.update", JAN1 + DAY, sub({ ...team, units: 2 })),
      row("e4", "subscription.update", JAN1 + 2 * DAY, sub({ ...team, units: 4 })),
      row("e5", "subscription.paused", JAN1 + 3 * DAY, sub({ ...team, units: 4 })),
      row("e6", "subscription.canceled", JAN1 + 4 * DAY, sub({ ...team, units: 4 })),
    ];
    expect(lines(timeline(events))).toEqual([
      "Jan 5, 2027 Canceled -> Access ended",
      "Jan 4, 2027 Paused -> Access paused",
      "Jan 3, 2027 Seats 2 → 4 -> Team until Feb 1, 2027",
      "Jan 2, 2027 Plan Pro monthly → Team monthly, seats 1 → 2 -> Team until Feb 1, 2027",
      "Jan 1, 2027 Payment succeeded -> Pro until Feb 1, 2027",
      "Dec 1, 2026 Subscription started -> Pro until Jan 1, 2027",
    ]);
  });

  it("a cancellation at period end keeps access until then", () => {
    const events = [
      row("e1", "subscription.paid", DEC1, sub()),
      row("e2", "subscription.scheduled_cancel", DEC1 + DAY, sub({ status: "scheduled_cancel" })),
      row("e3", "subscription.canceled", DEC1 + 2 * DAY, sub({ status: "canceled" })),
    ];
    expect(lines(timeline(events))).toEqual([
      "Dec 3, 2026 Canceled -> Pro until Jan 1, 2027, then ends",
      "Dec 2, 2026 Cancellation scheduled -> Pro until Jan 1, 2027, then ends",
      "Dec 1, 2026 Payment succeeded -> Pro until Jan 1, 2027",
    ]);
  });

  it("reads a trial, an expired period, and unpaid", () => {
    const events = [
      row("t1", "subscription.trialing", DEC1, sub({ status: "trialing" })),
      row("t2", "subscription.expired", JAN1 + DAY, sub({ status: "active" })),
      row("t3", "subscription.unpaid", JAN1 + 20 * DAY, sub({ status: "unpaid" })),
    ];
    expect(lines(timeline(events))).toEqual([
      "Jan 21, 2027 Payment retries ended -> Access ended",
      // CREEM's own sample of subscription.expired says "active": the event's meaning decides.
      "Jan 2, 2027 Period ended unpaid -> Grace until Jan 8, 2027",
      "Dec 1, 2026 Free trial started -> Pro trial until Jan 1, 2027",
    ]);
  });

  it("a full refund ends access, a partial or failed refund changes nothing, a dispute suspends", () => {
    const events = [row("e1", "subscription.paid", DEC1, sub())];
    const at = (days: number) => new Date(DEC1 + days * DAY);
    const reversals = [
      reversal({ id: "ref_failed", kind: "refund", status: "failed", createdAt: at(1) }),
      reversal({ id: "ref_part", kind: "refund", amount: 500, transactionId: "tran_p", createdAt: at(2) }),
      reversal({ id: "ref_full", kind: "refund", createdAt: at(3) }),
    ];
    expect(lines(timeline(events, reversals))).toEqual([
      "Dec 4, 2026 Refund of $19 -> Access ended (payment refunded)",
      "Dec 3, 2026 Partial refund of $5 -> Pro until Jan 1, 2027",
      "Dec 2, 2026 Refund of $19 failed -> Pro until Jan 1, 2027",
      "Dec 1, 2026 Payment succeeded -> Pro until Jan 1, 2027",
    ]);
    const disputed = timeline(events, [reversal({ id: "disp_1", kind: "dispute", createdAt: at(5) })]);
    expect(disputed[0]).toMatchObject({
      event: "Payment disputed of $19",
      access: "Access suspended (payment disputed)",
      tone: "danger",
    });
  });

  it("a one-time purchase, then its refund", () => {
    const purchase = checkoutCompleted({
      eventId: "evt_life",
      at: DEC1,
      checkoutId: "ch_l",
      customer: cust,
      productId: PRODUCTS.lifetime,
      orderId: "ord_l",
    });
    const events = [
      { id: "evt_life", type: "checkout.completed", createdAt: new Date(DEC1), payload: purchase },
    ];
    const refund = reversal({
      id: "ref_l",
      kind: "refund",
      amount: 29900,
      transactionPaid: 29900,
      transactionId: "tran_ord_l",
      orderId: "ord_l",
      subscriptionId: null,
      createdAt: new Date(DEC1 + DAY),
    });
    expect(lines(timeline(events, [refund]))).toEqual([
      "Dec 2, 2026 Refund of $299 -> Access ended (payment refunded)",
      "Dec 1, 2026 Purchased Lifetime -> Lifetime, paid once",
    ]);
  });

  it("duplicates and syncs that change nothing add no line; a sync that changes something does", () => {
    const paid = row("e1", "subscription.paid", DEC1, sub());
    const events = [
      paid,
      paid,
      syncRow("s1", DEC1 + DAY, sub()),
      syncRow("s2", JAN1 + 4 * DAY, sub({ status: "canceled" })),
    ];
    expect(lines(timeline(events))).toEqual([
      "Jan 5, 2027 Synced from CREEM: canceled -> Access ended",
      "Dec 1, 2026 Payment succeeded -> Pro until Jan 1, 2027",
    ]);
  });

  it("sorts rows by CREEM's event time, whatever order they are handed over in", () => {
    const events = [
      row("late", "subscription.past_due", JAN1 + DAY, sub({ status: "past_due" })),
      row("early", "subscription.paid", DEC1, sub()),
    ];
    expect(timeline(events).map((e) => e.id)).toEqual(["late", "early"]);
    expect(timeline([...events].reverse())).toEqual(timeline(events));
  });

  it("is capped, newest first, and skips rows it cannot read", () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      row(
        `e${i}`,
        "subscription.paid",
        DEC1 + i * 31 * DAY,
        sub({ periodStart: DEC1 + i * 31 * DAY, periodEnd: DEC1 + (i + 1) * 31 * DAY }),
      ),
    );
    events.push({
      id: "junk",
      type: "subscription.paid",
      createdAt: new Date(DEC1),
      payload: { nonsense: true },
    });
    const entries = timeline(events, [], 5);
    expect(entries).toHaveLength(5);
    expect(entries[0]!.id).toBe("e29");
    expect(timeline(events)).toHaveLength(20);
  });

  it("a refund of a payment it does not know yet is recorded and says so", () => {
    const orphan = reversal({
      id: "ref_x",
      kind: "refund",
      subscriptionId: "sub_other",
      createdAt: new Date(DEC1),
    });
    expect(timeline([], [orphan])[0]).toMatchObject({ access: "Applies to the payment once it arrives" });
  });
});
