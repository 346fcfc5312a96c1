import { factsOfRow, type TimelineEventRow } from "@/lib/billing/account/timeline";
import { charge, nextRenewal, periodSubtotal, type DiscountTerms } from "@/lib/billing/money";
import type { PlanCatalog } from "@/lib/billing/plans";
import { statusInfo } from "@/lib/billing/subscription-status";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Revenue from the app's own tables. MRR is what each paying subscription's next renewal will charge (price
// x seats, less its discount when the discount still applies: lib/billing/money.ts decides that), yearly
// plans divided by 12. Paying = active, scheduled to cancel, or past due (still in MRR, and shown again as
// at risk); trials, paused and ended subscriptions add nothing. A cancellation at period end keeps paying
// until access ends (its period end, as entitlements.ts decides access: `scheduled_cancel`, or `canceled`
// with the intent "period_end"), so it churns then, not when the customer clicked; an immediate cancel or
// an expiry churns when it happens. Monthly movements replay each subscription's stored states (webhook
// events and syncs) and compare its MRR at the end of a month with the start.

export const PAYING_STATUSES: ReadonlySet<string> = new Set(["active", "scheduled_cancel", "past_due"]);

export type MrrSubscription = {
  productId: string;
  status: string;
  units: number;
  startedAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  discount?: DiscountTerms | null;
  /** The latest intent about cancelling (Subscription.cancelIntent): "period_end" keeps a `canceled` paying. */
  cancelIntent?: string | null;
};

/**
 * When a cancellation at period end stops paying: the period end (access ends then). Undefined for any
 * other state, which pays (or not) until its next state.
 */
export function payingUntil(sub: Pick<MrrSubscription, "status" | "currentPeriodEnd" | "cancelIntent">) {
  const rule = statusInfo(sub.status).access;
  const atPeriodEnd =
    rule === "until_period_end" ||
    (rule === "until_period_end_if_scheduled" && sub.cancelIntent === "period_end");
  return atPeriodEnd ? (sub.currentPeriodEnd ?? undefined) : undefined;
}

/**
 * Whether a subscription in this state pays at `at`: active and past due do; so does a cancellation at
 * period end (scheduled, or already `canceled` by CREEM) before its period end; without `at`, as during
 * its period. Trials, paused, immediately canceled, expired and unpaid ones do not.
 */
export function paysAt(
  sub: Pick<MrrSubscription, "status" | "currentPeriodEnd" | "cancelIntent">,
  at?: Date,
) {
  const end = payingUntil(sub);
  if (end) return !at || at < end;
  // A scheduled cancellation of unknown period end pays like the status table's scheduled_cancel says.
  return PAYING_STATUSES.has(sub.status);
}

/**
 * One subscription's monthly recurring revenue in minor units (a yearly plan's may have a fraction), at
 * `at` (see paysAt).
 */
export function monthlyRevenue(sub: MrrSubscription, catalog: PlanCatalog, at?: Date): number {
  if (!paysAt(sub, at)) return 0;
  const entry = catalog.byProductId(sub.productId);
  if (!entry || entry.price.interval === "once") return 0;
  const discount = sub.discount ?? undefined;
  const renewal = nextRenewal({ ...sub, discount }, entry.price, entry.plan.perSeat);
  const total =
    renewal?.total ??
    charge(
      periodSubtotal(entry.price, entry.plan.perSeat, sub.units),
      discount,
      discount?.duration === "forever",
    ).total;
  return entry.price.interval === "year" ? total / 12 : total;
}

/** One stored state of a subscription, at the time it was stored, for its MRR over time. */
export type RevenueState = MrrSubscription & { at: Date };

/**
 * A subscription's MRR over time (points oldest first) from its stored states (oldest first): each state's
 * MRR from its time on, except that a cancellation at period end pays until its period end and drops to 0
 * there, when no later state came first and it is not after `now` (a churn yet to come is not counted);
 * a `canceled` stored only after its period end churned at the period end, not at its arrival.
 */
export function mrrSeries(
  states: readonly RevenueState[],
  catalog: PlanCatalog,
  now: Date,
): Array<{ at: Date; mrr: number }> {
  const points: Array<{ at: Date; mrr: number }> = [];
  states.forEach((state, i) => {
    const end = payingUntil(state);
    const last = points.at(-1)?.at;
    if (end && end <= state.at) {
      // Access had ended already: the churn belongs to the period end (or the state before, if later).
      points.push({ at: last && last > end ? last : end, mrr: 0 });
      return;
    }
    points.push({ at: state.at, mrr: monthlyRevenue(state, catalog, state.at) });
    const next = states[i + 1]?.at;
    if (end && end <= now && (!next || end <= next)) points.push({ at: end, mrr: 0 });
  });
  return points;
}

export type Movement = { month: string; new: number; expansion: number; contraction: number; churn: number };

/** "2026-11" for a UTC date. */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

/**
 * New / expansion / contraction / churn per month from each subscription's MRR over time (`series`: its
 * MRR after each stored state, oldest first). Amounts are MRR changes in minor units; `months` oldest first.
 */
export function movements(
  series: Map<string, Array<{ at: Date; mrr: number }>>,
  months: string[],
): Movement[] {
  const result = months.map((month) => ({ month, new: 0, expansion: 0, contraction: 0, churn: 0 }));
  const index = new Map(months.map((m, i) => [m, i]));
  for (const points of series.values()) {
    let previous = 0;
    for (const point of points) {
      const i = index.get(monthOf(point.at));
      const delta = point.mrr - previous;
      if (i !== undefined && delta !== 0) {
        const row = result[i]!;
        if (previous === 0)
          row.new += point.mrr; // first payment or a comeback
        else if (point.mrr === 0) row.churn += previous;
        else if (delta > 0) row.expansion += delta;
        else row.contraction += -delta;
      }
      previous = point.mrr;
    }
  }
  return result;
}

export type RevenueReport = {
  currency: string;
  /** Minor units, rounded to the cent. */
  mrr: number;
  paying: number;
  byPlan: Array<{ plan: string; subscriptions: number; mrr: number }>;
  trialing: number;
  trials: { ended: number; converted: number };
  atRisk: { subscriptions: number; mrr: number };
  months: Movement[];
};

const SUBSCRIPTION_STATE_TYPES = ["sync.subscription"];

export async function revenueReport(
  db: PrismaClient,
  catalog: PlanCatalog,
  now = new Date(),
  options: {
    monthsBack?: number;
    /** Only these subscriptions (one account's, a test's fixture). */ only?: string[];
  } = {},
): Promise<RevenueReport> {
  const monthsBack = options.monthsBack ?? 6;
  const only = options.only;
  const subscriptions = await db.subscription.findMany({
    where: only ? { id: { in: only } } : {},
    select: {
      id: true,
      productId: true,
      status: true,
      units: true,
      startedAt: true,
      currentPeriodStart: true,
      currentPeriodEnd: true,
      discount: true,
      trialStartedAt: true,
      trialEnd: true,
      cancelIntent: true,
      cancelIntentAt: true,
    },
  });
  const byPlan = new Map<string, { plan: string; subscriptions: number; mrr: number }>();
  let mrr = 0;
  let paying = 0;
  const atRisk = { subscriptions: 0, mrr: 0 };
  const trials = { ended: 0, converted: 0 };
  let trialing = 0;
  for (const sub of subscriptions) {
    const value = monthlyRevenue({ ...sub, discount: sub.discount as DiscountTerms | null }, catalog, now);
    if (sub.status === "trialing") trialing++;
    if (sub.trialStartedAt && sub.trialEnd && sub.trialEnd <= now) {
      trials.ended++;
      if (PAYING_STATUSES.has(sub.status)) trials.converted++;
    }
    const entry = catalog.byProductId(sub.productId);
    // One-time products (and products the app does not sell) are not recurring revenue.
    if (!paysAt(sub, now) || !entry || entry.price.interval === "once") continue;
    paying++;
    mrr += value;
    const plan = entry.plan.name;
    const row = byPlan.get(plan) ?? { plan, subscriptions: 0, mrr: 0 };
    row.subscriptions++;
    row.mrr += value;
    byPlan.set(plan, row);
    if (sub.status === "past_due") {
      atRisk.subscriptions++;
      atRisk.mrr += value;
    }
  }

  const months: string[] = [];
  for (let i = monthsBack - 1; i >= 0; i--) {
    months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  // Every stored subscription state (webhook events and syncs), oldest first.
  const rows = await db.$queryRaw<TimelineEventRow[]>`
    SELECT "id", "type", "createdAt", "payload" FROM "WebhookEvent"
    WHERE "processedAt" IS NOT NULL AND "subscriptionId" IS NOT NULL
      AND ("type" LIKE 'subscription.%' OR "type" = ANY(${SUBSCRIPTION_STATE_TYPES}) OR "type" = 'checkout.completed')
      AND (${only ?? null}::text[] IS NULL OR "subscriptionId" = ANY(${only ?? null}::text[]))
    ORDER BY "createdAt", "id"`;
  // The intent the app itself recorded (a cancellation it asked CREEM for) counts from its time, as on the
  // stored row; the events' own intents (scheduled_cancel, resumed) are carried from state to state.
  const recorded = new Map(subscriptions.map((sub) => [sub.id, sub]));
  const states = new Map<string, Array<RevenueState & { intentAt: Date | null }>>();
  for (const row of rows) {
    const fact = factsOfRow(row)?.subscription;
    if (!fact) continue;
    const list = states.get(fact.id) ?? [];
    const before = list.at(-1);
    list.push({
      at: row.createdAt,
      productId: fact.productId,
      status: fact.status,
      units: fact.units,
      startedAt: fact.startedAt ?? null,
      currentPeriodStart: fact.currentPeriodStart ?? null,
      currentPeriodEnd: fact.currentPeriodEnd ?? null,
      discount: fact.discount,
      cancelIntent: fact.cancelIntent ?? before?.cancelIntent ?? null,
      intentAt: fact.cancelIntent ? row.createdAt : (before?.intentAt ?? null),
    });
    states.set(fact.id, list);
  }
  const series = new Map<string, Array<{ at: Date; mrr: number }>>();
  for (const [id, list] of states) {
    const app = recorded.get(id);
    const withIntent = list.map((state, i) => {
      // The recorded intent is the newest there is: from the state it was recorded during on, unless an
      // event stated a newer one.
      const at = app?.cancelIntentAt;
      const next = list[i + 1]?.at;
      const applies =
        !!at && !!app?.cancelIntent && (!state.intentAt || at > state.intentAt) && (!next || at < next);
      return applies ? { ...state, cancelIntent: app.cancelIntent } : state;
    });
    series.set(id, mrrSeries(withIntent, catalog, now));
  }
  const currency = catalog.plans.flatMap((p) => p.prices)[0]?.currency ?? "USD";
  return {
    currency,
    mrr: Math.round(mrr),
    paying,
    byPlan: [...byPlan.values()].map((r) => ({ ...r, mrr: Math.round(r.mrr) })).sort((a, b) => b.mrr - a.mrr),
    trialing,
    trials,
    atRisk: { ...atRisk, mrr: Math.round(atRisk.mrr) },
    months: movements(series, months).map((m) => ({
      ...m,
      new: Math.round(m.new),
      expansion: Math.round(m.expansion),
      contraction: Math.round(m.contraction),
      churn: Math.round(m.churn),
    })),
  };
}
