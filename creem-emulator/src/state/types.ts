import type { DeliveryRecord, EventRecord } from "./event-records";

export * from "./event-records";

// Stored records. Field names follow CREEM's wire names so the serializers in `wire/` stay thin;
// references to other records are kept as ids and expanded when serialized.

export type BillingPeriod =
  "every-month" | "every-three-months" | "every-six-months" | "every-year" | "every-day" | "once" | "custom";

export type FeatureType = "custom" | "file" | "licenseKey" | "customerCredits";

export interface FeatureRecord {
  id: string;
  type: FeatureType;
  description: string;
  /** Only for `licenseKey` features; null means unlimited activations. */
  activation_limit?: number | null;
}

export interface CustomFieldRecord {
  type: "text" | "checkbox";
  key: string;
  label: string;
  optional?: boolean;
  text?: { max_length?: number; minimum_length?: number; value?: string };
  checkbox?: { label?: string; value?: boolean };
}

export interface ProductRecord {
  id: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  billing_type: "recurring" | "onetime";
  billing_period: BillingPeriod;
  status: "active" | "archived";
  tax_mode: "inclusive" | "exclusive";
  tax_category: "saas" | "digital-goods-service" | "ebooks";
  image_url?: string;
  default_success_url: string | null;
  trial_period_days?: number;
  features: FeatureRecord[];
  custom_fields?: CustomFieldRecord[];
  /** The product's current (default) price, referenced by new subscription items. */
  price_id: string;
  created_at: string;
  updated_at: string;
}

/**
 * One price of a product. Changing a product's price fields mints a new default price; subscriptions keep
 * the price they were bought under (CREEM's "Update a product" docs).
 */
export interface PriceRecord {
  id: string;
  product_id: string;
  amount: number;
  currency: string;
  billing_type: "recurring" | "onetime";
  billing_period: BillingPeriod;
  created_at: string;
}

export interface CustomerRecord {
  id: string;
  email: string;
  name: string | null;
  country: string | null;
  metadata?: Record<string, unknown>;
  /** The seller's own id for the customer (set through the API). */
  external_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckoutRecord {
  id: string;
  product_id: string;
  status: "pending" | "processing" | "completed" | "expired";
  units: number;
  request_id?: string;
  success_url?: string;
  metadata?: Record<string, unknown>;
  customer?: { id?: string; email?: string; name?: string };
  discount_id?: string;
  custom_fields?: CustomFieldRecord[];
  created_at: string;
  expires_at: string;
  order_id?: string;
  customer_id?: string;
  subscription_id?: string;
  license_ids: string[];
}

export interface OrderRecord {
  id: string;
  checkout_id: string;
  customer_id: string;
  product_id: string;
  transaction_id: string;
  discount_id?: string;
  amount: number;
  sub_total: number;
  tax_amount: number;
  discount_amount: number;
  amount_due: number;
  amount_paid: number;
  currency: string;
  status: "pending" | "paid";
  type: "recurring" | "onetime";
  created_at: string;
  updated_at: string;
}

export type TransactionStatus =
  | "pending"
  | "paid"
  | "refunded"
  | "partialRefund"
  | "chargedBack"
  | "uncollectible"
  | "declined"
  | "canceled"
  | "void";

export interface TransactionRecord {
  id: string;
  amount: number;
  amount_paid: number;
  discount_amount: number;
  tax_amount: number;
  currency: string;
  type: "payment" | "invoice";
  status: TransactionStatus;
  refunded_amount: number;
  order_id?: string;
  subscription_id?: string;
  checkout_id?: string;
  customer_id: string;
  product_id: string;
  description: string;
  period_start?: number;
  period_end?: number;
  created_at: number;
}

export interface SubscriptionItemRecord {
  id: string;
  product_id: string;
  price_id: string;
  units: number;
}

export const SUBSCRIPTION_STATUSES = [
  "active",
  "canceled",
  "unpaid",
  "paused",
  "trialing",
  "scheduled_cancel",
  "past_due",
] as const;

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface SubscriptionRecord {
  id: string;
  checkout_id: string;
  product_id: string;
  customer_id: string;
  status: SubscriptionStatus;
  items: SubscriptionItemRecord[];
  last_transaction_id?: string;
  last_transaction_date?: string;
  current_period_start_date: string;
  current_period_end_date: string;
  canceled_at: string | null;
  discount_id?: string;
  /** How many charges the discount has been applied to (for `once` discounts). */
  discount_charges: number;
  /** Whether the discount was applied to the current period's charge (values unused time on a decrease). */
  current_period_discounted?: boolean;
  metadata?: Record<string, unknown>;
  /** What happens at period end while `scheduled_cancel` (cancel `onExecute`). */
  scheduled_action?: "cancel" | "pause";
  /** Status to return to on resume (from `paused` or `scheduled_cancel`). */
  resume_status?: "active" | "trialing" | "past_due";
  /** Consecutive failed renewal attempts (dunning); reset by a successful charge. */
  failed_payment_attempts: number;
  card_last4: string;
  created_at: string;
  updated_at: string;
}

export interface LicenseInstanceRecord {
  id: string;
  name: string;
  status: "active" | "deactivated";
  created_at: string;
}

export interface LicenseRecord {
  id: string;
  product_id: string;
  customer_id: string;
  order_id: string;
  status: "inactive" | "active" | "expired" | "disabled";
  key: string;
  activation_limit: number | null;
  expires_at: string | null;
  created_at: string;
  instances: LicenseInstanceRecord[];
}

export interface DiscountRecord {
  id: string;
  name: string;
  code: string;
  type: "percentage" | "fixed";
  percentage?: number;
  amount?: number;
  currency?: string;
  status: "active" | "draft" | "expired" | "scheduled" | "deleted";
  expiry_date?: string;
  max_redemptions?: number;
  duration: "forever" | "once" | "repeating";
  duration_in_months?: number;
  applies_to_products: string[];
  redeem_count: number;
  created_at: string;
}

export interface RefundRecord {
  id: string;
  transaction_id: string;
  refund_amount: number;
  refund_currency: string;
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | "other";
  status: "pending" | "succeeded" | "failed" | "canceled";
  created_at: number;
}

export interface DisputeRecord {
  id: string;
  transaction_id: string;
  amount: number;
  currency: string;
  created_at: number;
}

export interface StateData {
  version: 1;
  products: Record<string, ProductRecord>;
  prices: Record<string, PriceRecord>;
  customers: Record<string, CustomerRecord>;
  checkouts: Record<string, CheckoutRecord>;
  orders: Record<string, OrderRecord>;
  transactions: Record<string, TransactionRecord>;
  subscriptions: Record<string, SubscriptionRecord>;
  licenses: Record<string, LicenseRecord>;
  discounts: Record<string, DiscountRecord>;
  refunds: Record<string, RefundRecord>;
  disputes: Record<string, DisputeRecord>;
  events: EventRecord[];
  deliveries: DeliveryRecord[];
  /** Customer portal login tokens -> customer id. */
  portal_tokens: Record<string, string>;
  /** `Idempotency-Key` header of product creation -> product id. */
  idempotency_keys: Record<string, string>;
}

export function emptyState(): StateData {
  return {
    version: 1,
    products: {},
    prices: {},
    customers: {},
    checkouts: {},
    orders: {},
    transactions: {},
    subscriptions: {},
    licenses: {},
    discounts: {},
    refunds: {},
    disputes: {},
    events: [],
    deliveries: [],
    portal_tokens: {},
    idempotency_keys: {},
  };
}
