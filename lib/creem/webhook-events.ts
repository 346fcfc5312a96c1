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

/** Bounds on what a webhook body may be before it is parsed: deeper JSON is refused unparsed. */
export const WEBHOOK_MAX_DEPTH = 32;
/** An event id: printable ASCII, no spaces (CREEM sends `evt_...`); it becomes a primary key. */
export const WEBHOOK_ID_PATTERN = /^[\x21-\x7e]{1,255}$/;
export const WEBHOOK_TYPE_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** `created_at` is epoch ms on the wire; an ISO string is tolerated. */
export const webhookEnvelopeSchema = z
  .object({
    id: z.string().regex(WEBHOOK_ID_PATTERN, "must be 1-255 printable characters without spaces"),
    eventType: z.string().regex(WEBHOOK_TYPE_PATTERN, "must be 1-100 letters, digits, '.', '_', ':' or '-'"),
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

/** A verified body as JSON: `payload` is safe to store as jsonb; `sanitized` says whether it had to change. */
export type DecodedWebhookBody =
  { ok: true; payload: unknown; sanitized: boolean } | { ok: false; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes a (signature-verified) body: strict UTF-8, nesting bounded before JSON.parse runs (so a body of
 * 5,000 `[` cannot overflow a stack later), and a copy of the value without NUL characters or lone
 * surrogates (PostgreSQL text and jsonb refuse both; each becomes U+FFFD). Never throws.
 */
export function decodeWebhookBody(rawBody: string | Uint8Array): DecodedWebhookBody {
  let text: string;
  if (typeof rawBody === "string") text = rawBody;
  else {
    try {
      text = utf8.decode(rawBody);
    } catch {
      return { ok: false, reason: "body is not valid UTF-8" };
    }
  }
  if (jsonDepth(text) > WEBHOOK_MAX_DEPTH) {
    return { ok: false, reason: `body is nested deeper than ${WEBHOOK_MAX_DEPTH} levels` };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  const state = { sanitized: false };
  return { ok: true, payload: sanitize(payload, state), sanitized: state.sanitized };
}

/** The deepest nesting of arrays and objects in a JSON text (strings skipped); no parsing, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

// Unpaired surrogates and NUL: what PostgreSQL cannot store in text or jsonb.
const UNSTORABLE = /[\u0000\ud800-\udfff]/;

function cleanString(value: string, state: { sanitized: boolean }): string {
  if (!UNSTORABLE.test(value)) return value;
  const cleaned = value.toWellFormed().replace(/\u0000/g, "\ufffd");
  if (cleaned !== value) state.sanitized = true;
  return cleaned;
}

// Recursion is safe: jsonDepth bounded the nesting before JSON.parse ran.
function sanitize(value: unknown, state: { sanitized: boolean }): unknown {
  if (typeof value === "string") return cleanString(value, state);
  if (Array.isArray(value)) return value.map((item) => sanitize(item, state));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties, so a "__proto__" key stays data and never becomes a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [cleanString(key, state), sanitize(item, state)]),
    );
  }
  return value;
}

/** Parses the raw request body (after `verifyWebhookSignature`). Never throws. */
export function parseWebhookBody(rawBody: string | Uint8Array): WebhookParseResult {
  const decoded = decodeWebhookBody(rawBody);
  return decoded.ok ? parseWebhookEvent(decoded.payload) : { ok: false, reason: decoded.reason };
}
