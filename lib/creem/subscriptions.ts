import { compact, pathId, requireId } from "./request-utils";
import { subscriptionSchema, type Subscription } from "./schemas/subscription";
import type { Transport } from "./transport";

export type UpdateBehavior = "proration-charge-immediately" | "proration-charge" | "proration-none";

export interface SubscriptionItemInput {
  /** Existing item (`sitem_...`) to change; omit to add an item. */
  id?: string;
  productId?: string;
  priceId?: string;
  units?: number;
}

export interface UpdateSubscriptionInput {
  items: SubscriptionItemInput[];
  /** CREEM's default is "proration-charge". */
  updateBehavior?: UpdateBehavior;
}

export interface UpgradeSubscriptionInput {
  productId: string;
  /** CREEM's default is "proration-charge-immediately". */
  updateBehavior?: UpdateBehavior;
}

export interface CancelSubscriptionInput {
  /** "scheduled" cancels at the period end (status "scheduled_cancel" until then). */
  mode?: "immediate" | "scheduled";
  /** What a scheduled cancellation does when it executes. */
  onExecute?: "cancel" | "pause";
}

export function toUpdateSubscriptionBody(input: UpdateSubscriptionInput): Record<string, unknown> {
  return compact({
    items: input.items.map((item) =>
      compact({ id: item.id, product_id: item.productId, price_id: item.priceId, units: item.units }),
    ),
    update_behavior: input.updateBehavior,
  });
}

export function subscriptionsApi(request: Transport) {
  const post = (subscriptionId: string, action: string, body?: Record<string, unknown>) =>
    request({
      method: "POST",
      path: `/v1/subscriptions/${pathId(subscriptionId, "subscriptionId")}${action}`,
      body,
      schema: subscriptionSchema,
    });

  return {
    async get(subscriptionId: string): Promise<Subscription> {
      return request({
        method: "GET",
        path: "/v1/subscriptions",
        query: { subscription_id: requireId(subscriptionId, "subscriptionId") },
        schema: subscriptionSchema,
      });
    },
    /** Changes items or seat counts. */
    async update(subscriptionId: string, input: UpdateSubscriptionInput): Promise<Subscription> {
      return post(subscriptionId, "", toUpdateSubscriptionBody(input));
    },
    async upgrade(subscriptionId: string, input: UpgradeSubscriptionInput): Promise<Subscription> {
      return post(
        subscriptionId,
        "/upgrade",
        compact({
          product_id: requireId(input.productId, "productId"),
          update_behavior: input.updateBehavior,
        }),
      );
    },
    async cancel(subscriptionId: string, input: CancelSubscriptionInput = {}): Promise<Subscription> {
      // `onExecute` is camelCase on the wire, unlike every other body key.
      return post(subscriptionId, "/cancel", compact({ mode: input.mode, onExecute: input.onExecute }));
    },
    async pause(subscriptionId: string): Promise<Subscription> {
      return post(subscriptionId, "/pause");
    },
    async resume(subscriptionId: string): Promise<Subscription> {
      return post(subscriptionId, "/resume");
    },
  };
}
export type SubscriptionsApi = ReturnType<typeof subscriptionsApi>;
