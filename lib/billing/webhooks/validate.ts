import type { CreemWebhookEvent } from "@/lib/creem";
import { isSubscriptionStatus, statusInfo } from "@/lib/billing/subscription-status";
import type { BillingFacts, LicenseFact, PurchaseFact, ReversalFact, SubscriptionFact } from "./facts";

// What a signed event must look like before it may change billing state. CREEM signs what it sends, but a
// bug (theirs or a proxy's) must not store nonsense: seats of -5, a negative price, an active subscription
// without a period end, or an event time in the year 275760 that would make every later genuine event of
// that subscription "stale" forever. An event that fails here is recorded as invalid (see inbox.ts), answered
// 2xx so CREEM stops retrying, and changes nothing. Pure: the time of receipt is passed in.

/** How far ahead of our clock CREEM's event time may be (clock skew); further is refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** The window every stored date must fall in (PostgreSQL and the app both handle these safely). */
export const EARLIEST_DATE = new Date("1970-01-01T00:00:00Z");
export const LATEST_DATE = new Date("2200-01-01T00:00:00Z");
/** Minor units: ten million in any currency; PostgreSQL's integer ends at 2.1 billion. */
export const MAX_AMOUNT = 1_000_000_000;
export const MAX_UNITS = 100_000;
const MAX_COUNT = 1_000_000;

const ID = /^[\x21-\x7e]{1,255}$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const WORD = /^[A-Za-z_-]{1,50}$/;

type Check = (problems: string[]) => void;

function id(name: string, value: string | undefined, required = true): Check {
  return (problems) => {
    if (value === undefined) {
      if (required) problems.push(`${name} is missing`);
    } else if (!ID.test(value)) problems.push(`${name} is not an id (1-255 printable characters, no spaces)`);
  };
}

function text(name: string, value: string | undefined, max: number): Check {
  return (problems) => {
    if (value !== undefined && (value.length === 0 || value.length > max))
      problems.push(`${name} must be 1-${max} characters`);
  };
}

function integer(name: string, value: number | null | undefined, min: number, max: number): Check {
  return (problems) => {
    if (value === undefined || value === null) return;
    if (!Number.isSafeInteger(value) || value < min || value > max)
      problems.push(`${name} must be an integer from ${min} to ${max}`);
  };
}

function date(name: string, value: Date | null | undefined, latest = LATEST_DATE): Check {
  return (problems) => {
    if (value === undefined || value === null) return;
    const t = value.getTime();
    if (Number.isNaN(t) || t < EARLIEST_DATE.getTime() || t > latest.getTime())
      problems.push(`${name} is outside ${EARLIEST_DATE.toISOString()} .. ${latest.toISOString()}`);
  };
}

function money(prefix: string, amount: number | undefined, currency: string | undefined): Check[] {
  return [
    integer(`${prefix} amount`, amount, 0, MAX_AMOUNT),
    (problems) => {
      if (currency !== undefined && !CURRENCY.test(currency))
        problems.push(`${prefix} currency must be a 3-letter code`);
    },
  ];
}

function subscriptionChecks(s: SubscriptionFact, latest: Date): Check[] {
  const info = isSubscriptionStatus(s.status) ? statusInfo(s.status) : undefined;
  return [
    id("subscription id", s.id),
    id("subscription customer", s.customerId),
    id("subscription product", s.productId),
    text("subscription customer email", s.customerEmail, 320),
    (problems) => {
      if (!info) problems.push(`subscription status "${s.status.slice(0, 50)}" is not one this app knows`);
    },
    integer("subscription units", s.units, 1, MAX_UNITS),
    date("current_period_start_date", s.currentPeriodStart),
    date("current_period_end_date", s.currentPeriodEnd),
    date("canceled_at", s.canceledAt),
    date("subscription updated_at", s.updatedAt, latest),
    date("subscription created_at", s.startedAt, latest),
    (problems) => {
      // Access of these statuses runs to the end of the period: without one it would never end.
      if (info && (info.access === "yes" || info.access === "until_period_end") && !s.currentPeriodEnd)
        problems.push(`a ${s.status} subscription needs a readable current_period_end_date`);
      if (s.currentPeriodStart && s.currentPeriodEnd && s.currentPeriodEnd < s.currentPeriodStart)
        problems.push("current_period_end_date is before current_period_start_date");
    },
    ...(s.discount
      ? [
          text("discount code", s.discount.code, 255),
          integer("discount amount", s.discount.amount, 0, MAX_AMOUNT),
          integer("discount duration_in_months", s.discount.months, 0, 1200),
        ]
      : []),
  ];
}

