import { describe, expect, it } from "vitest";
import {
  purchaseStanding,
  refundsCoverPayment,
  subscriptionStanding,
  type ReversalRecord,
} from "@/lib/billing/reversals";

// What refunds and disputes do to access (lib/billing/reversals.ts), rule by rule: which reversals belong
// to a purchase or subscription, when refunds add up to the whole payment, and which payment paid for the
// current period. The composed decisions are in entitlements.test.ts.

const DAY = 86_400_000;
const start = new Date("2026-06-01T00:00:00Z");
const end = new Date("2026-07-01T00:00:00Z");
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

const refund = (r: Partial<ReversalRecord> = {}): ReversalRecord => ({
  id: "ref_1",
  kind: "refund",
  status: "succeeded",
  amount: 1900,
  currency: "USD",
  transactionId: "tran_1",
  transactionPaid: 1900,
  periodStart: null,
  periodEnd: null,
  paidAt: null,
  orderId: null,
  subscriptionId: null,
  createdAt: at(start, 5),
  ...r,
});

describe("refundsCoverPayment", () => {
  it("no refund covers nothing, even when the payment's amount is unknown", () => {
    expect(refundsCoverPayment([], 1900)).toBe(false);
    expect(refundsCoverPayment([], null)).toBe(false);
    expect(refundsCoverPayment([], undefined)).toBe(false);
  });

  it("refunds of one payment add up: all of it covers, less does not", () => {
    const half = refund({ amount: 950 });
    expect(refundsCoverPayment([half], 1900)).toBe(false);
    expect(refundsCoverPayment([half, refund({ id: "ref_2", amount: 950 })], 1900)).toBe(true);
    expect(refundsCoverPayment([half, refund({ id: "ref_2", amount: 949 })], 1900)).toBe(false);
  });

  it("when in doubt a refund revokes: an amount CREEM did not state, or an unknown payment", () => {
    expect(refundsCoverPayment([refund({ amount: 100 }), refund({ id: "ref_2", amount: null })], 1900)).toBe(
      true,
    );
    expect(refundsCoverPayment([refund({ amount: 100 })], null)).toBe(true);
    expect(refundsCoverPayment([refund({ amount: 100 })], undefined)).toBe(true);
  });
});

describe("purchaseStanding", () => {
  const purchase = { id: "ord_1", transactionId: "tran_1", amount: 29900 };

  it("only succeeded refunds count: a failed or pending refund of everything changes nothing", () => {
    for (const status of ["failed", "pending", "canceled"]) {
      expect(purchaseStanding(purchase, [refund({ orderId: "ord_1", status, amount: 29900 })])).toEqual({
        disputed: false,
        refunded: null,
        refundedAmount: 0,
      });
    }
  });

  it("says full, partial or nothing, with the amount refunded", () => {
    expect(purchaseStanding(purchase, [])).toEqual({ disputed: false, refunded: null, refundedAmount: 0 });
    expect(purchaseStanding(purchase, [refund({ orderId: "ord_1", amount: 10000 })])).toEqual({
      disputed: false,
      refunded: "partial",
      refundedAmount: 10000,
    });
    expect(purchaseStanding(purchase, [refund({ orderId: "ord_1", amount: 29900 })])).toEqual({
      disputed: false,
      refunded: "full",
      refundedAmount: 29900,
    });
  });

  it("a dispute marks the purchase whatever its amount, and is never counted as a refund", () => {
    const dispute = refund({ kind: "dispute", status: "open", orderId: "ord_1", amount: 100 });
    expect(purchaseStanding(purchase, [dispute])).toEqual({
      disputed: true,
      refunded: null,
      refundedAmount: 0,
    });
    // Whatever status a dispute reports, its amount is not money given back.
    const settled = refund({ kind: "dispute", status: "succeeded", orderId: "ord_1", amount: 29900 });
    expect(purchaseStanding(purchase, [settled])).toEqual({
      disputed: true,
      refunded: null,
      refundedAmount: 0,
    });
  });

  it("reversals of another purchase do not count; the payment is found by order or transaction", () => {
    const other = refund({ orderId: "ord_2", transactionId: "tran_2", amount: 29900 });
    const disputeOfOther = refund({
      kind: "dispute",
      status: "open",
      orderId: "ord_2",
      transactionId: "tran_2",
    });
    expect(purchaseStanding(purchase, [other, disputeOfOther])).toEqual({
      disputed: false,
      refunded: null,
      refundedAmount: 0,
    });
    // Named by its transaction only (CREEM left the order out).
    expect(purchaseStanding(purchase, [refund({ amount: 29900 })]).refunded).toBe("full");
  });

  it("a purchase without a transaction id is not matched by reversals that have none either", () => {
    const bare = { id: "ord_1", transactionId: null, amount: 29900 };
    const unrelated = refund({ orderId: "ord_9", transactionId: null, amount: 29900 });
    expect(purchaseStanding(bare, [unrelated]).refunded).toBeNull();
  });

  it("without the purchase's amount, the payment is what a reversal says it was", () => {
    const unknown = { id: "ord_1", transactionId: "tran_1", amount: null };
    const failedWithoutAmount = refund({
      id: "ref_0",
      orderId: "ord_1",
      status: "failed",
      transactionPaid: null,
    });
    const partial = refund({ id: "ref_1", orderId: "ord_1", amount: 1000, transactionPaid: 29900 });
    expect(purchaseStanding(unknown, [failedWithoutAmount, partial]).refunded).toBe("partial");
    // Nobody said what was paid: a succeeded refund revokes (no access without a payment behind it).
    expect(
      purchaseStanding(unknown, [refund({ orderId: "ord_1", amount: 1000, transactionPaid: null })]).refunded,
    ).toBe("full");
    // Only a dispute, saying nothing about the payment.
    const dispute = refund({ kind: "dispute", status: "open", orderId: "ord_1", transactionPaid: null });
    expect(purchaseStanding(unknown, [dispute])).toEqual({
      disputed: true,
      refunded: null,
      refundedAmount: 0,
    });
  });
});

