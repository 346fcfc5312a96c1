import { formatDate, formatMoney } from "@/lib/format";
import type { CancelTiming } from "@/lib/billing/subscriptions/proration";
import type { PlanCatalog, PlanPrice } from "@/lib/billing/plans";
import { allows, isEnded, needsPaymentFix } from "@/lib/billing/subscriptions/rules";

// How a stored subscription reads on the billing pages. Pure and serialisable (strings, numbers,
// booleans), so server components can hand it to the client forms as is.

export type Tone = "neutral" | "brand" | "success" | "warning" | "danger";

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
};

export type SeatPrice = { amount: number; currency: string; interval: "month" | "year" };

export type SubscriptionView = {
  id: string;
  /** When the stored state last changed; the forms poll until it moves after an action. */
  stateAt: string;
  productId: string;
  planName: string;
  /** "Monthly" or "Yearly"; empty for a product the catalog does not know. */
  billing: string;
  /** e.g. "$12 per seat / month" or "$19 / month". */
  priceLabel: string | null;
  perSeat: boolean;
  seats: number;
  seatPrice: SeatPrice | null;
  /** What one period costs (price × seats on per-seat plans), e.g. "$36". */
  periodAmount: string | null;
  status: string;
  /** Canceled, or unpaid after CREEM's last retry: nothing left to manage. */
  ended: boolean;
  statusLabel: string;
  statusTone: Tone;
  summary: string;
  nextPayment: { date: string; amount: string } | null;
  period: string | null;
  periodEnd: string | null;
  needsPaymentFix: boolean;
  canChange: boolean;
  canPause: boolean;
  canResume: boolean;
  cancelTimings: CancelTiming[];
};

const STATUS: Record<string, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  trialing: { label: "Trial", tone: "brand" },
  scheduled_cancel: { label: "Canceling", tone: "warning" },
  past_due: { label: "Past due", tone: "danger" },
  paused: { label: "Paused", tone: "neutral" },
  canceled: { label: "Canceled", tone: "neutral" },
  unpaid: { label: "Unpaid", tone: "danger" },
  expired: { label: "Expired", tone: "danger" },
};

/** Own keys only: a status named like an Object.prototype member must not find a function. */
export function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function statusOf(status: string): { label: string; tone: Tone } {
  const known = lookup(STATUS, status);
  if (known) return known;
  const words = status.replace(/_/g, " ").trim();
  return { label: words ? words[0]!.toUpperCase() + words.slice(1) : "Unknown", tone: "neutral" };
}

export function billingLabel(interval: PlanPrice["interval"]): string {
  return interval === "year" ? "Yearly" : interval === "month" ? "Monthly" : "One-time";
}

export function priceLabel(price: PlanPrice, perSeat: boolean): string {
  const per = price.interval === "once" ? "" : ` / ${price.interval}`;
  return `${formatMoney(price.amount, price.currency)}${perSeat ? " per seat" : ""}${per}`;
}

/** What one billing period costs: the price, times the seats on per-seat plans. */
export function periodTotal(price: PlanPrice, perSeat: boolean, seats: number): number {
  return perSeat ? price.amount * seats : price.amount;
}

/** `total` is what one period costs ("$36"), `interval` how long a period is. */
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
      return `Status: ${statusOf(row.status).label}.`;
  }
}

export function describeSubscription(row: SubscriptionRow, catalog: PlanCatalog): SubscriptionView {
  const entry = catalog.byProductId(row.productId);
  const perSeat = entry?.plan.perSeat ?? false;
  const price = entry?.price;
  const total = price ? formatMoney(periodTotal(price, perSeat, row.units), price.currency) : null;
  const status = statusOf(row.status);
  const charging = row.status === "active" || row.status === "trialing";
  const nextDate = row.status === "trialing" ? (row.trialEnd ?? row.currentPeriodEnd) : row.currentPeriodEnd;
  const periodEnd = row.currentPeriodEnd ? formatDate(row.currentPeriodEnd) : null;
  return {
    id: row.id,
    stateAt: row.stateAt.toISOString(),
    productId: row.productId,
    planName: entry?.plan.name ?? "Subscription",
    billing: price ? billingLabel(price.interval) : "",
    priceLabel: price ? priceLabel(price, perSeat) : null,
    perSeat,
    seats: row.units,
    seatPrice:
      price && perSeat && price.interval !== "once"
        ? { amount: price.amount, currency: price.currency, interval: price.interval }
        : null,
    periodAmount: total,
    status: row.status,
    ended: isEnded(row.status),
    statusLabel: row.status === "scheduled_cancel" && periodEnd ? `Cancels ${periodEnd}` : status.label,
    statusTone: status.tone,
    summary: summaryFor(row, total, price?.interval),
    nextPayment: charging && nextDate && total ? { date: formatDate(nextDate), amount: total } : null,
    period:
      row.currentPeriodStart && row.currentPeriodEnd
        ? `${formatDate(row.currentPeriodStart)} – ${formatDate(row.currentPeriodEnd)}`
        : null,
    periodEnd,
    needsPaymentFix: needsPaymentFix(row.status),
    canChange: allows("change", row.status),
    canPause: allows("pause", row.status),
    canResume: allows("resume", row.status),
    cancelTimings: (["period_end", "now"] as const).filter((t) => allows(t, row.status)),
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
  /** Set when this plan cannot be chosen as things are (e.g. too many seats for a per-account plan). */
  unavailableReason?: string;
};

/** The recurring plans a subscription can move to, in catalog order. */
export function planChoices(sub: { productId: string; seats: number }, catalog: PlanCatalog): PlanChoice[] {
  const current = catalog.byProductId(sub.productId);
  const choices: PlanChoice[] = [];
  for (const plan of catalog.plans) {
    for (const price of plan.prices) {
      if (price.interval === "once" || price.productId === sub.productId) continue;
      const perSeat = plan.perSeat ?? false;
      const total = formatMoney(periodTotal(price, perSeat, sub.seats), price.currency);
      const seats = sub.seats === 1 ? "1 seat" : `${sub.seats} seats`;
      const rank = current?.plan.rank ?? 0;
      choices.push({
        productId: price.productId,
        planName: plan.name,
        billing: billingLabel(price.interval),
        priceLabel: priceLabel(price, perSeat),
        totalLabel: perSeat ? `${total} / ${price.interval} for ${seats}` : `${total} / ${price.interval}`,
        detail: perSeat ? `${total} / ${price.interval} for ${seats}` : plan.description,
        kind: plan.rank > rank ? "upgrade" : plan.rank < rank ? "downgrade" : "switch",
        ...(!perSeat && sub.seats > 1
          ? { unavailableReason: `${plan.name} is for one person. Reduce your seats to 1 first.` }
          : {}),
      });
    }
  }
  return choices;
}
