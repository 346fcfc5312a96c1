import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  purchaseAccess,
  resolveEntitlements,
  subscriptionAccess,
  type BillingState,
  type SubscriptionRecord,
} from "@/lib/billing/entitlements";
import {
  addMonths,
  charge,
  discountOff,
  estimateChange,
  remainingShare,
  type BilledSubscription,
  type DiscountTerms,
} from "@/lib/billing/money";
import { purchaseStanding, refundsCoverPayment, type ReversalRecord } from "@/lib/billing/reversals";
import {
  allows,
  isEnded,
  refusalFor,
  statusInfo,
  SUBSCRIPTION_STATUSES,
  type SubscriptionChange,
} from "@/lib/billing/subscription-status";
import { CHANGE_BEHAVIOR } from "@/lib/billing/subscriptions/proration";
import { testCatalog } from "../../../support/catalog";
import { propertyParams } from "../../../integration/properties/model";

// Properties of the pure billing rules (status table, access, refunds, money): what must hold for every
// input, not only the examples in the other unit tests.

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);
const CHANGES: SubscriptionChange[] = ["change", "pause", "resume", "period_end", "now"];
const status = fc.oneof(fc.constantFrom(...SUBSCRIPTION_STATUSES), fc.stringMatching(/^[a-z_]{0,14}$/));
const date = fc.integer({ min: T - 400 * DAY, max: T + 400 * DAY }).map((ms) => new Date(ms));

const subscriptionRecord: fc.Arbitrary<SubscriptionRecord> = fc
  .record({
    id: fc.constantFrom("sub_a", "sub_b", "sub_c"),
    productId: fc.constantFrom("prod_pro_m", "prod_team_m", "prod_starter", "prod_unknown"),
    status,
    units: fc.integer({ min: 1, max: 100 }),
    start: date,
    days: fc.integer({ min: 1, max: 366 }),
    pastDueSince: fc.option(date, { nil: null }),
    coveredThrough: fc.option(date, { nil: null }),
    cancelIntent: fc.constantFrom(null, "period_end", "none", "immediate"),
    trialStartedAt: fc.option(date, { nil: null }),
  })
  .map(({ start, days, ...r }) => ({
    ...r,
    currentPeriodStart: start,
    currentPeriodEnd: new Date(start.getTime() + days * DAY),
  }));

const reversal = (r: Partial<ReversalRecord>): ReversalRecord => ({
  id: "r",
  kind: "refund",
  status: "succeeded",
  amount: null,
  transactionId: null,
  transactionPaid: null,
  periodStart: null,
  periodEnd: null,
  paidAt: null,
  orderId: null,
  subscriptionId: null,
  createdAt: new Date(T),
  ...r,
});

describe("the status table", () => {
  it("an unknown status grants nothing, has not ended, is no payment problem and reads as its words", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z_]{1,20}$/), (s) => {
        fc.pre(!(SUBSCRIPTION_STATUSES as readonly string[]).includes(s));
        const info = statusInfo(s);
        expect(info).toMatchObject({ access: "no", ended: false, paymentProblem: false, tone: "neutral" });
        expect(info.label.toLowerCase()).toBe(s.replace(/_/g, " ").trim() || "unknown");
        // Names of Object.prototype members are statuses like any other.
        expect(statusInfo("constructor").access).toBe("no");
        expect(statusInfo("__proto__").access).toBe("no");
      }),
      propertyParams(200),
    );
  });

  it("an ended subscription accepts no change; allows() and refusalFor() agree for every status", () => {
    fc.assert(
      fc.property(status, fc.constantFrom(...CHANGES), (s, change) => {
        expect(isEnded(s) && allows(change, s)).toBe(false);
        expect(allows(change, s)).toBe(refusalFor(change, s) === undefined);
      }),
      propertyParams(300),
    );
  });
});

