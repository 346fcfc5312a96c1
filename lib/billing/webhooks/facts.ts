import type {
  Checkout,
  CreemWebhookEvent,
  Customer,
  Dispute,
  License,
  Order,
  Refund,
  Subscription,
} from "@/lib/creem";
import { idOf } from "@/lib/creem";

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

/** A refund or dispute of a one-time purchase; final, whatever arrives after it. */
export type PurchaseReversalFact = {
  orderId?: string;
  transactionId?: string;
  customerId?: string;
  kind: "refunded" | "disputed";
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

/** Ways to find the app user an event belongs to, strongest first. */
export type UserHints = { userId?: string; requestId?: string; customerId?: string; email?: string };

export type BillingFacts = {
  at: Date;
  source: string;
  hints: UserHints;
  subscription?: SubscriptionFact;
  purchase?: PurchaseFact;
  reversal?: PurchaseReversalFact;
  licenses: LicenseFact[];
  checkout?: { id: string; requestId?: string };
};

const EPOCH = new Date(0);

function userIdFrom(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const value = metadata?.userId ?? metadata?.user_id;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function emailOf(customer: string | Customer | undefined): string | undefined {
  return typeof customer === "object" ? customer.email?.toLowerCase() : undefined;
}

// Status from the object; an event type implies it when CREEM leaves it out.
function statusFor(sub: Subscription, eventType?: string): string {
  if (sub.status) return sub.status;
  const implied = eventType?.replace("subscription.", "");
  return implied === "paid" || implied === "update" || implied === undefined ? "active" : implied;
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
  return {
    id: sub.id,
    customerId,
    customerEmail: emailOf(sub.customer) ?? fallback.email,
    productId,
    status: statusFor(sub, eventType),
    units: item?.units ?? fallback.units ?? 1,
    currentPeriodStart: sub.currentPeriodStartDate,
    currentPeriodEnd: sub.currentPeriodEndDate,
    canceledAt: sub.canceledAt ?? undefined,
    updatedAt: sub.updatedAt,
  };
}

// Events of one moment can share CREEM's created_at (the local CREEM sends subscription.unpaid and
// .canceled in the same millisecond). Within one time, the later object version wins, then the status
// that comes later in a lifecycle, then the source name, so the winner never depends on arrival order.
const STATUS_RANK: Record<string, number> = {
  past_due: 1,
  paused: 1,
  scheduled_cancel: 1,
  unpaid: 2,
  expired: 2,
  canceled: 3,
};

/** The stored `stateSource`: compared bytewise after `stateAt`, it orders states of the same time. */
export function stateKey(fact: SubscriptionFact, source: string): string {
  const version = fact.updatedAt?.toISOString() ?? "0000-00-00T00:00:00.000Z";
  return `${version}|${STATUS_RANK[fact.status] ?? 0}|${source}`;
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
  const order = typeof checkout.order === "object" ? (checkout.order as Order) : undefined;
  const orderId = idOf(checkout.order);
  const sub = typeof checkout.subscription === "object" ? checkout.subscription : undefined;
  const isOneTime = !checkout.subscription && (order?.type === undefined || order.type === "onetime");
  const facts: BillingFacts = {
    at,
    source,
    hints: {
      userId: userIdFrom(checkout.metadata) ?? userIdFrom(sub?.metadata),
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
    hints: { userId: userIdFrom(sub.metadata), customerId: idOf(sub.customer), email: emailOf(sub.customer) },
    subscription: subscriptionFact(sub, {}, eventType),
    licenses: [],
  };
}

function reversalFacts(
  object: Refund | Dispute,
  kind: "refunded" | "disputed",
  at: Date,
  source: string,
): BillingFacts {
  const customerId = idOf(object.customer);
  // A refund of a subscription payment changes no entitlement by itself: CREEM reports any resulting
  // cancellation with a subscription event.
  const reversal = object.subscription
    ? undefined
    : { orderId: idOf(object.order), transactionId: idOf(object.transaction), customerId, kind };
  return {
    at,
    source,
    hints: { customerId, email: emailOf(object.customer) },
    reversal: reversal && (reversal.orderId || reversal.transactionId) ? reversal : undefined,
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
      return reversalFacts(event.object, "refunded", at, source);
    case "dispute":
      return reversalFacts(event.object, "disputed", at, source);
    case "unhandled":
      return { at, source, hints: {}, licenses: [] };
  }
}
