import { parseWebhookEvent } from "@/lib/creem";
import { formatDate, formatMoney } from "@/lib/format";
import {
  purchaseAccess,
  subscriptionAccess,
  type AccessDecision,
  type SubscriptionRecord,
} from "@/lib/billing/entitlements";
import type { PlanCatalog } from "@/lib/billing/plans";
import {
  purchaseStanding,
  subscriptionStanding,
  isDispute,
  isSucceededRefund,
  type ReversalRecord,
} from "@/lib/billing/reversals";
import { inGoodStanding, statusInfo, type Tone } from "@/lib/billing/subscription-status";
import { failedRenewalAt } from "@/lib/billing/webhooks/apply";
import {
  eventFacts,
  factsFromPayload,
  stateKey,
  type BillingFacts,
  type PurchaseFact,
  type SubscriptionFact,
} from "@/lib/billing/webhooks/facts";

// Why the account has the access it has: the stored webhook events and syncs (WebhookEvent rows, which
// keep CREEM's payload or, for syncs, the facts) and the refunds and disputes (PaymentReversal rows),
// replayed in CREEM's time order into one short line per change ("Dec 1 payment succeeded -> Pro until
// Jan 1"). What each step grants is asked of entitlements.ts (which reads the status table), never
// decided here. Pure: takes rows, not a session, so an admin view can show any account's timeline.

export const TIMELINE_LIMIT = 20;

export type TimelineEventRow = { id: string; type: string; createdAt: Date; payload: unknown };

export type TimelineEntry = {
  /** The event, sync or reversal the line comes from. */
  id: string;
  at: string;
  date: string;
  /** What happened, e.g. "Payment succeeded" or "Seats 2 → 4". */
  event: string;
  /** What it did to access, e.g. "Pro until Jan 1, 2027" or "Access ended". */
  access: string;
  /** The subscription's status after it, from the status table ("Past due"); null for purchases. */
  statusLabel: string | null;
  tone: Tone;
};

/** The facts a stored inbox row holds: a webhook's wire payload, or a sync's stored facts. */
export function factsOfRow(row: TimelineEventRow): BillingFacts | undefined {
  if (row.type.startsWith("sync.")) return factsFromPayload(row.payload);
  const parsed = parseWebhookEvent(row.payload);
  return parsed.ok ? eventFacts(parsed.event) : undefined;
}

type Step =
  | { kind: "subscription"; id: string; at: Date; order: string; type: string; fact: SubscriptionFact }
  | { kind: "purchase"; id: string; at: Date; order: string; fact: PurchaseFact }
  | { kind: "reversal"; id: string; at: Date; order: string; reversal: ReversalRecord };

const SUBSCRIPTION_EVENTS: Record<string, string> = {
  "subscription.active": "Subscription started",
  "subscription.paid": "Payment succeeded",
  "subscription.trialing": "Free trial started",
  "subscription.past_due": "Payment failed",
  "subscription.expired": "Period ended unpaid",
  "subscription.unpaid": "Payment retries ended",
  "subscription.paused": "Paused",
  "subscription.canceled": "Canceled",
  "subscription.scheduled_cancel": "Cancellation scheduled",
};

function planLabel(catalog: PlanCatalog, productId: string | null | undefined): string {
  const entry = productId ? catalog.byProductId(productId) : undefined;
  if (!entry) return "Plan";
  const interval = entry.price.interval;
  return interval === "once"
    ? entry.plan.name
    : `${entry.plan.name} ${interval === "year" ? "yearly" : "monthly"}`;
}

/** What happened, in words; undefined when a subscription step changed nothing worth a line. */
function describeSubscriptionStep(
  type: string,
  fact: SubscriptionFact,
  before: SubscriptionRecord | undefined,
  catalog: PlanCatalog,
): string {
  if (before && type !== "checkout.completed") {
    const planChanged = before.productId !== fact.productId;
    const seatsChanged = before.units !== fact.units;
    if (planChanged || seatsChanged) {
      const parts: string[] = [];
      if (planChanged)
        parts.push(`Plan ${planLabel(catalog, before.productId)} → ${planLabel(catalog, fact.productId)}`);
      if (seatsChanged) parts.push(`${planChanged ? "seats" : "Seats"} ${before.units} → ${fact.units}`);
      return parts.join(", ");
    }
  }
  if (type === "checkout.completed")
    return fact.status === "trialing" ? "Free trial started" : "First payment succeeded";
  const known = SUBSCRIPTION_EVENTS[type];
  if (known && Object.hasOwn(SUBSCRIPTION_EVENTS, type)) return known;
  if (type.startsWith("sync.")) return `Synced from CREEM: ${statusInfo(fact.status).label.toLowerCase()}`;
  if (before && before.status !== fact.status) return `Now ${statusInfo(fact.status).label.toLowerCase()}`;
  if (before && before.currentPeriodEnd?.getTime() !== fact.currentPeriodEnd?.getTime()) return "Renewed";
  return "Subscription updated";
}

