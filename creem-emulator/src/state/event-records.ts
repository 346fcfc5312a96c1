// Emitted webhook events and their delivery attempts, as stored (and listed by the control API).

export const EVENT_TYPES = [
  "checkout.completed",
  "subscription.active",
  "subscription.trialing",
  "subscription.paid",
  "subscription.update",
  "subscription.scheduled_cancel",
  "subscription.canceled",
  "subscription.paused",
  "subscription.past_due",
  "subscription.unpaid",
  "subscription.expired",
  "refund.created",
  "dispute.created",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface EventRecord {
  id: string;
  eventType: EventType;
  created_at: number;
  /** The exact JSON body that is signed and delivered; resends reuse it byte for byte. */
  body: string;
  /** Events with the same key are first sent in creation order (one subscription, one key). */
  key: string;
  subscription_id?: string;
  customer_id?: string;
  delivery_status: "not_sent" | "pending" | "delivered" | "failed";
}

export interface DeliveryRecord {
  id: string;
  event_id: string;
  event_type: EventType;
  attempt: number;
  trigger: "initial" | "retry" | "resend" | "send";
  url: string;
  status_code: number | null;
  error: string | null;
  ok: boolean;
  /** True when no further automatic retry follows this attempt. */
  final: boolean;
  sent_at: string;
  duration_ms: number;
}
