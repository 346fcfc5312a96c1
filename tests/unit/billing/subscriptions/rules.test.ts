import { describe, expect, it } from "vitest";
import { CHANGE_BEHAVIOR, CHANGE_EXPLANATION } from "@/lib/billing/subscriptions/proration";
import {
  allows,
  isEnded,
  needsPaymentFix,
  refusalFor,
  type SubscriptionChange,
} from "@/lib/billing/subscription-status";

const ENDED = "This subscription has already ended.";
const RESUME_FIRST = "Resume your subscription before changing it.";
const FIX_PAYMENT = "Update your payment method before changing your plan.";
const CANNOT_CHANGE = "This subscription cannot be changed right now.";
const ALREADY_PAUSED = "This subscription is already paused.";
const ONLY_ACTIVE_PAUSE = "Only an active subscription can be paused.";
const NOTHING_TO_RESUME =
  "This subscription is not paused or scheduled to cancel, so there is nothing to resume.";
const ALREADY_CANCELING = "This subscription is already set to cancel at the end of the period.";
const PAUSED_CANCEL_NOW = "A paused subscription can only be canceled immediately.";
const TRIAL_RUNS = "Plan and seat changes are available once your free trial ends.";

const CHANGES = ["change", "pause", "resume", "period_end", "now"] as const satisfies SubscriptionChange[];
type Row = Record<(typeof CHANGES)[number], string | undefined>;
const ok = undefined;

// The full table: every change for every status, `undefined` meaning "allowed".
const TABLE: Record<string, Row> = {
  active: { change: ok, pause: ok, resume: NOTHING_TO_RESUME, period_end: ok, now: ok },
  trialing: { change: TRIAL_RUNS, pause: ok, resume: NOTHING_TO_RESUME, period_end: ok, now: ok },
  scheduled_cancel: {
    change: RESUME_FIRST,
    pause: ONLY_ACTIVE_PAUSE,
    resume: ok,
    period_end: ALREADY_CANCELING,
    now: ok,
  },
  paused: {
    change: RESUME_FIRST,
    pause: ALREADY_PAUSED,
    resume: ok,
    period_end: PAUSED_CANCEL_NOW,
    now: ok,
  },
  past_due: {
    change: FIX_PAYMENT,
    pause: ONLY_ACTIVE_PAUSE,
    resume: NOTHING_TO_RESUME,
    period_end: ok,
    now: ok,
  },
  expired: {
    change: FIX_PAYMENT,
    pause: ONLY_ACTIVE_PAUSE,
    resume: NOTHING_TO_RESUME,
    period_end: ok,
    now: ok,
  },
  canceled: { change: ENDED, pause: ENDED, resume: ENDED, period_end: ENDED, now: ENDED },
  unpaid: { change: ENDED, pause: ENDED, resume: ENDED, period_end: ENDED, now: ENDED },
  // Statuses the app does not know (new CREEM ones, or a different spelling) are treated conservatively:
  // no plan change, no pause, nothing to resume, but the subscriber can always cancel.
  incomplete: {
    change: CANNOT_CHANGE,
    pause: ONLY_ACTIVE_PAUSE,
    resume: NOTHING_TO_RESUME,
    period_end: ok,
    now: ok,
  },
  ACTIVE: {
    change: CANNOT_CHANGE,
    pause: ONLY_ACTIVE_PAUSE,
    resume: NOTHING_TO_RESUME,
    period_end: ok,
    now: ok,
  },
  "": { change: CANNOT_CHANGE, pause: ONLY_ACTIVE_PAUSE, resume: NOTHING_TO_RESUME, period_end: ok, now: ok },
};

const cases = Object.entries(TABLE).flatMap(([status, row]) =>
  CHANGES.map((change) => ({ status, change, reason: row[change] })),
);

describe("refusalFor / allows: every change in every status", () => {
  it.each(cases)("$change on '$status' → $reason", ({ status, change, reason }) => {
    expect(refusalFor(change, status)).toBe(reason);
    expect(allows(change, status)).toBe(reason === undefined);
  });

  it("the table covers all 5 changes for all 11 statuses", () => {
    expect(cases).toHaveLength(55);
  });

  it("an ended subscription refuses everything with the same reason, whatever the change", () => {
    for (const status of ["canceled", "unpaid"]) {
      expect(new Set(CHANGES.map((c) => refusalFor(c, status)))).toEqual(new Set([ENDED]));
    }
  });

  it("cancel-now is allowed for every status that has not ended", () => {
    for (const status of Object.keys(TABLE)) {
      expect(allows("now", status)).toBe(!isEnded(status));
    }
  });
});

describe("isEnded / needsPaymentFix", () => {
  it.each([
    ["active", false, false],
    ["trialing", false, false],
    ["scheduled_cancel", false, false],
    ["paused", false, false],
    ["past_due", false, true],
    ["expired", false, true],
    ["canceled", true, false],
    ["unpaid", true, false],
    ["incomplete", false, false],
    ["Canceled", false, false],
    ["", false, false],
  ])("%s: ended %s, needs payment fix %s", (status, ended, fix) => {
    expect(isEnded(status)).toBe(ended);
    expect(needsPaymentFix(status)).toBe(fix);
  });
});

describe("change billing", () => {
  it("charges or refunds the prorated difference now, never proration-none or the deprecated default", () => {
    expect(CHANGE_BEHAVIOR).toBe("proration-charge-immediately");
    expect(CHANGE_EXPLANATION).toMatch(/charges the prorated difference/);
    expect(CHANGE_EXPLANATION).toMatch(/refunds the unused time/);
  });
});