const DENIED: Partial<Record<AccessDecision["reason"], string>> = {
  paused: "Access paused",
  disputed: "Access suspended (payment disputed)",
  refunded: "Access ended (payment refunded)",
  trial_already_used: "No access (trial already used)",
  stale: "Waiting for CREEM to confirm the renewal",
};

function describeAccess(decision: AccessDecision, plan: string): string {
  const until = decision.until ? formatDate(decision.until) : undefined;
  if (decision.granted) {
    switch (decision.reason) {
      case "grace_period":
        return `Grace until ${until}`;
      case "trialing":
        return `${plan} trial until ${until}`;
      case "scheduled_cancel":
      case "canceled_at_period_end":
        return `${plan} until ${until}, then ends`;
      case "paid":
        return `${plan}, paid once`;
      default:
        return until ? `${plan} until ${until}` : plan;
    }
  }
  return (Object.hasOwn(DENIED, decision.reason) && DENIED[decision.reason]) || "Access ended";
}

function toneOf(decision: AccessDecision, status: string | null): Tone {
  if (!decision.granted) return decision.reason === "paused" ? "neutral" : "danger";
  if (decision.reason === "grace_period") return "warning";
  return status ? statusInfo(status).tone : "success";
}

function stepsOf(events: readonly TimelineEventRow[], reversals: readonly ReversalRecord[]): Step[] {
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const row of events) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const facts = factsOfRow(row);
    if (!facts) continue;
    // Each sub-fact is its own step: a checkout carries the subscription (or the purchase).
    if (facts.subscription) {
      const fact = facts.subscription;
      steps.push({
        kind: "subscription",
        id: row.id,
        at: facts.at,
        order: stateKey(fact, facts.source),
        type: row.type,
        fact,
      });
    }
    if (facts.purchase) {
      steps.push({
        kind: "purchase",
        id: row.id,
        at: facts.at,
        order: `purchase|${row.id}`,
        fact: facts.purchase,
      });
    }
  }
  // Refunds and disputes come from their own table: stored once however often CREEM sent them.
  for (const reversal of reversals) {
    steps.push({
      kind: "reversal",
      id: reversal.id,
      at: reversal.createdAt,
      order: `~reversal|${reversal.id}`,
      reversal,
    });
  }
  return steps.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
  );
}

/**
 * The account's access history, newest first, at most `limit` lines. Duplicated events and syncs that
 * change nothing add no line; rows in any order are replayed in CREEM's time order.
 */
