// The webhook event types after which the webhook route decides lifecycle emails at once (after the
// response). A module of its own so the route imports this list and not the email code.
export const EMAIL_EVENT_TYPES: ReadonlySet<string> = new Set([
  "subscription.past_due",
  "subscription.scheduled_cancel",
  "subscription.canceled",
  "subscription.expired",
  "subscription.unpaid",
  "checkout.completed",
]);
