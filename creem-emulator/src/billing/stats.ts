// Store metrics as CREEM's `GET /v1/stats/summary` reports them (StatsSummaryEntity), computed from the
// emulator's own products, customers, subscriptions and transactions in one currency.
import { periodMonths } from "../core/clock";
import { badRequest } from "../core/errors";
import { platformFee, roundHalfUpDiv } from "../core/money";
import type { Store } from "../state/store";
import type { SubscriptionRecord, TransactionRecord } from "../state/types";
import { applicableDiscount, billingPeriodOf, cycleAmount, mainPrice, priceCharge } from "./pricing";

export type StatsInterval = "day" | "week" | "month";

export interface StatsQuery {
  currency: string;
  /** Epoch milliseconds, both ends included. */
  startDate?: number;
  endDate?: number;
  interval?: StatsInterval;
}

/** Transactions that took money (later refunds and chargebacks are netted out of net revenue). */
const COLLECTED = new Set<TransactionRecord["status"]>(["paid", "partialRefund", "refunded", "chargedBack"]);

/** Subscriptions that have not ended and are not paused. */
const ACTIVE = new Set<SubscriptionRecord["status"]>(["active", "trialing", "past_due", "scheduled_cancel"]);

/** Subscriptions that will be charged at their next renewal (trials have not paid yet). */
const RECURRING = new Set<SubscriptionRecord["status"]>(["active", "past_due", "scheduled_cancel"]);

/** What a payment leaves the seller: the total less tax, CREEM's fee, refunds and a chargeback. */
function netOf(t: TransactionRecord): number {
  const reversed = t.status === "chargedBack" ? t.amount : t.refunded_amount;
  return t.amount - t.tax_amount - platformFee(t.amount) - reversed;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A guard against answering with an enormous series (e.g. daily buckets over decades). */
export const MAX_PERIODS = 1000;

/** Start of the UTC day, ISO week (Monday) or month containing `ms`. */
function bucketStart(ms: number, interval: StatsInterval): number {
  const d = new Date(ms);
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (interval === "day") return day;
  return day - ((d.getUTCDay() + 6) % 7) * DAY_MS;
}

function nextBucket(start: number, interval: StatsInterval): number {
  if (interval === "day") return start + DAY_MS;
  if (interval === "week") return start + 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** One month's worth of a cycle price (yearly / 12, daily x 365 / 12), rounded half up. */
function monthly(amount: number, s: SubscriptionRecord, store: Store): number {
  const period = billingPeriodOf(store, s);
  if (period === "every-day") return roundHalfUpDiv(amount * 365, 12);
  return roundHalfUpDiv(amount, Math.max(1, periodMonths(period)));
}

export function statsSummary(store: Store, q: StatsQuery) {
  const from = q.startDate ?? -Infinity;
  const to = q.endDate ?? Infinity;
  const inRange = (ms: number) => ms >= from && ms <= to;
  const payments = Object.values(store.state.transactions).filter(
    (t) => t.currency === q.currency && COLLECTED.has(t.status) && t.amount > 0,
  );
  const paymentsInRange = payments.filter((t) => inRange(t.created_at));
  const subscriptions = Object.values(store.state.subscriptions).filter(
    (s) => mainPrice(store, s).currency === q.currency,
  );

  let mrr = 0;
  let netMrr = 0;
  for (const s of subscriptions.filter((s) => RECURRING.has(s.status))) {
    // The next renewal's charge: the subscription's prices, less the discount if it still applies then.
    const next = Date.parse(s.current_period_end_date);
    const charge = priceCharge(cycleAmount(store, s), applicableDiscount(store, s, next)).amount;
    mrr += monthly(charge, s, store);
    netMrr += monthly(Math.max(0, charge - platformFee(charge)), s, store);
  }

  const totals = {
    totalProducts: Object.keys(store.state.products).length,
    totalSubscriptions: subscriptions.filter((s) => inRange(Date.parse(s.created_at))).length,
    totalCustomers: Object.values(store.state.customers).filter((c) => inRange(Date.parse(c.created_at)))
      .length,
    totalPayments: paymentsInRange.length,
    activeSubscriptions: subscriptions.filter((s) => ACTIVE.has(s.status)).length,
    totalRevenue: paymentsInRange.reduce((sum, t) => sum + t.amount, 0),
    totalNetRevenue: paymentsInRange.reduce((sum, t) => sum + netOf(t), 0),
    netMonthlyRecurringRevenue: netMrr,
    monthlyRecurringRevenue: mrr,
  };
  if (!q.interval || q.startDate === undefined || q.endDate === undefined) return { totals };

  // Buckets start at the first payment or startDate, whichever is later (no empty leading buckets).
  const first = Math.min(...payments.map((t) => t.created_at));
  const periods: Array<{ timestamp: number; grossRevenue: number; netRevenue: number }> = [];
  if (Number.isFinite(first) && first <= q.endDate) {
    for (
      let start = bucketStart(Math.max(first, q.startDate), q.interval);
      start <= q.endDate;
      start = nextBucket(start, q.interval)
    ) {
      if (periods.length === MAX_PERIODS) {
        throw badRequest(`The range has more than ${MAX_PERIODS} ${q.interval}s; use a larger interval`);
      }
      const end = nextBucket(start, q.interval);
      const inBucket = paymentsInRange.filter((t) => t.created_at >= start && t.created_at < end);
      periods.push({
        timestamp: start,
        grossRevenue: inBucket.reduce((sum, t) => sum + t.amount, 0),
        netRevenue: inBucket.reduce((sum, t) => sum + netOf(t), 0),
      });
    }
  }
  return { totals, periods };
}
