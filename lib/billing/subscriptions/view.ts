import { formatDate, formatMoney } from "@/lib/format";
import type { AccessDecision } from "@/lib/billing/entitlements";
import {
  estimateChange,
  nextRenewal,
  periodSubtotal,
  type BilledSubscription,
  type DiscountTerms,
} from "@/lib/billing/money";
import type { BillingInterval, PlanCatalog, PlanPrice } from "@/lib/billing/plans";
import { allows, isEnded, needsPaymentFix, statusInfo, type Tone } from "@/lib/billing/subscription-status";
import { z } from "zod";
import type { CancelTiming } from "./proration";

export type { Tone };

// How a stored subscription reads on the billing pages: every amount from lib/billing/money.ts (price x
// seats, minus the discount CREEM applies, proration as CREEM charges it), every access word from the
// decision of entitlements.ts. Pure and serialisable (strings, numbers, booleans), so server components
// can hand it to the client forms as is.

export type SubscriptionRow = {
  id: string;
  productId: string;
  status: string;
  units: number;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  canceledAt: Date | null;
  trialEnd: Date | null;
  stateAt: Date;
  startedAt: Date | null;
  discount: unknown;
};

/**
 * What the browser needs to estimate a seat change the way the server would (money.estimateChange):
 * dates as ISO strings.
 */
export type BillingBasis = {
  status: string;
  units: number;
  startedAt: string | null;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
  discount?: DiscountTerms;
  price: { amount: number; currency: string; interval: BillingInterval };
  perSeat: boolean;
};

export function billedSubscription(basis: BillingBasis): BilledSubscription {
  const date = (iso: string | null) => (iso ? new Date(iso) : null);
  return {
    status: basis.status,
    units: basis.units,
    startedAt: date(basis.startedAt),
    currentPeriodStart: date(basis.currentPeriodStart),
    currentPeriodEnd: date(basis.currentPeriodEnd),
    discount: basis.discount,
  };
}

export type SeatPrice = { amount: number; currency: string; interval: "month" | "year" };

export type SubscriptionView = {
  id: string;
  /** When the stored state last changed; the forms poll until it moves after an action. */
  stateAt: string;
  productId: string;
  planName: string;
  /** "Monthly" or "Yearly"; empty for a product the catalog does not know. */
  billing: string;
  /** e.g. "$12 per seat / month" or "$19 / month" (list price). */
  priceLabel: string | null;
  perSeat: boolean;
  seats: number;
  /** Seats this plan may have. */
  seatLimits: { min: number; max: number };
  seatPrice: SeatPrice | null;
  /** What one period costs at list price (price × seats on per-seat plans), e.g. "$36". */
  periodAmount: string | null;
  /** What CREEM is trying to collect while a renewal has failed: the period's price after the discount. */
  overdueAmount: string | null;
  /** The subscription's discount, e.g. "LAUNCH20: 20% off every payment". */
  discountLabel: string | null;
  status: string;
  /** Canceled, or unpaid after CREEM's last retry: nothing left to manage. */
  ended: boolean;
  statusLabel: string;
  statusTone: Tone;
  summary: string;
  /** The next charge CREEM will make: after the discount; `listAmount` when a discount applies to it. */
  nextPayment: { date: string; amount: string; listAmount?: string } | null;
  period: string | null;
  periodEnd: string | null;
  needsPaymentFix: boolean;
  /** Whether this subscription grants access now, and why not when it does not. */
  access: { granted: boolean; note: string | null };
  canChange: boolean;
  /** Why plan and seat changes are not offered now (e.g. during a trial), when they are not. */
  changeRefusal: string | null;
  canPause: boolean;
  canResume: boolean;
  cancelTimings: CancelTiming[];
  /** For the seat form's live estimate; null for a product the catalog does not know. */
  basis: BillingBasis | null;
};

export function billingLabel(interval: PlanPrice["interval"]): string {
  return interval === "year" ? "Yearly" : interval === "month" ? "Monthly" : "One-time";
}

export function priceLabel(price: PlanPrice, perSeat: boolean): string {
  const per = price.interval === "once" ? "" : ` / ${price.interval}`;
  return `${formatMoney(price.amount, price.currency)}${perSeat ? " per seat" : ""}${per}`;
}

export function describeDiscount(discount: DiscountTerms, currency: string): string {
  const off =
    discount.type === "fixed"
      ? `${formatMoney(discount.amount ?? 0, currency)} off`
      : `${discount.percentage ?? 0}% off`;
  const months = discount.months ?? 1;
  const duration =
    discount.duration === "once"
      ? "the first payment"
      : discount.duration === "repeating"
        ? months === 1
          ? "the first month"
          : `the first ${months} months`
        : "every payment";
  return `${discount.code ? `${discount.code}: ` : ""}${off} ${duration}`;
}