function purchaseChecks(p: PurchaseFact): Check[] {
  return [
    id("order id", p.id),
    id("checkout id", p.checkoutId, false),
    id("transaction id", p.transactionId, false),
    id("order customer", p.customerId, false),
    id("order product", p.productId, false),
    text("order customer email", p.customerEmail, 320),
    ...money("order", p.amount, p.currency),
    date("order created_at", p.purchasedAt),
  ];
}

function reversalChecks(r: ReversalFact): Check[] {
  return [
    id(`${r.kind} id`, r.id),
    (problems) => {
      if (!WORD.test(r.status)) problems.push(`${r.kind} status must be a word`);
    },
    ...money(r.kind, r.amount, r.currency),
    integer("transaction amount_paid", r.transactionPaid, 0, MAX_AMOUNT),
    id("transaction id", r.transactionId, false),
    id(`${r.kind} order`, r.orderId, false),
    id(`${r.kind} subscription`, r.subscriptionId, false),
    id(`${r.kind} customer`, r.customerId, false),
    date("transaction period_start", r.periodStart),
    date("transaction period_end", r.periodEnd),
    date("transaction created_at", r.paidAt),
  ];
}

function licenseChecks(l: LicenseFact): Check[] {
  return [
    id("license id", l.id),
    text("license key", l.key, 255),
    id("license product", l.productId),
    id("license customer", l.customerId),
    id("license order", l.orderId, false),
    text("license customer email", l.customerEmail, 320),
    (problems) => {
      if (!WORD.test(l.status)) problems.push("license status must be a word");
    },
    integer("license activation", l.activations, 0, MAX_COUNT),
    integer("license activation_limit", l.activationLimit, 0, MAX_COUNT),
    date("license expires_at", l.expiresAt),
  ];
}

/**
 * Why a parsed event may not be applied, or undefined when it may. `receivedAt` bounds CREEM's times: an
 * event (or object version) from more than MAX_FUTURE_SKEW_MS in the future is refused.
 */
export function invalidReason(
  event: CreemWebhookEvent,
  facts: BillingFacts,
  receivedAt: Date,
): string | undefined {
  const latest = new Date(receivedAt.getTime() + MAX_FUTURE_SKEW_MS);
  const problems: string[] = [];
  if (!event.createdAt) problems.push("created_at is missing or unreadable");
  const checks: Check[] = [
    date("created_at", event.createdAt, latest),
    id("metadata userId", facts.hints.userId, false),
    text("request_id", facts.hints.requestId, 255),
    id("customer id", facts.hints.customerId, false),
    text("customer email", facts.hints.email, 320),
  ];
  if (event.kind === "subscription" && !facts.subscription)
    problems.push("subscription without a customer or product");
  if (facts.subscription) checks.push(...subscriptionChecks(facts.subscription, latest));
  if (facts.purchase) checks.push(...purchaseChecks(facts.purchase));
  if (facts.reversal) checks.push(...reversalChecks(facts.reversal));
  for (const license of facts.licenses) checks.push(...licenseChecks(license));
  if (facts.checkout) checks.push(id("checkout id", facts.checkout.id));
  for (const check of checks) check(problems);
  return problems.length > 0 ? problems.slice(0, 5).join("; ") : undefined;
}
