import { z } from "zod";
import {
  cancelSubscription,
  pauseSubscription,
  resumeSubscription,
  updateItems,
  upgradeSubscription,
} from "../billing/subscription-changes";
import type { Ctx } from "../context";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import { SUBSCRIPTION_STATUSES } from "../state/types";
import { paginate } from "../wire/pagination";
import { wireSubscription } from "../wire/subscription";

const UPDATE_BEHAVIORS = ["proration-charge-immediately", "proration-charge", "proration-none"] as const;

const updateSchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string().optional(),
        product_id: z.string().optional(),
        price_id: z.string().optional(),
        units: z.number().int().min(1).optional(),
      }),
    )
    .optional(),
  update_behavior: z.enum(UPDATE_BEHAVIORS).default("proration-charge"),
});

const upgradeSchema = z.object({
  product_id: z.string().min(1),
  update_behavior: z.enum(UPDATE_BEHAVIORS).default("proration-charge-immediately"),
});

/** The SDK sends only the page; customer, product and status filters are accepted as well. */
const searchSchema = z.intersection(
  pageQuery(10),
  z.object({
    customer_id: z.string().min(1).optional(),
    product_id: z.string().min(1).optional(),
    status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  }),
);

const cancelSchema = z.object({
  mode: z.enum(["immediate", "scheduled"]).optional(),
  onExecute: z.enum(["cancel", "pause"]).optional(),
});

export function registerSubscriptionRoutes(router: Router, ctx: Ctx): void {
  const { store } = ctx;
  const subscription = (id: string | undefined) => store.subscription(id ?? "");
  const respond = (id: string) => json(wireSubscription(store, store.subscription(id)));

  router.add("GET", "/v1/subscriptions", "api", (req) => {
    const { subscription_id } = validate(
      z.object({ subscription_id: z.string().min(1) }),
      queryObject(req.query),
    );
    return respond(subscription_id);
  });

  /** Newest first. */
  router.add("GET", "/v1/subscriptions/search", "api", (req) => {
    const q = validate(searchSchema, queryObject(req.query));
    const matches = Object.values(store.state.subscriptions)
      .filter(
        (s) =>
          (!q.customer_id || s.customer_id === q.customer_id) &&
          (!q.product_id || s.product_id === q.product_id) &&
          (!q.status || s.status === q.status),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const items = matches.map((s) => wireSubscription(store, s));
    return json(paginate(items, q.page_number, q.page_size));
  });

  router.add("POST", "/v1/subscriptions/:id", "api", (req) => {
    const s = subscription(req.params.id);
    const input = validate(updateSchema, parseJson(req.body));
    updateItems(ctx, s, input.items ?? [], input.update_behavior);
    return respond(s.id);
  });

  router.add("POST", "/v1/subscriptions/:id/upgrade", "api", (req) => {
    const s = subscription(req.params.id);
    const input = validate(upgradeSchema, parseJson(req.body));
    upgradeSubscription(ctx, s, input.product_id, input.update_behavior);
    return respond(s.id);
  });

  router.add("POST", "/v1/subscriptions/:id/cancel", "api", (req) => {
    const s = subscription(req.params.id);
    const input = validate(cancelSchema, parseJson(req.body));
    cancelSubscription(ctx, s, {
      ...(input.mode === undefined ? {} : { mode: input.mode }),
      ...(input.onExecute === undefined ? {} : { onExecute: input.onExecute }),
    });
    return respond(s.id);
  });

  router.add("POST", "/v1/subscriptions/:id/pause", "api", (req) => {
    const s = subscription(req.params.id);
    pauseSubscription(ctx, s);
    return respond(s.id);
  });

  router.add("POST", "/v1/subscriptions/:id/resume", "api", (req) => {
    const s = subscription(req.params.id);
    resumeSubscription(ctx, s);
    return respond(s.id);
  });
}