/** Why a subscription does not grant access, in words, when the reason is not its status alone. */
const ACCESS_NOTES: Partial<Record<AccessDecision["reason"], string>> = {
  disputed: "Access is suspended: a payment of this subscription is disputed.",
  refunded: "Access is suspended: the payment for this period was refunded.",
  trial_already_used:
    "This account has already had its free trial, so this trial does not unlock paid features.",
  stale: "We could not confirm this subscription with CREEM. Access returns as soon as it is confirmed.",
  grace_period_over: "The grace period after the failed payment is over: paid features are locked.",
};

/** `total` is what the next charge costs ("$36"), `interval` how long a period is. */
function summaryFor(row: SubscriptionRow, total: string | null, interval: string | undefined): string {
  const end = row.currentPeriodEnd ? formatDate(row.currentPeriodEnd) : null;
  switch (row.status) {
    case "active":
      return end && total ? `Renews on ${end} for ${total}.` : "Your subscription is active.";
    case "trialing": {
      const trialEnd = row.trialEnd ?? row.currentPeriodEnd;
      const then = total && interval ? `, then ${total} / ${interval}` : "";
      return trialEnd ? `Free trial until ${formatDate(trialEnd)}${then}.` : `Free trial${then}.`;
    }
    case "scheduled_cancel":
      return end ? `Cancels on ${end}. You keep access until then.` : "Cancels at the end of the period.";
    case "past_due":
      return "The last renewal payment failed and CREEM is retrying it.";
    case "paused":
      return "Paused: you are not being charged, and paid features are locked until you resume.";
    case "canceled":
      return row.canceledAt
        ? `Canceled on ${formatDate(row.canceledAt)}.`
        : "This subscription was canceled.";
    case "expired":
      return "The renewal payment failed and access is suspended. Update your payment method to restore it.";
    case "unpaid":
      return "The renewal payment could not be collected, so this subscription has ended.";
    default:
      return `Status: ${statusInfo(row.status).label}.`;
  }
}

/** The stored discount (Subscription.discount, written from CREEM's by webhooks/facts.ts). */
const discountTermsSchema = z.object({
  code: z.string().optional(),
  type: z.enum(["percentage", "fixed"]),
  percentage: z.number().optional(),
  amount: z.number().optional(),
  duration: z.enum(["forever", "once", "repeating"]),
  months: z.number().optional(),
});

function discountOf(row: SubscriptionRow): DiscountTerms | undefined {
  const parsed = discountTermsSchema.safeParse(row.discount);
  return parsed.success ? parsed.data : undefined;
}

export function describeSubscription(
  row: SubscriptionRow,
  catalog: PlanCatalog,
  decision?: AccessDecision,
): SubscriptionView {
  const entry = catalog.byProductId(row.productId);
  const plan = entry?.plan;
  const perSeat = plan?.perSeat ?? false;
  const price = entry?.price;
  const discount = discountOf(row);
  // A trial's first charge is at the trial end (CREEM reports it as the period end too).
  const trialEnd = row.status === "trialing" ? row.trialEnd : null;
  const billed: BilledSubscription = {
    ...row,
    currentPeriodEnd: trialEnd ?? row.currentPeriodEnd,
    discount,
  };
  const renewal = price ? nextRenewal(billed, price, perSeat) : null;
  const money = (amount: number) => formatMoney(amount, price?.currency ?? "USD");
  const list = price ? periodSubtotal(price, perSeat, row.units) : null;
  const status = statusInfo(row.status);
  const charging = row.status === "active" || row.status === "trialing";
  const periodEnd = row.currentPeriodEnd ? formatDate(row.currentPeriodEnd) : null;
  const note = decision && !decision.granted ? (ACCESS_NOTES[decision.reason] ?? null) : null;
  const suspended = decision?.reason === "disputed" || decision?.reason === "refunded";
  const changeRefusal = status.refuse.change ?? null;
  return {
    id: row.id,
    stateAt: row.stateAt.toISOString(),
    productId: row.productId,
    planName: plan?.name ?? "Subscription",
    billing: price ? billingLabel(price.interval) : "",
    priceLabel: price ? priceLabel(price, perSeat) : null,
    perSeat,
    seats: row.units,
    seatLimits: plan?.seats ?? { min: 1, max: 1 },
    seatPrice:
      price && perSeat && price.interval !== "once"
        ? { amount: price.amount, currency: price.currency, interval: price.interval }
        : null,
    periodAmount: list !== null ? money(list) : null,
    overdueAmount: status.paymentProblem && renewal ? money(renewal.total) : null,
    discountLabel: discount && price ? describeDiscount(discount, price.currency) : null,
    status: row.status,
    ended: isEnded(row.status),
    statusLabel: suspended
      ? decision?.reason === "disputed"
        ? "Payment disputed"
        : "Refunded"
      : row.status === "scheduled_cancel" && periodEnd
        ? `Cancels ${periodEnd}`
        : status.label,
    statusTone: suspended ? "danger" : status.tone,
    summary: note ?? summaryFor(row, renewal ? money(renewal.total) : null, price?.interval),
    nextPayment:
      charging && renewal && !suspended
        ? {
            date: formatDate(renewal.date),
            amount: money(renewal.total),
            ...(renewal.discount > 0 ? { listAmount: money(renewal.subtotal) } : {}),
          }
        : null,
    period:
      row.currentPeriodStart && row.currentPeriodEnd
        ? `${formatDate(row.currentPeriodStart)} – ${formatDate(row.currentPeriodEnd)}`
        : null,
    periodEnd,
    needsPaymentFix: needsPaymentFix(row.status),
    access: { granted: decision?.granted ?? false, note },
    canChange: allows("change", row.status) && !suspended,
    changeRefusal,
    canPause: allows("pause", row.status) && !suspended,
    canResume: allows("resume", row.status),
    cancelTimings: (["period_end", "now"] as const).filter((t) => allows(t, row.status)),
    basis:
      price && price.interval !== "once"
        ? {
            status: row.status,
            units: row.units,
            startedAt: row.startedAt?.toISOString() ?? null,
            currentPeriodStart: row.currentPeriodStart?.toISOString() ?? null,
            currentPeriodEnd: row.currentPeriodEnd?.toISOString() ?? null,
            discount,
            price: { amount: price.amount, currency: price.currency, interval: price.interval },
            perSeat,
          }
        : null,
  };
}

