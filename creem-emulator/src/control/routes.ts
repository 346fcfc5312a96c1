import { z } from "zod";
import { catalogDiscounts, catalogProducts } from "../catalog";
import { refreshExpiry } from "../billing/checkout-session";
import { licenseByIdOrKey, revoke, setActivationLimit, setExpiry } from "../billing/licenses";
import { completeCheckout } from "../billing/purchase";
import { openDispute, refundTransaction } from "../billing/refunds";
import { advance } from "../billing/renewal";
import type { Ctx } from "../context";
import { conflict } from "../core/errors";
import { json, type Router } from "../http/router";
import { parseJson, queryObject, validate } from "../http/validation";
import { EVENT_TYPES, type EventRecord, type LicenseRecord } from "../state/types";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import { wireCheckout } from "../wire/checkout";
import { wireLicense, wireLicenseInstance } from "../wire/license";
import { wireDispute, wireRefund } from "../wire/refund";
import { wireSubscription } from "../wire/subscription";
import { wireTransaction } from "../wire/transaction";
import { trigger } from "./trigger";

export const eventSummary = (e: EventRecord) => ({
  id: e.id,
  eventType: e.eventType,
  created_at: e.created_at,
  ...(e.subscription_id ? { subscription_id: e.subscription_id } : {}),
  ...(e.customer_id ? { customer_id: e.customer_id } : {}),
  delivery_status: e.delivery_status,
});

const eventsQuery = z.object({
  type: z.enum(EVENT_TYPES).optional(),
  subscription_id: z.string().optional(),
  customer_id: z.string().optional(),
});
const orderSchema = z.enum(["given", "reversed"]).default("given");
const sendSchema = z.object({ event_ids: z.array(z.string().min(1)).min(1), order: orderSchema });
const resendSchema = z.object({ times: z.number().int().min(1).max(10).default(1) });
const webhookSchema = z.object({ url: z.url().nullable() });
const triggerSchema = z.object({
  event: z.enum(EVENT_TYPES),
  subscription_id: z.string().min(1).optional(),
  customer_email: z.email().optional(),
  product_id: z.string().min(1).optional(),
});
const completeSchema = z.object({ email: z.email().optional(), name: z.string().optional() });
const expireSchema = z.object({ expires_at: z.iso.datetime({ offset: true }).nullable().optional() });
const limitSchema = z.object({ activation_limit: z.number().int().min(1).nullable() });