export function accessTimeline(input: {
  events: readonly TimelineEventRow[];
  reversals: readonly ReversalRecord[];
  catalog: PlanCatalog;
  graceDays: number;
  limit?: number;
}): TimelineEntry[] {
  const { catalog, graceDays } = input;
  const subs = new Map<string, SubscriptionRecord>();
  const purchases = new Map<string, PurchaseFact>();
  const applied: ReversalRecord[] = [];
  const lastLine = new Map<string, { signature: string; index: number; type: string }>();
  const entries: (TimelineEntry & { key: string })[] = [];

  const push = (key: string, entry: Omit<TimelineEntry, "date" | "at"> & { at: Date }) => {
    entries.push({ ...entry, key, at: entry.at.toISOString(), date: formatDate(entry.at) });
  };

  const subscriptionLine = (sub: SubscriptionRecord, at: Date) => {
    const decision = subscriptionAccess(sub, at, graceDays, {
      standing: subscriptionStanding(sub, applied),
    });
    return {
      decision,
      access: describeAccess(decision, catalog.byProductId(sub.productId)?.plan.name ?? "Plan"),
      tone: toneOf(decision, sub.status),
    };
  };

  for (const step of stepsOf(input.events, input.reversals)) {
    if (step.kind === "subscription") {
      const { fact, at } = step;
      const before = subs.get(fact.id);
      const failed = fact.status === "past_due" || fact.status === "expired";
      const record: SubscriptionRecord = {
        id: fact.id,
        productId: fact.productId,
        status: fact.status,
        units: fact.units,
        currentPeriodStart: fact.currentPeriodStart ?? null,
        currentPeriodEnd: fact.currentPeriodEnd ?? null,
        pastDueSince: failed ? failedRenewalAt(fact, at) : null,
        // As the stored row keeps it: the latest period end held in good standing (the grace of a run).
        coveredThrough: latest(
          before?.coveredThrough ?? null,
          inGoodStanding(fact.status) ? (fact.currentPeriodEnd ?? null) : null,
        ),
        // The latest stated intent about cancelling counts, as the stored row keeps it.
        cancelIntent: fact.cancelIntent ?? before?.cancelIntent ?? null,
        trialStartedAt:
          before?.trialStartedAt ?? (fact.status === "trialing" ? (fact.currentPeriodStart ?? at) : null),
      };
      const event = describeSubscriptionStep(step.type, fact, before, catalog);
      subs.set(fact.id, record);
      const line = subscriptionLine(record, at);
      // A duplicate, a sync, or a second event of the same moment (checkout.completed, .active and .paid
      // of one first payment) that leaves state and access as they were is not news.
      const signature = `${stateSignature(record)}|${line.access}`;
      const last = lastLine.get(fact.id);
      if (last?.signature === signature) {
        // Of one moment's events, the line names the most telling (the payment, not "started").
        const entry = entries[last.index]!;
        if (entry.at === at.toISOString() && weight(step.type) > weight(last.type)) {
          Object.assign(entry, { id: step.id, event });
          lastLine.set(fact.id, { ...last, type: step.type });
        }
        continue;
      }
      lastLine.set(fact.id, { signature, index: entries.length, type: step.type });
      push(fact.id, {
        id: step.id,
        at,
        event,
        access: line.access,
        statusLabel: statusInfo(record.status).label,
        tone: line.tone,
      });
    } else if (step.kind === "purchase") {
      const { fact, at } = step;
      if (purchases.has(fact.id)) continue;
      purchases.set(fact.id, fact);
      const plan = planLabel(catalog, fact.productId);
      push(fact.id, {
        id: step.id,
        at,
        event: `Purchased ${plan}`,
        access: describeAccess(purchaseDecision(fact, applied), plan),
        statusLabel: null,
        tone: "success",
      });
    } else {
      const { reversal, at } = step;
      applied.push(reversal);
      const event = reversalEvent(reversal);
      const sub = reversal.subscriptionId ? subs.get(reversal.subscriptionId) : undefined;
      const purchase = purchaseOf(reversal, purchases);
      if (sub) {
        const line = subscriptionLine(sub, at);
        push(reversal.id, {
          id: reversal.id,
          at,
          event,
          access: line.access,
          statusLabel: statusInfo(sub.status).label,
          tone: line.tone,
        });
      } else if (purchase) {
        const decision = purchaseDecision(purchase, applied);
        push(reversal.id, {
          id: reversal.id,
          at,
          event,
          access: describeAccess(decision, planLabel(catalog, purchase.productId)),
          statusLabel: null,
          tone: toneOf(decision, null),
        });
      } else {
        // The payment it reverses is not known (yet): recorded, and it will count when that arrives.
        push(reversal.id, {
          id: reversal.id,
          at,
          event,
          access:
            isDispute(reversal) || isSucceededRefund(reversal)
              ? "Applies to the payment once it arrives"
              : "Access unchanged",
          statusLabel: null,
          tone: "neutral",
        });
      }
    }
  }
  return entries
    .reverse()
    .slice(0, input.limit ?? TIMELINE_LIMIT)
    .map(({ key: _key, ...entry }) => entry);
}

const weight = (type: string) =>
  type === "checkout.completed" ? 3 : type === "subscription.paid" ? 2 : type.startsWith("sync.") ? 0 : 1;

function latest(a: Date | null, b: Date | null): Date | null {
  return a && (!b || a > b) ? a : b;
}

function stateSignature(s: SubscriptionRecord): string {
  const time = (d: Date | null) => d?.getTime() ?? "-";
  return [
    s.status,
    s.productId,
    s.units,
    time(s.currentPeriodStart),
    time(s.currentPeriodEnd),
    s.cancelIntent,
  ].join("|");
}

function purchaseOf(reversal: ReversalRecord, purchases: ReadonlyMap<string, PurchaseFact>) {
  if (reversal.orderId && purchases.has(reversal.orderId)) return purchases.get(reversal.orderId);
  return [...purchases.values()].find((p) => !!p.transactionId && p.transactionId === reversal.transactionId);
}

function purchaseDecision(purchase: PurchaseFact, reversals: readonly ReversalRecord[]): AccessDecision {
  const record = {
    id: purchase.id,
    productId: purchase.productId ?? null,
    status: "paid",
    amount: purchase.amount ?? null,
    transactionId: purchase.transactionId ?? null,
  };
  return purchaseAccess(record, purchaseStanding(record, reversals));
}

function reversalEvent(r: ReversalRecord): string {
  const amount = r.amount !== null && r.currency ? ` of ${formatMoney(r.amount, r.currency)}` : "";
  if (isDispute(r)) return `Payment disputed${amount}`;
  if (isSucceededRefund(r)) {
    const partial = r.amount !== null && r.transactionPaid !== null && r.amount < r.transactionPaid;
    return `${partial ? "Partial refund" : "Refund"}${amount}`;
  }
  return `Refund${amount} ${r.status === "failed" ? "failed" : r.status}`;
}
