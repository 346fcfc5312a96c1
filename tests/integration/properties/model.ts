// A small reference model of who may use what, written from the README's "Who may use what" table and
// issue #8 (not from lib/billing), plus a generator of CREEM billing histories for fast-check. The
// property tests deliver a history through the real pipeline in random orders, with duplicates and syncs,
// and compare what the app grants with what this model says.
//
// A history is abstract ("steps" with CREEM times); `wire.ts` turns it into signed CREEM payloads. Every
// step has its own CREEM time, so "the latest state" is well defined whatever order things arrive in.

import fc from "fast-check";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 0, 1);
/** README: "a row whose period ended over 3 days ago is re-synced from CREEM before it grants". */
export const STALE_DAYS = 3;

export type Product = "pro" | "team";
export type SubStatus =
  "active" | "trialing" | "scheduled_cancel" | "past_due" | "expired" | "paused" | "canceled" | "unpaid";

/** One subscription event CREEM sends, with the state it reports. */
export type SubStep = {
  index: number;
  /** The event type (checkout.completed carries the subscription too). */
  type: string;
  t: number;
  /** What the event means (the status the app must act on). */
  status: SubStatus;
  /** What the object's `status` field says (CREEM's expired sample says "active"). */
  objectStatus: string;
  product: Product;
  units: number;
  periodStart: number;
  periodEnd: number;
  canceledAt?: number;
  /** For past_due/expired: when the first failed renewal of this unpaid run was due. */
  failedAt?: number;
  /** For past_due/expired: the failed renewal this event itself reports (a later one of the run, maybe). */
  dueAt?: number;
};

/** A payment CREEM took (a subscription period, or the one-time purchase). */
export type Payment = {
  key: string;
  amount: number;
  /** The subscription period it paid for. */
  periodStart?: number;
  periodEnd?: number;
  subscription: boolean;
  t: number;
};

export type Reversal = {
  index: number;
  kind: "refund" | "dispute";
  payment: string;
  /** Refunds only. */
  status: "succeeded" | "failed" | "pending";
  amount: number;
  t: number;
};

export type History = {
  subscription: SubStep[];
  purchase?: { t: number };
  payments: Payment[];
  reversals: Reversal[];
  /** Sub steps whose event is delivered twice. */
  duplicates: number[];
  /** Sub steps a sync also reports (CREEM's object as of that step). */
  syncs: number[];
  now: number;
};

export const LIFETIME_PRICE = 29_900;
const PRICE: Record<Product, number> = { pro: 1_900, team: 4_900 };

// ---------------------------------------------------------------------------------------------------
// The generator: a CREEM subscription lifecycle as a walk over its documented transitions.

type Move =
  | "update"
  | "renew"
  | "renew_fails"
  | "fails_again"
  | "schedule_cancel"
  | "pause"
  | "resume"
  | "cancel_now"
  | "cancel_at_end"
  | "cancel_reported_early"
  | "expire"
  | "expire_quirk"
  | "unpaid";

const MOVES: Record<SubStatus, Move[]> = {
  // Listed twice: the common paths, so histories are long before they end.
  active: [
    "update",
    "renew",
    "renew",
    "renew_fails",
    "schedule_cancel",
    "schedule_cancel",
    "pause",
    "cancel_now",
  ],
  trialing: ["renew", "renew_fails", "cancel_now"],
  scheduled_cancel: ["resume", "cancel_at_end", "cancel_reported_early"],
  paused: ["resume", "cancel_now"],
  past_due: ["renew", "expire", "expire_quirk", "unpaid", "cancel_now", "fails_again"],
  expired: ["renew", "unpaid", "cancel_now", "fails_again"],
  canceled: [],
  unpaid: [],
};

export type Choice = { pick: number; gapHours: number; moved: boolean; units: number; product: boolean };
export type ReversalChoice = {
  target: number;
  dispute: boolean;
  status: number;
  share: number;
  gapHours: number;
};

export type HistoryChoices = {
  hasSubscription: boolean;
  trial: boolean;
  team: boolean;
  moves: Choice[];
  purchase: boolean;
  purchaseHours: number;
  reversals: ReversalChoice[];
  duplicates: number[];
  syncs: number[];
  nowHours: number;
};

/** true `yes` times in `yes + no`. */
const weighted = (yes: number, no: number) =>
  fc.oneof({ arbitrary: fc.constant(true), weight: yes }, { arbitrary: fc.constant(false), weight: no });

