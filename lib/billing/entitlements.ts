import type { Feature, Plan, PlanCatalog } from "./plans";
import {
  purchaseStanding,
  subscriptionStanding,
  type PurchaseStanding,
  type ReversalRecord,
  type SubscriptionStanding,
} from "./reversals";
import { STALE_AFTER_DAYS, statusInfo } from "./subscription-status";

// Access as pure functions of stored state: no database, no clock of their own. What each status grants
// is the `access` column of the status table (subscription-status.ts); on top of it, in this order:
//
//   a dispute of one of its payments           no access, for good ("payment disputed")
//   the current period refunded in full        no access until a new period is paid
//   a second trial on the same account         no access while trialing (a trial is once per account)
//   active/trialing, period ended days ago     no access until re-synced from CREEM (a lost webhook)
//
//   one-time purchase                          paid: yes; refunded in full or disputed: no

export type SubscriptionRecord = {
  id: string;
  productId: string;
  status: string;
  units: number;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  pastDueSince: Date | null;
  /** The latest period end held in good standing (see inGoodStanding): an unpaid run began by then. */
  coveredThrough: Date | null;
  cancelIntent: string | null;
  trialStartedAt: Date | null;
};

/** The columns `SubscriptionRecord` needs, as a Prisma `select`. */
export const subscriptionRecordSelect = {
  id: true,
  productId: true,
  status: true,
  units: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  pastDueSince: true,
  coveredThrough: true,
  cancelIntent: true,
  trialStartedAt: true,
} as const satisfies Record<keyof SubscriptionRecord, true>;

export type PurchaseRecord = {
  id: string;
  productId: string | null;
  status: string;
  amount: number | null;
  transactionId: string | null;
};

export const purchaseRecordSelect = {
  id: true,
  productId: true,
  status: true,
  amount: true,
  transactionId: true,
} as const satisfies Record<keyof PurchaseRecord, true>;

export type BillingState = {
  subscriptions: readonly SubscriptionRecord[];
  purchases: readonly PurchaseRecord[];
  reversals: readonly ReversalRecord[];
};

export type AccessReason =
  | "active"
  | "trialing"
  | "scheduled_cancel"
  | "canceled_at_period_end"
  | "grace_period"
  | "period_ended"
  | "grace_period_over"
  | "paused"
  | "canceled"
  | "unpaid"
  | "expired"
  | "disputed"
  | "refunded"
  | "trial_already_used"
  | "stale"
  | "unknown_status"
  | "paid";

