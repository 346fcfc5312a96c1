// What refunds and disputes do to access, decided from the stored PaymentReversal rows when access is
// read (never when they arrive), so a refund that comes before its purchase counts all the same. Pure.
//
//   dispute of any payment              the subscription or purchase it disputes is suspended for good
//   refund, status "succeeded", the     a one-time purchase is revoked; a subscription loses access for
//     payment refunded in full            the period that payment paid for (a new paid period restores it)
//   refund, partial / failed / pending  recorded only: access is unchanged

const DAY_MS = 24 * 60 * 60 * 1000;

export type ReversalRecord = {
  id: string;
  kind: string;
  status: string;
  amount: number | null;
  currency?: string | null;
  transactionId: string | null;
  transactionPaid: number | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  paidAt: Date | null;
  orderId: string | null;
  subscriptionId: string | null;
  createdAt: Date;
};

/** The columns `ReversalRecord` needs, as a Prisma `select`. */
export const reversalRecordSelect = {
  id: true,
  kind: true,
  status: true,
  amount: true,
  currency: true,
  transactionId: true,
  transactionPaid: true,
  periodStart: true,
  periodEnd: true,
  paidAt: true,
  orderId: true,
  subscriptionId: true,
  createdAt: true,
} as const satisfies Record<keyof ReversalRecord, true>;

export const isDispute = (r: ReversalRecord) => r.kind === "dispute";
export const isSucceededRefund = (r: ReversalRecord) => r.kind === "refund" && r.status === "succeeded";

/**
 * Whether the refunds of one payment add up to all of it. An amount CREEM did not state is taken as the
 * whole payment: when in doubt, a refund revokes (no access without a payment behind it).
 */
export function refundsCoverPayment(refunds: readonly ReversalRecord[], paid: number | null | undefined) {
  if (refunds.length === 0) return false;
  if (typeof paid !== "number" || refunds.some((r) => r.amount === null)) return true;
  return refunds.reduce((sum, r) => sum + (r.amount ?? 0), 0) >= paid;
}

export type PurchaseStanding = {
  disputed: boolean;
  refunded: "full" | "partial" | null;
  /** Sum of succeeded refunds, in minor units. */
  refundedAmount: number;
};

export function purchaseStanding(
  purchase: { id: string; transactionId?: string | null; amount?: number | null },
  reversals: readonly ReversalRecord[],
): PurchaseStanding {
  const own = reversals.filter(
    (r) =>
      r.orderId === purchase.id || (!!purchase.transactionId && r.transactionId === purchase.transactionId),
  );
  const refunds = own.filter(isSucceededRefund);
  const paid = purchase.amount ?? own.find((r) => r.transactionPaid !== null)?.transactionPaid;
  const refundedAmount = refunds.reduce((sum, r) => sum + (r.amount ?? 0), 0);
  return {
    disputed: own.some(isDispute),
    refunded: refundsCoverPayment(refunds, paid) ? "full" : refunds.length > 0 ? "partial" : null,
    refundedAmount,
  };
}

export type SubscriptionStanding = {
  disputed: boolean;
  /** A payment that paid for the whole current period was refunded in full. */
  currentPeriodRefunded: boolean;
};

/**
 * Did this refunded payment pay for the current period? With CREEM's period dates: it covered the whole
 * current period (a mid-period proration charge does not). Without them: it was made within a day of the
 * period's start (where renewals are charged), or, knowing nothing, the refund itself falls in the period.
 */
function paidForCurrentPeriod(
  payment: ReversalRecord,
  sub: { currentPeriodStart: Date | null; currentPeriodEnd: Date | null },
): boolean {
  const start = sub.currentPeriodStart?.getTime();
  const end = sub.currentPeriodEnd?.getTime();
  if (payment.periodEnd && end !== undefined) {
    const coversEnd = payment.periodEnd.getTime() >= end - DAY_MS;
    const coversStart =
      !payment.periodStart || start === undefined || payment.periodStart.getTime() <= start + DAY_MS;
    return coversEnd && coversStart;
  }
  if (payment.paidAt && start !== undefined) return Math.abs(payment.paidAt.getTime() - start) <= DAY_MS;
  return start === undefined || payment.createdAt.getTime() >= start;
}

export function subscriptionStanding(
  sub: { id: string; currentPeriodStart: Date | null; currentPeriodEnd: Date | null },
  reversals: readonly ReversalRecord[],
): SubscriptionStanding {
  const own = reversals.filter((r) => r.subscriptionId === sub.id);
  const byPayment = new Map<string, ReversalRecord[]>();
  for (const refund of own.filter(isSucceededRefund)) {
    const key = refund.transactionId ?? refund.id;
    byPayment.set(key, [...(byPayment.get(key) ?? []), refund]);
  }
  const currentPeriodRefunded = [...byPayment.values()].some(
    (refunds) =>
      refundsCoverPayment(refunds, refunds.find((r) => r.transactionPaid !== null)?.transactionPaid) &&
      paidForCurrentPeriod(refunds[0]!, sub),
  );
  return { disputed: own.some(isDispute), currentPeriodRefunded };
}