describe("subscriptionStanding", () => {
  type Period = { id: string; currentPeriodStart: Date | null; currentPeriodEnd: Date | null };
  const sub: Period = { id: "sub_1", currentPeriodStart: start, currentPeriodEnd: end };
  const own = (r: Partial<ReversalRecord>) => refund({ subscriptionId: "sub_1", ...r });
  const refunded = (s: Period, ...reversals: ReversalRecord[]) =>
    subscriptionStanding(s, reversals).currentPeriodRefunded;

  it("only this subscription's reversals count", () => {
    const other = refund({ subscriptionId: "sub_2", periodStart: start, periodEnd: end });
    const disputeOfOther = refund({ kind: "dispute", status: "open", subscriptionId: "sub_2" });
    expect(subscriptionStanding(sub, [other, disputeOfOther])).toEqual({
      disputed: false,
      currentPeriodRefunded: false,
    });
    expect(subscriptionStanding(sub, [own({ kind: "dispute", status: "open" })]).disputed).toBe(true);
  });

  describe("with CREEM's period dates on the payment", () => {
    it("a payment for the whole current period (within a day either side) counts", () => {
      expect(refunded(sub, own({ periodStart: start, periodEnd: end }))).toBe(true);
      expect(refunded(sub, own({ periodStart: at(start, 1), periodEnd: at(end, -1) }))).toBe(true);
      // No start on the payment: its end decides.
      expect(refunded(sub, own({ periodEnd: end }))).toBe(true);
    });

    it("a payment that ends earlier (last period) or starts later (a proration) does not", () => {
      expect(refunded(sub, own({ periodStart: at(start, -30), periodEnd: at(end, -1.01) }))).toBe(false);
      expect(refunded(sub, own({ periodStart: at(start, 1.01), periodEnd: end }))).toBe(false);
    });

    it("a subscription without a period start takes the payment's end alone", () => {
      const noStart = { ...sub, currentPeriodStart: null };
      expect(refunded(noStart, own({ periodStart: at(start, 10), periodEnd: end }))).toBe(true);
      expect(refunded(noStart, own({ periodStart: at(start, 10), periodEnd: at(end, -2) }))).toBe(false);
    });
  });

  describe("without them", () => {
    it("a payment made within a day of the period start paid for it; one made mid-period did not", () => {
      expect(refunded(sub, own({ paidAt: start }))).toBe(true);
      expect(refunded(sub, own({ paidAt: at(start, -1) }))).toBe(true);
      expect(refunded(sub, own({ paidAt: at(start, 1) }))).toBe(true);
      expect(refunded(sub, own({ paidAt: at(start, 1.01) }))).toBe(false);
      expect(refunded(sub, own({ paidAt: at(start, -1.01) }))).toBe(false);
      // The payment has its period end but the subscription has none: the payment date decides.
      const noEnd = { ...sub, currentPeriodEnd: null };
      expect(refunded(noEnd, own({ paidAt: at(start, 10), periodEnd: end }))).toBe(false);
      expect(refunded(noEnd, own({ paidAt: start, periodEnd: end }))).toBe(true);
    });

    it("knowing nothing of the payment, a refund made in the current period counts", () => {
      expect(refunded(sub, own({ createdAt: start }))).toBe(true);
      expect(refunded(sub, own({ createdAt: at(start, 3) }))).toBe(true);
      expect(refunded(sub, own({ createdAt: new Date(start.getTime() - 1) }))).toBe(false);
      // A subscription without period dates: any full refund counts.
      const noDates = { id: "sub_1", currentPeriodStart: null, currentPeriodEnd: null };
      expect(refunded(noDates, own({ paidAt: start, createdAt: at(start, -100) }))).toBe(true);
    });
  });

  it("refunds of one payment add up; refunds of different payments do not", () => {
    const half = (id: string, transactionId: string) =>
      own({ id, transactionId, amount: 950, periodStart: start, periodEnd: end });
    expect(refunded(sub, half("ref_a", "tran_1"), half("ref_b", "tran_1"))).toBe(true);
    expect(refunded(sub, half("ref_a", "tran_1"), half("ref_b", "tran_2"))).toBe(false);
    // Without transaction ids each refund stands alone.
    const alone = (id: string) =>
      own({ id, transactionId: null, amount: 950, periodStart: start, periodEnd: end });
    expect(refunded(sub, alone("ref_a"), alone("ref_b"))).toBe(false);
  });

  it("what was paid comes from whichever refund of the payment states it", () => {
    const first = own({
      id: "ref_a",
      amount: 500,
      transactionPaid: null,
      periodStart: start,
      periodEnd: end,
    });
    const second = own({
      id: "ref_b",
      amount: 500,
      transactionPaid: 1900,
      periodStart: start,
      periodEnd: end,
    });
    expect(refunded(sub, first, second)).toBe(false);
    expect(refunded(sub, first, own({ ...second, amount: 1400 }))).toBe(true);
  });

  it("only succeeded refunds count", () => {
    expect(refunded(sub, own({ status: "failed", periodStart: start, periodEnd: end }))).toBe(false);
    expect(refunded(sub, own({ kind: "dispute", status: "open", periodStart: start, periodEnd: end }))).toBe(
      false,
    );
  });
});