/** Mostly hours to a few days (where access changes), sometimes up to `max` hours. */
const hours = (max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 96 }), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max }), weight: 1 },
  );

export const choicesArb: fc.Arbitrary<HistoryChoices> = fc.record({
  hasSubscription: weighted(4, 1),
  trial: fc.boolean(),
  team: fc.boolean(),
  moves: fc.array(
    fc.record({
      pick: fc.nat({ max: 11 }),
      gapHours: hours(20 * 24),
      moved: fc.boolean(),
      units: fc.integer({ min: 1, max: 5 }),
      product: fc.boolean(),
    }),
    { maxLength: 7 },
  ),
  purchase: fc.boolean(),
  purchaseHours: fc.integer({ min: 0, max: 60 * 24 }),
  reversals: fc.array(
    fc.record({
      target: fc.nat({ max: 9 }),
      dispute: weighted(1, 5),
      status: fc.nat({ max: 5 }),
      share: fc.nat({ max: 3 }),
      gapHours: hours(30 * 24),
    }),
    { maxLength: 4 },
  ),
  duplicates: fc.array(fc.nat({ max: 9 }), { maxLength: 3 }),
  syncs: fc.array(fc.nat({ max: 9 }), { maxLength: 3 }),
  nowHours: hours(45 * 24),
});

