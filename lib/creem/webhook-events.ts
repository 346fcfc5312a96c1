import { z } from "zod";
import { camelKeys, describeIssues, timestamp } from "./schemas/common";
import { checkoutSchema, type Checkout } from "./schemas/checkout";
import { disputeSchema, type Dispute } from "./schemas/dispute";
import { refundSchema, type Refund } from "./schemas/refund";
import { subscriptionSchema, type Subscription } from "./schemas/subscription";

export const SUBSCRIPTION_EVENT_TYPES = [
  "subscription.active",
  "subscription.trialing",
  "subscription.paid",
  "subscription.canceled",
  "subscription.scheduled_cancel",
  "subscription.expired",
  "subscription.unpaid",
  "subscription.update",
  "subscription.past_due",
  "subscription.paused",
] as const;
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];

/** Known, but with nothing for this app to do: they parse as unhandled events. */
export const CREDITS_EVENT_TYPES = [
  "credits.granted",
  "credits.consumed",
  "credits.auto_recharged",
  "customer_credits.exhausted",
] as const;

export const KNOWN_WEBHOOK_EVENT_TYPES = [
  "checkout.completed",
  ...SUBSCRIPTION_EVENT_TYPES,
  "refund.created",
  "dispute.created",
  ...CREDITS_EVENT_TYPES,
] as const;
export type KnownWebhookEventType = (typeof KNOWN_WEBHOOK_EVENT_TYPES)[number];

export function isKnownWebhookEventType(type: string): type is KnownWebhookEventType {
  return (KNOWN_WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

function isSubscriptionEventType(type: string): type is SubscriptionEventType {
  return (SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(type);
}

/** `created_at` is epoch ms on the wire; an ISO string is tolerated. */
export const webhookEnvelopeSchema = z
  .object({
    id: z.string().min(1),
    eventType: z.string().min(1),
    created_at: timestamp,
    object: z.unknown().optional(),
  })
  .transform(camelKeys);
export type WebhookEnvelope = z.output<typeof webhookEnvelopeSchema>;

interface EventBase {
  /** `evt_...`: the de-duplication key. */
  id: string;
  createdAt: Date | undefined;
}

export interface CheckoutCompletedEvent extends EventBase {
  kind: "checkout";
  eventType: "checkout.completed";
  object: Checkout;
}

export interface SubscriptionEvent extends EventBase {
  kind: "subscription";
  eventType: SubscriptionEventType;
  object: Subscription;
}

export interface RefundCreatedEvent extends EventBase {
  kind: "refund";
  eventType: "refund.created";
  object: Refund;
}

export interface DisputeCreatedEvent extends EventBase {
  kind: "dispute";
  eventType: "dispute.created";
  object: Dispute;
}

/** Any other event (new types appear over time): acknowledge it with a 2xx so CREEM stops retrying. */
export interface UnhandledEvent extends EventBase {
  kind: "unhandled";
  eventType: string;
  object: unknown;
}

export type CreemWebhookEvent =
  CheckoutCompletedEvent | SubscriptionEvent | RefundCreatedEvent | DisputeCreatedEvent | UnhandledEvent;

export type WebhookParseResult =
  | { ok: true; event: CreemWebhookEvent }
  /** `envelope` is set when only the event's object was unreadable. */
  | { ok: false; reason: string; envelope?: WebhookEnvelope };

/** Parses a (signature-verified) webhook payload. Never throws. */
export function parseWebhookEvent(payload: unknown): WebhookParseResult {
  const envelope = webhookEnvelopeSchema.safeParse(payload);
  if (!envelope.success) {
    return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  }
  const { id, eventType, createdAt, object } = envelope.data;
  const base = { id, createdAt };

  const parseObject = <T>(schema: z.ZodType<T>): { data: T } | { reason: string } => {
    const parsed = schema.safeParse(object);
    return parsed.success
      ? { data: parsed.data }
      : { reason: `invalid ${eventType} object: ${describeIssues(parsed.error)}` };
  };
  const fail = (reason: string): WebhookParseResult => ({ ok: false, reason, envelope: envelope.data });

  if (eventType === "checkout.completed") {
    const result = parseObject(checkoutSchema);
    if ("reason" in result) return fail(result.reason);
    return { ok: true, event: { ...base, kind: "checkout", eventType, object: result.data } };
  }
  if (isSubscriptionEventType(eventType)) {
    const result = parseObject(subscriptionSchema);
    if ("reason" in result) return fail(result.reason);
    return { ok: true, event: { ...base, kind: "subscription", eventType, object: result.data } };
  }
  if (eventType === "refund.created") {
    const result = parseObject(refundSchema);
    if ("reason" in result) return fail(result.reason);
    return { ok: true, event: { ...base, kind: "refund", eventType, object: result.data } };
  }
  if (eventType === "dispute.created") {
    const result = parseObject(disputeSchema);
    if ("reason" in result) return fail(result.reason);
    return { ok: true, event: { ...base, kind: "dispute", eventType, object: result.data } };
  }
  return { ok: true, event: { ...base, kind: "unhandled", eventType, object } };
}

/** Parses the raw request body (after `verifyWebhookSignature`). Never throws. */
export function parseWebhookBody(rawBody: string | Uint8Array): WebhookParseResult {
  const text = typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  return parseWebhookEvent(payload);
}