/** The emulator's own JSON API under /__emulator (no API key): time travel, faults, events, state. */
export function registerControlRoutes(router: Router, ctx: Ctx, webhooks: WebhookDispatcher): void {
  const { store } = ctx;
  const licenseSummary = (l: LicenseRecord) => ({
    ...wireLicense(l),
    customer_email: store.state.customers[l.customer_id]?.email ?? null,
    instances: l.instances.map(wireLicenseInstance),
  });
  const body = <T extends z.ZodType>(schema: T, raw: string) => validate(schema, parseJson(raw));
  const withEvents = (events: EventRecord[]) => events.map(eventSummary);
  const requireWebhookUrl = () => {
    if (!webhooks.url) throw conflict("No webhook URL is set; set one with POST /__emulator/webhook");
  };

  router.add("GET", "/__emulator/health", "control", () =>
    json({
      ok: true,
      url: ctx.config.publicUrl,
      webhook_url: webhooks.url ?? null,
      holding: webhooks.holding,
    }),
  );
  router.add("GET", "/__emulator/state", "control", () => json(store.state));

  router.add("GET", "/__emulator/events", "control", (req) => {
    const q = validate(eventsQuery, queryObject(req.query));
    const events = store.state.events.filter(
      (e) =>
        (!q.type || e.eventType === q.type) &&
        (!q.subscription_id || e.subscription_id === q.subscription_id) &&
        (!q.customer_id || e.customer_id === q.customer_id),
    );
    return json({ items: events.map(eventSummary) });
  });
  router.add("GET", "/__emulator/events/:id", "control", (req) => {
    const event = store.event(req.params.id ?? "");
    const deliveries = store.state.deliveries.filter((d) => d.event_id === event.id);
    return json({
      ...eventSummary(event),
      payload: JSON.parse(event.body) as unknown,
      body: event.body,
      deliveries,
    });
  });
  router.add("POST", "/__emulator/events/send", "control", async (req) => {
    const input = body(sendSchema, req.body);
    requireWebhookUrl();
    const events = input.event_ids.map((id) => store.event(id));
    return json({ deliveries: await webhooks.sendInOrder(events, input.order) });
  });
  router.add("POST", "/__emulator/events/:id/resend", "control", async (req) => {
    const event = store.event(req.params.id ?? "");
    const { times } = body(resendSchema, req.body);
    requireWebhookUrl();
    return json({ event_id: event.id, deliveries: await webhooks.resend(event, times) });
  });
  router.add("GET", "/__emulator/deliveries", "control", (req) => {
    const eventId = req.query.get("event_id");
    return json({ items: store.state.deliveries.filter((d) => !eventId || d.event_id === eventId) });
  });

  router.add("POST", "/__emulator/webhook", "control", (req) => {
    const { url } = body(webhookSchema, req.body);
    webhooks.url = url ?? undefined;
    return json({ webhook_url: webhooks.url ?? null });
  });
  router.add("POST", "/__emulator/webhook/hold", "control", () => {
    webhooks.hold();
    return json({ holding: true });
  });
  router.add("POST", "/__emulator/webhook/release", "control", async (req) => {
    const order = body(z.object({ order: orderSchema }), req.body).order;
    requireWebhookUrl();
    return json({ deliveries: await webhooks.release(order) });
  });

  router.add("POST", "/__emulator/subscriptions/:id/advance", "control", (req) => {
    const { fail } = body(z.object({ fail: z.boolean().default(false) }), req.body);
    const result = advance(ctx, store.subscription(req.params.id ?? ""), { fail });
    return json({
      subscription: wireSubscription(store, result.subscription),
      ...(result.transaction ? { transaction: wireTransaction(result.transaction) } : {}),
      events: withEvents(result.events),
    });
  });
  router.add("POST", "/__emulator/transactions/:id/refund", "control", (req) => {
    const { refund, event } = refundTransaction(ctx, req.params.id ?? "");
    return json({ refund: wireRefund(store, refund), events: withEvents([event]) });
  });
  router.add("POST", "/__emulator/transactions/:id/dispute", "control", (req) => {
    const { dispute, event } = openDispute(ctx, req.params.id ?? "");
    return json({ dispute: wireDispute(store, dispute), events: withEvents([event]) });
  });
  router.add("POST", "/__emulator/checkouts/:id/complete", "control", (req) => {
    const input = body(completeSchema, req.body);
    const checkout = store.checkout(req.params.id ?? "");
    const email = input.email ?? checkout.customer?.email ?? "buyer@example.com";
    const result = completeCheckout(ctx, checkout, {
      email,
      cardLast4: "4242",
      ...(input.name ? { name: input.name } : {}),
    });
    return json({
      redirect_url: result.redirectUrl,
      checkout: wireCheckout(store, ctx.config.publicUrl, result.checkout),
      events: withEvents(result.events),
    });
  });
  router.add("POST", "/__emulator/checkouts/:id/expire", "control", (req) => {
    const checkout = refreshExpiry(store.checkout(req.params.id ?? ""));
    if (checkout.status === "completed") throw conflict("Checkout is already completed");
    checkout.status = "expired";
    return json(wireCheckout(store, ctx.config.publicUrl, checkout));
  });
  router.add("POST", "/__emulator/trigger", "control", (req) => {
    const input = body(triggerSchema, req.body);
    return json({ events: withEvents(trigger(ctx, input)) });
  });

  /** Licenses with their instances and owner (to find a key); `?customer_email=` narrows. */
  router.add("GET", "/__emulator/licenses", "control", (req) => {
    const email = req.query.get("customer_email");
    const owner = email ? store.customerByEmail(email) : undefined;
    if (email && !owner) return json({ items: [] });
    const licenses = Object.values(store.state.licenses).filter((l) => !owner || l.customer_id === owner.id);
    return json({ items: licenses.map(licenseSummary) });
  });
  router.add("POST", "/__emulator/licenses/:id/revoke", "control", (req) =>
    json(licenseSummary(revoke(licenseByIdOrKey(store, req.params.id ?? "")))),
  );
  router.add("POST", "/__emulator/licenses/:id/expire", "control", (req) => {
    const { expires_at } = body(expireSchema, req.body);
    const license = licenseByIdOrKey(store, req.params.id ?? "");
    const at =
      expires_at === undefined ? undefined : expires_at === null ? null : new Date(expires_at).toISOString();
    return json(licenseSummary(setExpiry(license, at)));
  });
  router.add("POST", "/__emulator/licenses/:id/limit", "control", (req) => {
    const { activation_limit } = body(limitSchema, req.body);
    return json(
      licenseSummary(setActivationLimit(licenseByIdOrKey(store, req.params.id ?? ""), activation_limit)),
    );
  });

  router.add("POST", "/__emulator/reset", "control", () => {
    store.reset(true);
    return json({ ok: true });
  });
  router.add("POST", "/__emulator/products/seed", "control", () => {
    store.seedCatalog();
    return json({
      products: catalogProducts().map((p) => p.id),
      discounts: catalogDiscounts().map((d) => d.id),
    });
  });
}