/** Builds the history the choices describe (deterministic: the same choices give the same history). */
export function buildHistory(c: HistoryChoices): History {
  const steps: SubStep[] = [];
  const payments: Payment[] = [];
  let last = T0;
  if (c.hasSubscription) {
    const product: Product = c.team ? "team" : "pro";
    const first = {
      product,
      units: 1,
      periodStart: T0,
      periodEnd: T0 + (c.trial ? 14 : 30) * DAY,
    };
    const status: SubStatus = c.trial ? "trialing" : "active";
    // checkout.completed, then subscription.active/trialing a second later (CREEM sends both).
    steps.push({ index: 0, type: "checkout.completed", t: T0, status, objectStatus: status, ...first });
    steps.push({
      index: 1,
      type: c.trial ? "subscription.trialing" : "subscription.active",
      t: T0 + 1000,
      status,
      objectStatus: status,
      ...first,
    });
    if (!c.trial) payments.push(paymentFor(steps[1]!, 0));
    last = T0 + 1000;
    for (const choice of c.moves) {
      const cur = steps[steps.length - 1]!;
      const options = MOVES[cur.status];
      if (options.length === 0) break;
      const move = options[choice.pick % options.length]!;
      const gap = choice.gapHours * HOUR;
      const next = (t: number, patch: Partial<SubStep> & Pick<SubStep, "type" | "status">): SubStep => ({
        ...cur,
        failedAt: undefined,
        dueAt: undefined,
        canceledAt: undefined,
        objectStatus: patch.status,
        ...patch,
        index: steps.length,
        t: Math.max(t, cur.t + HOUR),
      });
      let step: SubStep;
      switch (move) {
        case "update": {
          const productNext: Product = choice.product
            ? cur.product === "pro"
              ? "team"
              : "pro"
            : cur.product;
          const units = productNext === "team" ? choice.units : 1;
          step = next(Math.min(cur.t + gap, cur.periodEnd - HOUR), {
            type: "subscription.update",
            status: "active",
            product: productNext,
            units,
          });
          break;
        }
        case "renew": {
          // The renewal at the period end (or a late recovery of a failed one) pays the next period.
          const from = cur.dueAt ?? cur.periodEnd;
          step = next(Math.max(from, cur.t) + gap, {
            type: "subscription.paid",
            status: "active",
            periodStart: from,
            periodEnd: from + 30 * DAY,
          });
          break;
        }
        case "renew_fails": {
          const due = cur.periodEnd;
          // Two shapes CREEM reports: the period already moved on to the unpaid one, or not yet.
          const period = choice.moved ? { periodStart: due, periodEnd: due + 30 * DAY } : {};
          step = next(Math.max(due, cur.t) + Math.min(gap, 3 * DAY), {
            type: "subscription.past_due",
            status: "past_due",
            failedAt: due,
            dueAt: due,
            ...period,
          });
          break;
        }
        case "fails_again": {
          // Still unpaid a period later: CREEM's next renewal of the run fails too. The run (and its grace)
          // began at the first failure; this event only knows its own renewal.
          const due = cur.dueAt! + 30 * DAY;
          const period = choice.moved
            ? { periodStart: due, periodEnd: due + 30 * DAY }
            : { periodStart: due - 30 * DAY, periodEnd: due };
          step = next(Math.max(due, cur.t) + Math.min(gap, 3 * DAY), {
            type: "subscription.past_due",
            status: "past_due",
            failedAt: cur.failedAt,
            dueAt: due,
            ...period,
          });
          break;
        }
        case "expire":
        case "expire_quirk":
          // Within CREEM's retry window of the failed renewal; the quirk is CREEM's own sample.
          step = next(cur.t + Math.min(gap, 10 * DAY), {
            type: "subscription.expired",
            status: "expired",
            failedAt: cur.failedAt,
            dueAt: cur.dueAt,
          });
          if (move === "expire_quirk") step.objectStatus = "active";
          break;
        case "unpaid":
          step = next(cur.t + Math.min(gap, 10 * DAY), { type: "subscription.unpaid", status: "unpaid" });
          break;
        case "schedule_cancel":
          step = next(Math.min(cur.t + gap, cur.periodEnd - HOUR), {
            type: "subscription.scheduled_cancel",
            status: "scheduled_cancel",
          });
          break;
        case "pause":
          step = next(Math.min(cur.t + gap, cur.periodEnd - HOUR), {
            type: "subscription.paused",
            status: "paused",
          });
          break;
        case "resume":
          step = next(Math.min(cur.t + gap, cur.periodEnd - HOUR), {
            type: "subscription.active",
            status: "active",
          });
          break;
        case "cancel_now": {
          const t = Math.max(cur.t + Math.min(gap, 10 * DAY), cur.t + HOUR);
          step = next(t, { type: "subscription.canceled", status: "canceled", canceledAt: t });
          break;
        }
        case "cancel_at_end":
          step = next(Math.max(cur.periodEnd, cur.t) + HOUR, {
            type: "subscription.canceled",
            status: "canceled",
            canceledAt: cur.periodEnd,
          });
          break;
        case "cancel_reported_early": {
          // Seen in other CREEM integrations: `canceled` with the period end still ahead.
          const t = Math.min(cur.t + gap, cur.periodEnd - HOUR);
          step = next(t, { type: "subscription.canceled", status: "canceled", canceledAt: t });
          break;
        }
      }
      steps.push(step);
      if (move === "renew") payments.push(paymentFor(step, payments.length));
      last = Math.max(last, step.t);
    }
  }
  let purchase: History["purchase"];
  if (c.purchase) {
    purchase = { t: T0 + c.purchaseHours * HOUR };
    payments.push({ key: "purchase", amount: LIFETIME_PRICE, subscription: false, t: purchase.t });
    last = Math.max(last, purchase.t);
  }
  const reversals: Reversal[] = [];
  if (payments.length > 0) {
    for (const r of c.reversals) {
      const payment = payments[r.target % payments.length]!;
      // Refunds of one payment: all of it, half, or the other half (two halves add up to all of it).
      const amount =
        r.share === 0
          ? payment.amount
          : r.share === 3
            ? payment.amount - Math.floor(payment.amount / 2)
            : Math.floor(payment.amount / 2);
      const statuses = ["succeeded", "succeeded", "succeeded", "failed", "pending", "succeeded"] as const;
      const t = payment.t + r.gapHours * HOUR;
      reversals.push({
        index: reversals.length,
        kind: r.dispute ? "dispute" : "refund",
        payment: payment.key,
        status: statuses[r.status]!,
        amount: r.dispute ? payment.amount : amount,
        t,
      });
      last = Math.max(last, t);
    }
  }
  const stepCount = steps.length;
  return {
    subscription: steps,
    purchase,
    payments,
    reversals,
    duplicates: stepCount ? [...new Set(c.duplicates.map((d) => d % stepCount))] : [],
    syncs: stepCount ? [...new Set(c.syncs.map((s) => s % stepCount))] : [],
    now: last + c.nowHours * HOUR,
  };
}

function paymentFor(step: SubStep, n: number): Payment {
  return {
    key: `pay${n}`,
    amount: PRICE[step.product] * step.units,
    periodStart: step.periodStart,
    periodEnd: step.periodEnd,
    subscription: true,
    t: step.t,
  };
}