describe("access from stored state", () => {
  it("a disputed or fully refunded subscription grants nothing, in any status at any time", () => {
    fc.assert(
      fc.property(subscriptionRecord, date, fc.boolean(), (sub, now, disputed) => {
        const decision = subscriptionAccess(sub, now, 7, {
          standing: { disputed, currentPeriodRefunded: !disputed },
        });
        expect(decision.granted).toBe(false);
        expect(decision.reason).toBe(disputed ? "disputed" : "refunded");
      }),
      propertyParams(300),
    );
  });

  it("access only ends as time passes: granted at `later` means granted at any earlier moment in the period", () => {
    fc.assert(
      fc.property(
        subscriptionRecord,
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.integer({ min: 0, max: 60 * DAY }),
        (sub, a, b) => {
          const start = sub.currentPeriodStart!.getTime();
          const earlier = new Date(start + Math.min(a, b));
          const later = new Date(start + Math.max(a, b));
          const grantedLater = subscriptionAccess(sub, later, 7).granted;
          expect(grantedLater && !subscriptionAccess(sub, earlier, 7).granted).toBe(false);
        },
      ),
      propertyParams(500),
    );
  });

  it("an unpaid run's grace never outlasts the last period held in good standing plus the grace", () => {
    fc.assert(
      fc.property(
        subscriptionRecord,
        fc.constantFrom("past_due", "expired"),
        date,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 400 * DAY }),
        (record, status, covered, grace, after) => {
          const sub = { ...record, status, coveredThrough: covered };
          const now = new Date(covered.getTime() + grace * DAY + after);
          expect(subscriptionAccess(sub, now, grace).granted).toBe(false);
        },
      ),
      propertyParams(500),
    );
  });

  it("no access is ever granted past the period end plus the longest allowance (grace or stale window)", () => {
    fc.assert(
      fc.property(
        subscriptionRecord,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 400 * DAY }),
        (sub, grace, after) => {
          const horizon = Math.max(
            sub.currentPeriodEnd!.getTime() + 3 * DAY,
            (sub.pastDueSince ?? sub.currentPeriodEnd!).getTime() + grace * DAY,
          );
          expect(subscriptionAccess(sub, new Date(horizon + after), grace).granted).toBe(false);
        },
      ),
      propertyParams(500),
    );
  });

  it("resolveEntitlements does not depend on the order of the stored rows (plan rank and features)", () => {
    const reversals = fc.array(
      fc.record({
        kind: fc.constantFrom("refund", "dispute"),
        status: fc.constantFrom("succeeded", "failed", "pending"),
        amount: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: null }),
        subscriptionId: fc.constantFrom("sub_a", "sub_b", null),
        orderId: fc.constantFrom("ord_a", null),
        transactionId: fc.constantFrom("tran_1", "tran_2", null),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(subscriptionRecord, { selector: (s) => s.id, maxLength: 3 }),
        fc.boolean(),
        reversals,
        date,
        fc.nat(),
        (subs, bought, revs, now, seed) => {
          const state: BillingState = {
            subscriptions: subs,
            purchases: bought
              ? [
                  {
                    id: "ord_a",
                    productId: "prod_life",
                    status: "paid",
                    amount: 29_900,
                    transactionId: "tran_1",
                  },
                ]
              : [],
            reversals: revs.map((r, i) => reversal({ ...r, id: `r${i}` })),
          };
          const shuffled: BillingState = {
            subscriptions: shuffle(state.subscriptions, seed),
            purchases: state.purchases,
            reversals: shuffle(state.reversals, seed + 1),
          };
          const options = { now, graceDays: 7 };
          const a = resolveEntitlements(state, testCatalog, options);
          const b = resolveEntitlements(shuffled, testCatalog, options);
          expect(b.plan.rank).toBe(a.plan.rank);
          expect([...b.features].sort()).toEqual([...a.features].sort());
          expect(b.disputed).toBe(a.disputed);
          expect(new Map(b.decisions)).toEqual(new Map(a.decisions));
        },
      ),
      propertyParams(300),
    );
  });
});

describe("refunds", () => {
  const refund = fc.record({
    status: fc.constantFrom("succeeded", "failed", "pending", "canceled"),
    amount: fc.integer({ min: 1, max: 30_000 }),
  });

  it("a purchase is revoked exactly when its succeeded refunds add up to what was paid, or it is disputed", () => {
    fc.assert(
      fc.property(
        fc.array(refund, { maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 30_000 }),
        (refunds, disputed, paid) => {
          const records = [
            ...refunds.map((r, i) => reversal({ ...r, id: `ref${i}`, orderId: "ord_1" })),
            ...(disputed ? [reversal({ id: "d", kind: "dispute", status: "open", orderId: "ord_1" })] : []),
          ];
          const standing = purchaseStanding({ id: "ord_1", transactionId: null, amount: paid }, records);
          const refunded = refunds
            .filter((r) => r.status === "succeeded")
            .reduce((sum, r) => sum + r.amount, 0);
          const granted = purchaseAccess(
            { id: "ord_1", productId: "prod_life", status: "paid", amount: paid, transactionId: null },
            standing,
          ).granted;
          expect(granted).toBe(!disputed && refunded < paid);
          expect(standing.refundedAmount).toBe(refunded);
        },
      ),
      propertyParams(500),
    );
  });

  it("adding a refund never makes a covered payment uncovered; the order of refunds does not matter", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (amounts, extra, paid) => {
          const records = amounts.map((amount, i) => reversal({ id: `r${i}`, amount }));
          const covered = refundsCoverPayment(records, paid);
          expect(refundsCoverPayment([...records].reverse(), paid)).toBe(covered);
          const more = refundsCoverPayment([...records, reversal({ id: "x", amount: extra })], paid);
          expect(covered && !more).toBe(false);
          expect(covered).toBe(amounts.length > 0 && amounts.reduce((s, a) => s + a, 0) >= paid);
        },
      ),
      propertyParams(500),
    );
  });
});