export type AccessDecision = {
  granted: boolean;
  reason: AccessReason;
  until?: Date;
  /** The stored state is too old to trust: re-sync it from CREEM before deciding again. */
  needsSync?: boolean;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export type SubscriptionContext = {
  standing?: SubscriptionStanding;
  /** Another subscription of the same account trialed first. */
  earlierTrial?: boolean;
};

export function subscriptionAccess(
  sub: SubscriptionRecord,
  now: Date,
  graceDays: number,
  context: SubscriptionContext = {},
): AccessDecision {
  if (context.standing?.disputed) return { granted: false, reason: "disputed" };
  if (context.standing?.currentPeriodRefunded) return { granted: false, reason: "refunded" };
  const end = sub.currentPeriodEnd;
  switch (statusInfo(sub.status).access) {
    case "yes": {
      if (sub.status === "trialing" && context.earlierTrial)
        return { granted: false, reason: "trial_already_used" };
      if (end && now.getTime() > end.getTime() + STALE_AFTER_DAYS * DAY_MS) {
        return { granted: false, reason: "stale", needsSync: true };
      }
      return {
        granted: true,
        reason: sub.status === "trialing" ? "trialing" : "active",
        until: end ?? undefined,
      };
    }
    case "until_period_end":
      if (end && now < end) return { granted: true, reason: "scheduled_cancel", until: end };
      return { granted: false, reason: "period_ended" };
    case "until_period_end_if_scheduled":
      if (sub.cancelIntent === "period_end" && end && now < end) {
        return { granted: true, reason: "canceled_at_period_end", until: end };
      }
      return { granted: false, reason: "canceled" };
    case "grace": {
      const start = graceStart(sub);
      const graceEnd = start ? new Date(start.getTime() + graceDays * DAY_MS) : undefined;
      if (graceEnd && now < graceEnd) return { granted: true, reason: "grace_period", until: graceEnd };
      return { granted: false, reason: "grace_period_over" };
    }
    case "no":
      return {
        granted: false,
        reason: sub.status === "paused" || sub.status === "unpaid" ? sub.status : "unknown_status",
      };
  }
}

/**
 * Where the grace of an unpaid run starts: its first failed renewal. The stored failure is the newest
 * fact's (a later period's past_due, or the unpaid period running out); the run began no later than the
 * end of the last period held in good standing, so a later failure of the same run never restarts the
 * grace. Only a payment (a new period in good standing) ends the run.
 */
export function graceStart(
  sub: Pick<SubscriptionRecord, "pastDueSince" | "currentPeriodEnd" | "coveredThrough">,
): Date | undefined {
  const failed = sub.pastDueSince ?? sub.currentPeriodEnd;
  const covered = sub.coveredThrough;
  if (!failed) return covered ?? undefined;
  // Stryker disable next-line EqualityOperator: equal dates are the same start whichever is returned
  return covered && covered < failed ? covered : failed;
}

export function purchaseAccess(purchase: PurchaseRecord, standing?: PurchaseStanding): AccessDecision {
  if (standing?.disputed) return { granted: false, reason: "disputed" };
  if (standing?.refunded === "full") return { granted: false, reason: "refunded" };
  if (purchase.status === "paid") return { granted: true, reason: "paid" };
  return { granted: false, reason: "unknown_status" };
}

export type Entitlements = {
  plan: Plan;
  features: ReadonlySet<Feature>;
  /** What grants the plan: the subscription or purchase it comes from; absent on the free plan. */
  source?:
    { kind: "subscription"; id: string; seats: number; until?: Date } | { kind: "purchase"; id: string };
  /** Every subscription's and purchase's decision, to explain access ("why am I on Free?"). */
  decisions: ReadonlyMap<string, AccessDecision>;
  /** Subscriptions whose stored state is too old to grant anything until they are re-synced. */
  needsSync: readonly string[];
  /** A payment of this account is disputed: shown to the user, and the disputed items grant nothing. */
  disputed: boolean;
};

/** The subscription that trialed first on this account (earliest trial start, then id): the only trial. */
function firstTrialId(subscriptions: readonly SubscriptionRecord[]): string | undefined {
  const trials = subscriptions.flatMap((sub) => {
    const start =
      sub.trialStartedAt ?? (sub.status === "trialing" ? (sub.currentPeriodStart ?? new Date(0)) : null);
    return start ? [{ id: sub.id, start: start.getTime() }] : [];
  });
  // Subscription ids are unique: two trials never tie on the id.
  // Stryker disable next-line EqualityOperator: `<=` and `<` differ only for equal ids, which cannot occur
  trials.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return trials[0]?.id;
}

export function resolveEntitlements(
  state: BillingState,
  catalog: PlanCatalog,
  options: { now: Date; graceDays: number },
): Entitlements {
  const features = new Set<Feature>(catalog.free.features);
  const decisions = new Map<string, AccessDecision>();
  const needsSync: string[] = [];
  let disputed = false;
  let best: Pick<Entitlements, "plan" | "source"> = { plan: catalog.free };
  const consider = (plan: Plan, source: NonNullable<Entitlements["source"]>) => {
    for (const feature of plan.features) features.add(feature);
    if (plan.rank > best.plan.rank) best = { plan, source };
  };
  const firstTrial = firstTrialId(state.subscriptions);
  for (const sub of state.subscriptions) {
    const standing = subscriptionStanding(sub, state.reversals);
    disputed ||= standing.disputed;
    const decision = subscriptionAccess(sub, options.now, options.graceDays, {
      standing,
      // Stryker disable next-line ConditionalExpression: only a trialing row reads earlierTrial, and a trialing row is always a trial, so firstTrial is defined then
      earlierTrial: firstTrial !== undefined && firstTrial !== sub.id,
    });
    decisions.set(sub.id, decision);
    if (decision.needsSync) needsSync.push(sub.id);
    const plan = catalog.byProductId(sub.productId)?.plan;
    if (decision.granted && plan) {
      consider(plan, { kind: "subscription", id: sub.id, seats: sub.units, until: decision.until });
    }
  }
  for (const purchase of state.purchases) {
    const standing = purchaseStanding(purchase, state.reversals);
    disputed ||= standing.disputed;
    const decision = purchaseAccess(purchase, standing);
    decisions.set(purchase.id, decision);
    const plan = purchase.productId ? catalog.byProductId(purchase.productId)?.plan : undefined;
    if (decision.granted && plan) consider(plan, { kind: "purchase", id: purchase.id });
  }
  return { ...best, features, decisions, needsSync, disputed };
}

export function hasFeature(entitlements: Entitlements, feature: Feature): boolean {
  return entitlements.features.has(feature);
}
