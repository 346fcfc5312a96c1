import { createHmac } from "node:crypto";

// CREEM-shaped webhook payloads (wire format, per shared/creem/api-reference.md) for tests.

export const WEBHOOK_SECRET = "whsec_test_secret";
export const PRODUCTS = {
  proMonthly: "prod_local_pro_monthly",
  teamMonthly: "prod_local_team_monthly",
  lifetime: "prod_local_lifetime",
} as const;

const iso = (ms: number) => new Date(ms).toISOString();

export function customer(id: string, email: string) {
  return {
    id,
    mode: "test",
    object: "customer",
    email,
    name: "Test Buyer",
    country: null,
    created_at: iso(0),
    updated_at: iso(0),
  };
}

export function product(id: string) {
  return {
    id,
    mode: "test",
    object: "product",
    name: id,
    description: "",
    price: 1900,
    currency: "USD",
    billing_type: id.includes("lifetime") ? "onetime" : "recurring",
    billing_period: id.includes("lifetime") ? "once" : "every-month",
    status: "active",
    tax_mode: "exclusive",
    tax_category: "saas",
    created_at: iso(0),
    updated_at: iso(0),
  };
}

export type SubState = {
  id: string;
  status: string;
  productId?: string;
  units?: number;
  periodStart: number;
  periodEnd: number;
  canceledAt?: number | null;
  metadata?: Record<string, unknown>;
};

export function subscription(s: SubState, cust: ReturnType<typeof customer>, updatedAt: number) {
  const productId = s.productId ?? PRODUCTS.proMonthly;
  return {
    id: s.id,
    mode: "test",
    object: "subscription",
    product: product(productId),
    customer: cust,
    items: [
      {
        id: `sitem_${s.id}`,
        mode: "test",
        object: "subscription_item",
        product_id: productId,
        price_id: "pprice_1",
        units: s.units ?? 1,
      },
    ],
    collection_method: "charge_automatically",
    status: s.status,
    current_period_start_date: iso(s.periodStart),
    current_period_end_date: iso(s.periodEnd),
    canceled_at: s.canceledAt ? iso(s.canceledAt) : null,
    metadata: s.metadata ?? {},
    created_at: iso(0),
    updated_at: iso(updatedAt),
  };
}

export function envelope(id: string, eventType: string, createdAt: number, object: unknown) {
  return { id, eventType, created_at: createdAt, object };
}

export function checkoutCompleted(opts: {
  eventId: string;
  at: number;
  checkoutId: string;
  requestId?: string;
  userId?: string;
  customer: ReturnType<typeof customer>;
  productId: string;
  orderId: string;
  transactionId?: string;
  subscription?: SubState;
  units?: number;
  licenseKey?: string;
}) {
  const oneTime = !opts.subscription;
  return envelope(opts.eventId, "checkout.completed", opts.at, {
    id: opts.checkoutId,
    mode: "test",
    object: "checkout",
    status: "completed",
    request_id: opts.requestId,
    product: product(opts.productId),
    units: opts.units ?? 1,
    order: {
      id: opts.orderId,
      mode: "test",
      object: "order",
      customer: opts.customer.id,
      product: opts.productId,
      transaction: opts.transactionId ?? `tran_${opts.orderId}`,
      amount: 29900,
      currency: "USD",
      status: "paid",
      type: oneTime ? "onetime" : "recurring",
      created_at: iso(opts.at),
      updated_at: iso(opts.at),
    },
    customer: opts.customer,
    ...(opts.subscription
      ? {
          subscription: {
            ...subscription(opts.subscription, opts.customer, opts.at),
            product: opts.productId,
            customer: opts.customer.id,
          },
        }
      : {}),
    ...(opts.licenseKey
      ? {
          license_keys: [
            {
              id: `lic_${opts.orderId}`,
              mode: "test",
              object: "license",
              product_id: opts.productId,
              status: "active",
              key: opts.licenseKey,
              activation: 0,
              activation_limit: 3,
              expires_at: null,
              created_at: iso(opts.at),
              instance: null,
            },
          ],
        }
      : {}),
    metadata: opts.userId ? { userId: opts.userId } : {},
    success_url: null,
  });
}

export type TransactionShape = {
  amount?: number;
  subscriptionId?: string;
  periodStart?: number;
  periodEnd?: number;
  createdAt?: number;
};

export function transaction(id: string, orderId: string, status = "paid", shape: TransactionShape = {}) {
  return {
    id,
    mode: "test",
    object: "transaction",
    amount: shape.amount ?? 29900,
    amount_paid: shape.amount ?? 29900,
    currency: "USD",
    type: shape.subscriptionId ? "invoice" : "payment",
    status,
    order: orderId,
    ...(shape.subscriptionId ? { subscription: shape.subscriptionId } : {}),
    ...(shape.periodStart !== undefined ? { period_start: shape.periodStart } : {}),
    ...(shape.periodEnd !== undefined ? { period_end: shape.periodEnd } : {}),
    created_at: shape.createdAt ?? 1_700_000_000_000,
  };
}

export type RefundShape = TransactionShape & {
  status?: string;
  /** The refunded amount (default: all of the payment). */
  refundAmount?: number;
};

export function refundCreated(
  eventId: string,
  at: number,
  orderId: string,
  cust: ReturnType<typeof customer>,
  subscriptionIdOrShape?: string | RefundShape,
) {
  const shape: RefundShape =
    typeof subscriptionIdOrShape === "string"
      ? { subscriptionId: subscriptionIdOrShape }
      : (subscriptionIdOrShape ?? {});
  const subscriptionId = shape.subscriptionId;
  const refunded = shape.refundAmount ?? shape.amount ?? 29900;
  return envelope(eventId, "refund.created", at, {
    id: `ref_${eventId}`,
    mode: "test",
    object: "refund",
    status: shape.status ?? "succeeded",
    refund_amount: refunded,
    refund_currency: "USD",
    reason: "requested_by_customer",
    transaction: transaction(
      `tran_${orderId}`,
      orderId,
      refunded >= (shape.amount ?? 29900) ? "refunded" : "partialRefund",
      shape,
    ),
    order: orderId,
    ...(subscriptionId ? { subscription: subscriptionId } : {}),
    customer: cust,
    created_at: at,
  });
}

export function disputeCreated(
  eventId: string,
  at: number,
  orderId: string,
  cust: ReturnType<typeof customer>,
  shape: TransactionShape = {},
) {
  return envelope(eventId, "dispute.created", at, {
    id: `disp_${eventId}`,
    mode: "test",
    object: "dispute",
    amount: shape.amount ?? 29900,
    currency: "USD",
    transaction: transaction(`tran_${orderId}`, orderId, "chargedBack", shape),
    order: orderId,
    ...(shape.subscriptionId ? { subscription: shape.subscriptionId } : {}),
    customer: cust,
    created_at: at,
  });
}

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}
