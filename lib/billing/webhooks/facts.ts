import type {
  AppliedDiscount,
  Checkout,
  CreemWebhookEvent,
  Customer,
  Dispute,
  License,
  Order,
  Refund,
  Subscription,
  Transaction,
} from "@/lib/creem";
import { idOf } from "@/lib/creem";
import type { DiscountTerms } from "@/lib/billing/money";
import { lookup, statusInfo, type SubscriptionStatus } from "@/lib/billing/subscription-status";

// What a CREEM event (or a fetched CREEM object) says, in the app's terms. Pure: no database, no clock.
// `at` is CREEM's time for the state described; `source` names the event (or sync) it came from.
// Stored state only moves to a newer (at, stateKey) pair, so any arrival order ends in the same state.

export type SubscriptionFact = {
  id: string;
  customerId: string;
  customerEmail?: string;
  productId: string;
  status: string;
  units: number;
  currentPeriodStart?: Date;
  currentPeriodEnd?: Date;
  canceledAt?: Date;
  /** CREEM's updated_at of the object, the finer version inside one event time. */
  updatedAt?: Date;
  /** CREEM's created_at of the subscription: where `once` and `repeating` discounts count from. */
  startedAt?: Date;
  discount?: DiscountTerms;
  /**
   * What this fact says about a cancellation, as of its own time: `period_end` (a cancellation at the end
   * of the period is scheduled) or `none` (running normally again, e.g. resumed). Undefined: nothing.
   */
  cancelIntent?: "period_end" | "none";
};

export type PurchaseFact = {
  id: string;
  checkoutId?: string;
  transactionId?: string;
  customerId?: string;
  customerEmail?: string;
  productId?: string;
  amount?: number;
  currency?: string;
  purchasedAt?: Date;
};

/**
 * A refund or dispute of a payment (a subscription's or a one-time purchase's). Stored as told; what it
 * does to access is decided when access is read (lib/billing/reversals.ts), so arrival order is irrelevant.
 */
export type ReversalFact = {
  id: string;
  kind: "refund" | "dispute";
  /** The refund's status ("succeeded", "failed", ...); disputes have none and read "open". */
  status: string;
  amount?: number;
  currency?: string;
  transactionId?: string;
  /** What the reversed payment took from the customer. */
  transactionPaid?: number;
  /** The period the reversed payment paid for, when CREEM says. */
  periodStart?: Date;
  periodEnd?: Date;
  /** When the reversed payment was made. */
  paidAt?: Date;
  orderId?: string;
  subscriptionId?: string;
  customerId?: string;
};

export type LicenseFact = {
  id: string;
  key: string;
  productId: string;
  orderId?: string;
  customerId: string;
  customerEmail?: string;
  status: string;
  activations: number;
  activationLimit: number | null;
  expiresAt: Date | null;
};

/** Ways to find the app user and the workspace an event belongs to (the checkout metadata carries both). */
export type UserHints = {
  userId?: string;
  workspaceId?: string;
  requestId?: string;
  customerId?: string;
  email?: string;
};

export type BillingFacts = {
  at: Date;
  source: string;
  hints: UserHints;
  subscription?: SubscriptionFact;
  purchase?: PurchaseFact;
  reversal?: ReversalFact;
  licenses: LicenseFact[];
  checkout?: { id: string; requestId?: string };
};

const EPOCH = new Date(0);