describe("money", () => {
  const discount: fc.Arbitrary<DiscountTerms | undefined> = fc.option(
    fc.oneof(
      fc.record({
        type: fc.constant("percentage" as const),
        percentage: fc.integer({ min: 1, max: 150 }),
        duration: fc.constant("forever" as const),
      }),
      fc.record({
        type: fc.constant("fixed" as const),
        amount: fc.integer({ min: 1, max: 100_000 }),
        duration: fc.constant("forever" as const),
      }),
    ),
    { nil: undefined },
  );

  it("a discount takes off between nothing and the whole subtotal; the total is what is left", () => {
    fc.assert(
      fc.property(discount, fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), (d, subtotal, applies) => {
        const off = discountOff(d, subtotal);
        expect(off).toBeGreaterThanOrEqual(0);
        expect(off).toBeLessThanOrEqual(subtotal);
        expect(Number.isInteger(off)).toBe(true);
        const c = charge(subtotal, d, applies);
        expect(c.total).toBe(subtotal - c.discount);
        expect(c.discount).toBe(applies ? off : 0);
      }),
      propertyParams(500),
    );
  });

  it("addMonths moves the calendar month exactly and never past the month's last day", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 36 }), (d, months) => {
        const r = addMonths(d, months);
        const monthIndex = (x: Date) => x.getUTCFullYear() * 12 + x.getUTCMonth();
        expect(monthIndex(r) - monthIndex(d)).toBe(months);
        expect(r.getUTCDate()).toBeLessThanOrEqual(d.getUTCDate());
        expect(r.getUTCHours() * 3600 + r.getUTCMinutes() * 60).toBe(
          d.getUTCHours() * 3600 + d.getUTCMinutes() * 60,
        );
      }),
      propertyParams(500),
    );
  });

  const billed = fc
    .record({
      start: date,
      days: fc.integer({ min: 1, max: 366 }),
      units: fc.integer({ min: 1, max: 100 }),
      discount,
    })
    .map(({ start, days, units, discount: d }): BilledSubscription => ({
      status: "active",
      units,
      startedAt: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + days * DAY),
      discount: d,
    }));

  it("the share of the period left is in [0, 1] and shrinks as time passes", () => {
    fc.assert(
      fc.property(billed, date, date, (sub, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const s1 = remainingShare(sub, early);
        const s2 = remainingShare(sub, late);
        expect(s1).toBeGreaterThanOrEqual(0);
        expect(s1).toBeLessThanOrEqual(1);
        expect(s2).toBeLessThanOrEqual(s1);
      }),
      propertyParams(300),
    );
  });

  it("seat changes: more seats charge now, fewer refund now, and up-then-down nets to zero within a cent", () => {
    fc.assert(
      fc.property(
        billed,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 366 * DAY }),
        (sub, units, into) => {
          const now = new Date(sub.currentPeriodStart!.getTime() + into);
          const price = { amount: 4_900, interval: "month" as const };
          const change = (from: BilledSubscription, to: number) =>
            estimateChange({
              sub: from,
              from: { price, perSeat: true },
              to: { price, perSeat: true, units: to },
              now,
            }).dueNow;
          const up = change(sub, units);
          const back = change({ ...sub, units }, sub.units);
          // The same sign as the change in seats (0 for no change).
          expect(Math.sign(up) * Math.sign(units - sub.units)).toBeGreaterThanOrEqual(0);
          expect(units === sub.units ? up : 0).toBe(0);
          expect(Math.abs(up + back)).toBeLessThanOrEqual(1);
        },
      ),
      propertyParams(500),
    );
  });

  it("changes are always billed now, never with proration-none", () => {
    expect(CHANGE_BEHAVIOR).toBe("proration-charge-immediately");
  });
});

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) | 0;
    const j = Math.abs(s) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