/** What a change costs, in words: "$5.33 charged today", "$3.20 refunded today" or "nothing today". */
export type ChangeCost = { today: string; dueNow: number; renews: string; periodRestarts: boolean };

export function describeChangeCost(
  estimate: ReturnType<typeof estimateChange>,
  currency: string,
  interval: BillingInterval,
): ChangeCost {
  const money = (amount: number) => formatMoney(amount, currency);
  const today =
    estimate.dueNow > 0
      ? `${money(estimate.dueNow)} charged today`
      : estimate.dueNow < 0
        ? `${money(-estimate.dueNow)} refunded today to your original payment method`
        : "Nothing charged or refunded today";
  return {
    today,
    dueNow: estimate.dueNow,
    renews: `then ${money(estimate.renewal.total)} / ${interval} from ${formatDate(estimate.renewal.date)}`,
    periodRestarts: estimate.periodRestarts,
  };
}

export type PlanChoice = {
  productId: string;
  planName: string;
  billing: string;
  priceLabel: string;
  /** What the new plan costs per period with the current seats, e.g. "$36 / month for 3 seats". */
  totalLabel: string;
  /** The total for per-seat plans, else the plan's description. */
  detail: string;
  kind: "upgrade" | "downgrade" | "switch";
  /** What switching costs today and what renews (an estimate), when the subscription can switch. */
  cost?: ChangeCost;
  /** Set when this plan cannot be chosen as things are (e.g. too many seats for a per-account plan). */
  unavailableReason?: string;
};

/** The recurring plans a subscription can move to, in catalog order, each with what it costs. */
export function planChoices(
  sub: { productId: string; seats: number; basis: BillingBasis | null },
  catalog: PlanCatalog,
  now = new Date(),
): PlanChoice[] {
  const current = catalog.byProductId(sub.productId);
  const choices: PlanChoice[] = [];
  for (const plan of catalog.plans) {
    for (const price of plan.prices) {
      if (price.interval === "once" || price === current?.price) continue;
      const perSeat = plan.perSeat;
      const total = formatMoney(periodSubtotal(price, perSeat, sub.seats), price.currency);
      const seats = sub.seats === 1 ? "1 seat" : `${sub.seats} seats`;
      const rank = current?.plan.rank ?? 0;
      const fits = sub.seats >= plan.seats.min && sub.seats <= plan.seats.max;
      const cost =
        current && sub.basis && fits
          ? describeChangeCost(
              estimateChange({
                sub: billedSubscription(sub.basis),
                from: { price: current.price, perSeat: current.plan.perSeat },
                to: { price, perSeat, units: sub.seats },
                now,
              }),
              price.currency,
              price.interval,
            )
          : undefined;
      choices.push({
        productId: price.productId,
        planName: plan.name,
        billing: billingLabel(price.interval),
        priceLabel: priceLabel(price, perSeat),
        totalLabel: perSeat ? `${total} / ${price.interval} for ${seats}` : `${total} / ${price.interval}`,
        detail: perSeat ? `${total} / ${price.interval} for ${seats}` : plan.description,
        kind: plan.rank > rank ? "upgrade" : plan.rank < rank ? "downgrade" : "switch",
        ...(cost ? { cost } : {}),
        ...(!fits
          ? {
              unavailableReason: plan.perSeat
                ? `${plan.name} has ${plan.seats.min} to ${plan.seats.max} seats.`
                : `${plan.name} is for one person. Reduce your seats to 1 first.`,
            }
          : {}),
      });
    }
  }
  return choices;
}