// ---------------------------------------------------------------------------------------------------
// The model: what the README says a user may use, given the facts the app has received so far.

/** What the app has received: subscription steps (by event or sync), the purchase, reversals. */
export type Received = { steps: ReadonlySet<number>; purchase: boolean; reversals: ReadonlySet<number> };

export type ModelAccess = {
  subscription?: { granted: boolean; product: Product };
  purchase?: { granted: boolean };
  disputed: boolean;
};

export function modelAccess(h: History, got: Received, graceDays: number): ModelAccess {
  const reversalsOf = (payment: Payment) =>
    h.reversals.filter((r) => got.reversals.has(r.index) && r.payment === payment.key);
  const disputedPayment = (p: Payment) => reversalsOf(p).some((r) => r.kind === "dispute");
  // Refunds of one payment add up; only succeeded ones count.
  const refundedInFull = (p: Payment) =>
    reversalsOf(p)
      .filter((r) => r.kind === "refund" && r.status === "succeeded")
      .reduce((sum, r) => sum + r.amount, 0) >= p.amount;

  const out: ModelAccess = { disputed: false };
  const received = h.subscription.filter((s) => got.steps.has(s.index)).sort((a, b) => a.t - b.t);
  const latest = received[received.length - 1];
  if (latest) {
    const payments = h.payments.filter((p) => p.subscription);
    const disputed = payments.some(disputedPayment);
    const currentRefunded = payments.some(
      (p) => p.periodStart === latest.periodStart && p.periodEnd === latest.periodEnd && refundedInFull(p),
    );
    // The cancellation was one at period end when the last step that said anything about it was a
    // scheduled_cancel (a resume, i.e. active/trialing again, takes it back).
    const intent = [...received]
      .reverse()
      .find((s) => s.status === "scheduled_cancel" || s.status === "active" || s.status === "trialing");
    const atPeriodEnd = intent?.status === "scheduled_cancel";
    const now = h.now;
    const inPeriod = now < latest.periodEnd;
    // The latest period end the app saw held in good standing: an unpaid run began by then at the latest
    // (with every event received, that is the run's first failed renewal, `failedAt`).
    const held = received
      .filter((s) => s.status === "active" || s.status === "trialing" || s.status === "scheduled_cancel")
      .map((s) => s.periodEnd);
    const coveredThrough = held.length > 0 ? Math.max(...held) : Infinity;
    let granted: boolean;
    switch (latest.status) {
      case "active":
      case "trialing":
        granted = now <= latest.periodEnd + STALE_DAYS * DAY;
        break;
      case "scheduled_cancel":
        granted = inPeriod;
        break;
      case "past_due":
      case "expired":
        // The grace belongs to the run's first failed renewal: a later failure does not restart it.
        granted = now < Math.min(latest.dueAt!, coveredThrough) + graceDays * DAY;
        break;
      case "canceled":
        granted = atPeriodEnd && inPeriod;
        break;
      case "paused":
      case "unpaid":
        granted = false;
        break;
    }
    out.subscription = { granted: granted && !disputed && !currentRefunded, product: latest.product };
    out.disputed ||= disputed;
  }
  if (h.purchase && got.purchase) {
    const payment = h.payments.find((p) => p.key === "purchase")!;
    const disputed = disputedPayment(payment);
    out.purchase = { granted: !disputed && !refundedInFull(payment) };
    out.disputed ||= disputed;
  }
  return out;
}

/** Everything in the history received. */
export function everything(h: History): Received {
  return {
    steps: new Set(h.subscription.map((s) => s.index)),
    purchase: h.purchase !== undefined,
    reversals: new Set(h.reversals.map((r) => r.index)),
  };
}

/** fast-check's run settings: PROPERTY_RUNS cases (default `ciRuns`), PROPERTY_SEED/PROPERTY_PATH to replay. */
export function propertyParams(ciRuns: number): fc.Parameters<unknown> {
  const seed = process.env.PROPERTY_SEED;
  const path = process.env.PROPERTY_PATH;
  return {
    numRuns: Number(process.env.PROPERTY_RUNS ?? ciRuns),
    ...(seed ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
    // The report names the seed and path: rerun with PROPERTY_SEED=<seed> PROPERTY_PATH=<path>.
    verbose: 1,
  };
}
