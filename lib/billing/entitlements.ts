import type { Feature, Plan, PlanCatalog } from "@/lib/billing/plans";

// Access as pure functions of stored state: no database, no clock of their own.
//
//   subscription status   access
//   active, trialing      yes
//   scheduled_cancel      until the current period ends
//   past_due              through the grace period after the failed renewal (pastDueSince + grace)
//   paused, canceled,     no
//   unpaid, expired,
//   anything unknown      no (fail closed; CREEM sends a granting status when payment succeeds)
//
//   one-time purchase     paid: yes; refunded or disputed: no

export type SubscriptionRecord = {
  id: string;
  productId: string;
  status: string;
  units: number;
  currentPeriodEnd: Date | null;
  pastDueSince: Date | null;
};

/** The columns `SubscriptionRecord` needs, as a Prisma `select`. */
export const subscriptionRecordSelect = {
  id: true,
  productId: true,
  status: true,
  units: true,
  currentPeriodEnd: true,
  pastDueSince: true,
} as const satisfies Record<keyof SubscriptionRecord, true>;

export type PurchaseRecord = { id: string; productId: string | null; status: string };

export type AccessDecision = { granted: boolean; reason: string; until?: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

export function subscriptionAccess(sub: SubscriptionRecord, now: Date, graceDays: number): AccessDecision {
  switch (sub.status) {
    case "active":
      return { granted: true, reason: "active", until: sub.currentPeriodEnd ?? undefined };
    case "trialing":
      return { granted: true, reason: "trialing", until: sub.currentPeriodEnd ?? undefined };
    case "scheduled_cancel": {
      const end = sub.currentPeriodEnd;
      if (end && now < end) return { granted: true, reason: "scheduled_cancel", until: end };
      return { granted: false, reason: "period_ended" };
    }
    case "past_due": {
      const start = sub.pastDueSince ?? sub.currentPeriodEnd;
      const graceEnd = start ? new Date(start.getTime() + graceDays * DAY_MS) : undefined;
      if (graceEnd && now < graceEnd) return { granted: true, reason: "grace_period", until: graceEnd };
      return { granted: false, reason: "grace_period_over" };
    }
    case "paused":
    case "canceled":
    case "unpaid":
    case "expired":
      return { granted: false, reason: sub.status };
    default:
      return { granted: false, reason: "unknown_status" };
  }
}

export function purchaseAccess(purchase: PurchaseRecord): AccessDecision {
  if (purchase.status === "paid") return { granted: true, reason: "paid" };
  return { granted: false, reason: purchase.status };
}

export type Entitlements = {
  plan: Plan;
  features: ReadonlySet<Feature>;
  /** What grants the plan: the subscription or purchase it comes from; absent on the free plan. */
  source?:
    { kind: "subscription"; id: string; seats: number; until?: Date } | { kind: "purchase"; id: string };
};

export function resolveEntitlements(
  state: { subscriptions: readonly SubscriptionRecord[]; purchases: readonly PurchaseRecord[] },
  catalog: PlanCatalog,
  options: { now: Date; graceDays: number },
): Entitlements {
  const features = new Set<Feature>(catalog.free.features);
  let best: Entitlements = { plan: catalog.free, features };
  const consider = (plan: Plan, source: NonNullable<Entitlements["source"]>) => {
    for (const feature of plan.features) features.add(feature);
    if (plan.rank > best.plan.rank) best = { plan, features, source };
  };
  for (const sub of state.subscriptions) {
    const decision = subscriptionAccess(sub, options.now, options.graceDays);
    const plan = catalog.byProductId(sub.productId)?.plan;
    if (decision.granted && plan) {
      consider(plan, { kind: "subscription", id: sub.id, seats: sub.units, until: decision.until });
    }
  }
  for (const purchase of state.purchases) {
    const plan = purchase.productId ? catalog.byProductId(purchase.productId)?.plan : undefined;
    if (purchaseAccess(purchase).granted && plan) consider(plan, { kind: "purchase", id: purchase.id });
  }
  return best;
}

export function hasFeature(entitlements: Entitlements, feature: Feature): boolean {
  return entitlements.features.has(feature);
}
