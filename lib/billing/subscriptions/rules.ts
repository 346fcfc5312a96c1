import type { CancelTiming } from "@/lib/billing/subscriptions/proration";

// Which changes a subscription accepts in each status. Mirrors CREEM (which answers 409 otherwise), so the
// billing page offers only what will work and a stale or forged form gets a clear reason instead.

export type SubscriptionChange = "change" | "pause" | "resume" | CancelTiming;

// "unpaid" is where CREEM's retries end: the subscription is over, as canceled is.
const ENDED = new Set(["canceled", "unpaid"]);
// Renewal failed but CREEM is still retrying: a new card can save the subscription.
const PAYMENT_PROBLEM = new Set(["past_due", "expired"]);

export function isEnded(status: string): boolean {
  return ENDED.has(status);
}

export function needsPaymentFix(status: string): boolean {
  return PAYMENT_PROBLEM.has(status);
}

/** Why `change` is refused for a subscription in `status`; undefined when it is allowed. */
export function refusalFor(change: SubscriptionChange, status: string): string | undefined {
  if (ENDED.has(status)) return "This subscription has already ended.";
  switch (change) {
    case "change":
      if (status === "active" || status === "trialing") return undefined;
      if (status === "paused" || status === "scheduled_cancel")
        return "Resume your subscription before changing it.";
      if (PAYMENT_PROBLEM.has(status)) return "Update your payment method before changing your plan.";
      return "This subscription cannot be changed right now.";
    case "pause":
      if (status === "active" || status === "trialing") return undefined;
      if (status === "paused") return "This subscription is already paused.";
      return "Only an active subscription can be paused.";
    case "resume":
      if (status === "paused" || status === "scheduled_cancel") return undefined;
      return "This subscription is not paused or scheduled to cancel, so there is nothing to resume.";
    case "period_end":
      if (status === "scheduled_cancel")
        return "This subscription is already set to cancel at the end of the period.";
      if (status === "paused") return "A paused subscription can only be canceled immediately.";
      return undefined;
    case "now":
      return undefined;
  }
}

export function allows(change: SubscriptionChange, status: string): boolean {
  return refusalFor(change, status) === undefined;
}
