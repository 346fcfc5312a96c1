// What each CREEM subscription status means to this app, in one table: how it reads, whether it grants
// access, whether it has ended, whether it is a payment problem, how it breaks ties between events of the
// same moment, and which changes it accepts. Everything else (entitlements, the billing page, the change
// rules, the webhook ordering) reads this table instead of keeping its own list.

export const SUBSCRIPTION_STATUSES = [
  "active",
  "trialing",
  "scheduled_cancel",
  "past_due",
  "expired",
  "paused",
  "canceled",
  "unpaid",
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * An active or trialing row whose period ended more than this many days ago grants nothing until it is
 * re-synced from CREEM: the renewal (or the end) was reported by a webhook that never arrived.
 */
export const STALE_AFTER_DAYS = 3;

export type Tone = "neutral" | "brand" | "success" | "warning" | "danger";

/**
 * How a status grants access (see `subscriptionAccess` in entitlements.ts):
 * - `yes`: while the paid period lasts (a row whose period ended days ago is re-synced first);
 * - `until_period_end`: until the current period ends;
 * - `grace`: for the grace period after the renewal that failed;
 * - `until_period_end_if_scheduled`: until the period ends only when the cancellation was one at period
 *   end (CREEM reports those as `canceled` with a future period end too); at once otherwise;
 * - `no`: not at all.
 */
export type AccessRule = "yes" | "until_period_end" | "grace" | "until_period_end_if_scheduled" | "no";

/** What a subscriber can ask for on the billing page. */
export type SubscriptionChange = "change" | "pause" | "resume" | "period_end" | "now";

export type StatusInfo = {
  label: string;
  tone: Tone;
  access: AccessRule;
  /** Nothing left to manage: the billing page offers new plans instead. */
  ended: boolean;
  /** A renewal failed and a new card can still save the subscription. */
  paymentProblem: boolean;
  /** Among events of the same moment, the higher rank is the later step of a lifecycle. */
  rank: number;
  /** Why each change is refused in this status; a change that is not listed is allowed. */
  refuse: Partial<Record<SubscriptionChange, string>>;
};

const ENDED = "This subscription has already ended.";
const RESUME_FIRST = "Resume your subscription before changing it.";
const FIX_PAYMENT = "Update your payment method before changing your plan.";
const NOTHING_TO_RESUME =
  "This subscription is not paused or scheduled to cancel, so there is nothing to resume.";
const ONLY_ACTIVE_PAUSE = "Only an active subscription can be paused.";
const ENDED_REFUSALS = { change: ENDED, pause: ENDED, resume: ENDED, period_end: ENDED, now: ENDED };

export const STATUS: Record<SubscriptionStatus, StatusInfo> = {
  active: {
    label: "Active",
    tone: "success",
    access: "yes",
    ended: false,
    paymentProblem: false,
    rank: 0,
    refuse: { resume: NOTHING_TO_RESUME },
  },
  trialing: {
    label: "Trial",
    tone: "brand",
    access: "yes",
    ended: false,
    paymentProblem: false,
    rank: 0,
    refuse: {
      // What CREEM does to a trial on a plan or seat change is not documented: the trial runs its course.
      change: "Plan and seat changes are available once your free trial ends.",
      resume: NOTHING_TO_RESUME,
    },
  },
  scheduled_cancel: {
    label: "Canceling",
    tone: "warning",
    access: "until_period_end",
    ended: false,
    paymentProblem: false,
    rank: 1,
    refuse: {
      change: RESUME_FIRST,
      pause: ONLY_ACTIVE_PAUSE,
      period_end: "This subscription is already set to cancel at the end of the period.",
    },
  },
  past_due: {
    label: "Past due",
    tone: "danger",
    access: "grace",
    ended: false,
    paymentProblem: true,
    rank: 1,
    refuse: { change: FIX_PAYMENT, pause: ONLY_ACTIVE_PAUSE, resume: NOTHING_TO_RESUME },
  },
  // The period ended unpaid; CREEM may still collect. Access never outlasts the past_due grace.
  expired: {
    label: "Expired",
    tone: "danger",
    access: "grace",
    ended: false,
    paymentProblem: true,
    rank: 2,
    refuse: { change: FIX_PAYMENT, pause: ONLY_ACTIVE_PAUSE, resume: NOTHING_TO_RESUME },
  },
  paused: {
    label: "Paused",
    tone: "neutral",
    access: "no",
    ended: false,
    paymentProblem: false,
    rank: 1,
    refuse: {
      change: RESUME_FIRST,
      pause: "This subscription is already paused.",
      period_end: "A paused subscription can only be canceled immediately.",
    },
  },
  canceled: {
    label: "Canceled",
    tone: "neutral",
    access: "until_period_end_if_scheduled",
    ended: true,
    paymentProblem: false,
    rank: 3,
    refuse: ENDED_REFUSALS,
  },
  // Where CREEM's retries end: the subscription is over, as canceled is.
  unpaid: {
    label: "Unpaid",
    tone: "danger",
    access: "no",
    ended: true,
    paymentProblem: false,
    rank: 2,
    refuse: ENDED_REFUSALS,
  },
};

/** A status CREEM may add later: it grants nothing and offers nothing until the app knows it. */
const UNKNOWN: Omit<StatusInfo, "label"> = {
  tone: "neutral",
  access: "no",
  ended: false,
  paymentProblem: false,
  rank: 0,
  refuse: {
    change: "This subscription cannot be changed right now.",
    pause: ONLY_ACTIVE_PAUSE,
    resume: NOTHING_TO_RESUME,
  },
};

/** Own keys only: a status named like an Object.prototype member must not find a function. */
export function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function isSubscriptionStatus(value: string): value is SubscriptionStatus {
  return lookup(STATUS, value) !== undefined;
}

/** The table row for any stored status string; unknown statuses read as their own words. */
export function statusInfo(status: string): StatusInfo {
  const known = lookup(STATUS, status);
  if (known) return known;
  const words = status.replace(/_/g, " ").trim();
  return { ...UNKNOWN, label: words ? words[0]!.toUpperCase() + words.slice(1) : "Unknown" };
}

/** Why `change` is refused for a subscription in `status`; undefined when it is allowed. */
export function refusalFor(change: SubscriptionChange, status: string): string | undefined {
  return statusInfo(status).refuse[change];
}

export function allows(change: SubscriptionChange, status: string): boolean {
  return refusalFor(change, status) === undefined;
}

/**
 * A status in good standing holds its current period (paid, or its trial): the latest such period end is
 * where an unpaid run begins at the latest (Subscription.coveredThrough; migration grace_run lists the same
 * statuses).
 */
export function inGoodStanding(status: string): boolean {
  const { access } = statusInfo(status);
  return access === "yes" || access === "until_period_end";
}

export const isEnded = (status: string): boolean => statusInfo(status).ended;
export const needsPaymentFix = (status: string): boolean => statusInfo(status).paymentProblem;