function userIdFrom(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const value = metadata?.userId ?? metadata?.user_id;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function workspaceIdFrom(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const value = metadata?.workspaceId;
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : undefined;
}

function emailOf(customer: string | Customer | undefined): string | undefined {
  return typeof customer === "object" ? customer.email?.toLowerCase() : undefined;
}

// These events mean their status whatever the object's `status` says: CREEM's own sample of
// `subscription.expired` carries `"status": "active"`, and an expired subscription must not grant access.
// `active`, `paid` and `update` (and syncs) report the object's status.
const EVENT_STATUS: Record<string, SubscriptionStatus> = {
  "subscription.canceled": "canceled",
  "subscription.expired": "expired",
  "subscription.past_due": "past_due",
  "subscription.unpaid": "unpaid",
  "subscription.paused": "paused",
  "subscription.scheduled_cancel": "scheduled_cancel",
  "subscription.trialing": "trialing",
};

function statusFor(sub: Subscription, eventType?: string): string {
  return (eventType && lookup(EVENT_STATUS, eventType)) || sub.status || "active";
}

function cancelIntentOf(status: string): SubscriptionFact["cancelIntent"] {
  if (status === "scheduled_cancel") return "period_end";
  if (status === "active" || status === "trialing") return "none";
  return undefined;
}

// CREEM's nested discount has no `percentage`: for percentage discounts `amount` holds the percent (as the
// SDK and the local CREEM have it); a `percentage` key is read too, should CREEM send one.
export function discountTerms(discount: AppliedDiscount | undefined): DiscountTerms | undefined {
  if (!discount) return undefined;
  const duration =
    discount.duration === "once" || discount.duration === "repeating" ? discount.duration : "forever";
  const base = { code: discount.discountCode, duration, months: discount.durationInMonths } as const;
  if (discount.type === "fixed") {
    // Stryker disable next-line ConditionalExpression: an undefined amount fails `> 0` as well
    return discount.amount !== undefined && discount.amount > 0
      ? { ...base, type: "fixed", amount: Math.round(discount.amount) }
      : undefined;
  }
  const percentage = discount.percentage ?? discount.amount;
  // Stryker disable next-line ConditionalExpression: an undefined percentage fails `> 0` as well
  if (percentage === undefined || !(percentage > 0)) return undefined;
  return { ...base, type: "percentage", percentage: Math.min(percentage, 100) };
}

export function subscriptionFact(
  sub: Subscription,
  fallback: { customerId?: string; email?: string; units?: number },
  eventType?: string,
): SubscriptionFact | undefined {
  const customerId = idOf(sub.customer) ?? fallback.customerId;
  const item = sub.items?.[0];
  const productId = item?.productId ?? idOf(sub.product);
  if (!customerId || !productId) return undefined;
  const status = statusFor(sub, eventType);
  return {
    id: sub.id,
    customerId,
    customerEmail: emailOf(sub.customer) ?? fallback.email,
    productId,
    status,
    units: item?.units ?? fallback.units ?? 1,
    currentPeriodStart: sub.currentPeriodStartDate,
    currentPeriodEnd: sub.currentPeriodEndDate,
    canceledAt: sub.canceledAt ?? undefined,
    updatedAt: sub.updatedAt,
    startedAt: sub.createdAt,
    discount: discountTerms(sub.discount),
    cancelIntent: cancelIntentOf(status),
  };
}

// Events of one moment can share CREEM's created_at (the local CREEM sends subscription.unpaid and
// .canceled in the same millisecond). Within one time, the later object version wins, then the status
// that comes later in a lifecycle (its rank in the status table), then the source name, so the winner
// never depends on arrival order.

/** The stored `stateSource`: compared bytewise after `stateAt`, it orders states of the same time. */
export function stateKey(fact: SubscriptionFact, source: string): string {
  const version = fact.updatedAt?.toISOString() ?? "0000-00-00T00:00:00.000Z";
  return `${version}|${statusInfo(fact.status).rank}|${source}`;
}

function licenseFact(
  license: License,
  orderId: string | undefined,
  customerId: string,
  email?: string,
): LicenseFact | undefined {
  if (!license.key || !license.productId) return undefined;
  return {
    id: license.id,
    key: license.key,
    productId: license.productId,
    orderId,
    customerId,
    customerEmail: email,
    status: license.status ?? "active",
    activations: license.activation ?? 0,
    activationLimit: license.activationLimit ?? null,
    expiresAt: license.expiresAt ?? null,
  };
}

export function checkoutFacts(checkout: Checkout, at: Date, source: string): BillingFacts {
  const customerId = idOf(checkout.customer);
  const email = emailOf(checkout.customer);
  // Stryker disable next-line ConditionalExpression: an order given by id has no fields to read, as undefined
  const order = typeof checkout.order === "object" ? (checkout.order as Order) : undefined;
  const orderId = idOf(checkout.order);
  // Stryker disable next-line ConditionalExpression: a subscription given by id has no product, so no fact
  const sub = typeof checkout.subscription === "object" ? checkout.subscription : undefined;
  const isOneTime = !checkout.subscription && (order?.type === undefined || order.type === "onetime");
  const facts: BillingFacts = {
    at,
    source,
    hints: {
      userId: userIdFrom(checkout.metadata) ?? userIdFrom(sub?.metadata),
      workspaceId: workspaceIdFrom(checkout.metadata) ?? workspaceIdFrom(sub?.metadata),
      requestId: checkout.requestId,
      customerId,
      email,
    },
    licenses: [],
    checkout: { id: checkout.id, requestId: checkout.requestId },
  };
  if (sub) facts.subscription = subscriptionFact(sub, { customerId, email, units: checkout.units });
  if (isOneTime && orderId) {
    facts.purchase = {
      id: orderId,
      checkoutId: checkout.id,
      transactionId: order ? idOf(order.transaction) : undefined,
      customerId,
      customerEmail: email,
      productId: idOf(checkout.product) ?? (order ? idOf(order.product) : undefined),
      amount: order?.amountPaid ?? order?.amount,
      currency: order?.currency,
      purchasedAt: order?.createdAt ?? at,
    };
  }
  if (customerId) {
    // Stryker disable next-line ArrayDeclaration: an entry without a key is skipped, as an empty list is
    for (const license of checkout.licenseKeys ?? []) {
      const fact = licenseFact(license, orderId, customerId, email);
      if (fact) facts.licenses.push(fact);
    }
  }
  return facts;
}

export function subscriptionFacts(
  sub: Subscription,
  at: Date,
  source: string,
  eventType?: string,
): BillingFacts {
  return {
    at,
    source,
    hints: {
      userId: userIdFrom(sub.metadata),
      workspaceId: workspaceIdFrom(sub.metadata),
      customerId: idOf(sub.customer),
      email: emailOf(sub.customer),
    },
    subscription: subscriptionFact(sub, {}, eventType),
    licenses: [],
  };
}

function transactionOf(object: Refund | Dispute): Transaction | undefined {
  // Stryker disable next-line ConditionalExpression: a transaction given by id has no fields to read, as undefined
  return typeof object.transaction === "object" ? object.transaction : undefined;
}

function reversalFacts(
  object: Refund | Dispute,
  kind: "refund" | "dispute",
  at: Date,
  source: string,
): BillingFacts {
  const customerId = idOf(object.customer);
  const transaction = transactionOf(object);
  const refund = kind === "refund" ? (object as Refund) : undefined;
  // Stryker disable next-line ConditionalExpression: `dispute` is read only when `refund` is undefined
  const dispute = kind === "dispute" ? (object as Dispute) : undefined;
  const reversal: ReversalFact = {
    id: object.id,
    kind,
    status: refund ? (refund.status ?? "unknown") : "open",
    // Stryker disable next-line OptionalChaining: without a refund, `dispute` is set
    amount: refund ? refund.refundAmount : dispute?.amount,
    // Stryker disable next-line OptionalChaining: without a refund, `dispute` is set
    currency: refund ? refund.refundCurrency : dispute?.currency,
    transactionId:
      // Stryker disable next-line ConditionalExpression: reached only when the transaction is an id or absent
      transaction?.id ?? (typeof object.transaction === "string" ? object.transaction : undefined),
    transactionPaid: transaction ? (transaction.amountPaid ?? transaction.amount) : undefined,
    periodStart: transaction?.periodStart,
    periodEnd: transaction?.periodEnd,
    paidAt: transaction?.createdAt,
    orderId: idOf(object.order) ?? transaction?.order,
    subscriptionId: idOf(object.subscription) ?? transaction?.subscription,
    customerId,
  };
  return {
    at,
    source,
    hints: { customerId, email: emailOf(object.customer) },
    reversal,
    licenses: [],
  };
}

/** The facts of a verified, parsed webhook event. Unhandled event types carry none. */
export function eventFacts(event: CreemWebhookEvent): BillingFacts {
  const at = event.createdAt ?? EPOCH;
  const source = `event:${event.id}`;
  switch (event.kind) {
    case "checkout":
      return checkoutFacts(event.object, at, source);
    case "subscription":
      return subscriptionFacts(event.object, at, source, event.eventType);
    case "refund":
      return reversalFacts(event.object, "refund", at, source);
    case "dispute":
      return reversalFacts(event.object, "dispute", at, source);
    case "unhandled":
      return { at, source, hints: {}, licenses: [] };
  }
}

/** A sync's facts as stored in the inbox (`sync.*` rows keep the facts, not CREEM's wire object). */
export function factsPayload(facts: BillingFacts): {
  facts: { [key: string]: string | number | boolean | object | null };
} {
  return {
    facts: JSON.parse(JSON.stringify(facts)) as { [key: string]: string | number | boolean | object | null },
  };
}

const DATE_KEYS = new Set([
  "at",
  "currentPeriodStart",
  "currentPeriodEnd",
  "canceledAt",
  "updatedAt",
  "startedAt",
  "purchasedAt",
  "expiresAt",
  "periodStart",
  "periodEnd",
  "paidAt",
]);

/** The facts of a stored `sync.*` inbox row (see factsPayload); undefined when the payload is not one. */
export function factsFromPayload(payload: unknown): BillingFacts | undefined {
  const stored = (payload as { facts?: unknown } | null)?.facts;
  if (!stored || typeof stored !== "object") return undefined;
  return JSON.parse(JSON.stringify(stored), (key, value: unknown) =>
    DATE_KEYS.has(key) && typeof value === "string" ? new Date(value) : value,
  ) as BillingFacts;
}
