// The CREEM client's public API. Server code gets the configured instance from "@/lib/creem/server".
export {
  createCreemClient,
  resolveBaseUrl,
  isTestKey,
  CREEM_PRODUCTION_URL,
  CREEM_TEST_URL,
  type CreemClient,
  type CreemClientOptions,
} from "./client";
export { CreemError, isCreemError, type CreemErrorCode } from "./errors";
export type { FetchLike } from "./transport";
export type { PageParams } from "./request-utils";
export type { CustomFieldInput } from "./custom-fields";
export type { CheckoutsApi, CreateCheckoutInput, CheckoutCustomerInput } from "./checkouts";
export type {
  ProductsApi,
  CreateProductInput,
  CreateProductOptions,
  ProductFeatureInput,
  SearchProductsParams,
  BillingPeriod,
} from "./products";
export type { CustomersApi } from "./customers";
export type {
  SubscriptionsApi,
  UpdateSubscriptionInput,
  UpgradeSubscriptionInput,
  CancelSubscriptionInput,
  SubscriptionItemInput,
  UpdateBehavior,
} from "./subscriptions";
export type { LicensesApi, ActivateLicenseInput, LicenseInstanceInput } from "./licenses";
export type { DiscountsApi, CreateDiscountInput } from "./discounts";
export type { TransactionsApi, SearchTransactionsParams } from "./transactions";
export type { RefundsApi, CreateRefundInput } from "./refunds";

export { idOf, type Lenient, type EnvironmentMode, type Page, type Pagination } from "./schemas/common";
export { CHECKOUT_STATUSES, checkoutSchema, type Checkout } from "./schemas/checkout";
export { customerSchema, type Customer, type CustomerPortalLink } from "./schemas/customer";
export { DISCOUNT_STATUSES, discountSchema, type Discount, type AppliedDiscount } from "./schemas/discount";
export { disputeSchema, type Dispute } from "./schemas/dispute";
export {
  LICENSE_STATUSES,
  LICENSE_INSTANCE_STATUSES,
  licenseSchema,
  type License,
  type LicenseInstance,
} from "./schemas/license";
export { ORDER_STATUSES, orderSchema, type Order } from "./schemas/order";
export {
  PRODUCT_STATUSES,
  BILLING_PERIODS,
  BILLING_TYPES,
  productSchema,
  type Product,
  type CustomField,
  type ProductFeature,
} from "./schemas/product";
export { REFUND_STATUSES, refundSchema, type Refund, type RefundResult } from "./schemas/refund";
export {
  SUBSCRIPTION_STATUSES,
  subscriptionSchema,
  type Subscription,
  type SubscriptionItem,
} from "./schemas/subscription";
export { TRANSACTION_STATUSES, transactionSchema, type Transaction } from "./schemas/transaction";

export {
  signWebhookBody,
  verifyWebhookSignature,
  computeRedirectSignature,
  verifyRedirectSignature,
  type RedirectParams,
} from "./signature";
export {
  parseWebhookEvent,
  parseWebhookBody,
  decodeWebhookBody,
  type DecodedWebhookBody,
  isKnownWebhookEventType,
  webhookEnvelopeSchema,
  KNOWN_WEBHOOK_EVENT_TYPES,
  SUBSCRIPTION_EVENT_TYPES,
  CREDITS_EVENT_TYPES,
  type CreemWebhookEvent,
  type CheckoutCompletedEvent,
  type SubscriptionEvent,
  type RefundCreatedEvent,
  type DisputeCreatedEvent,
  type UnhandledEvent,
  type WebhookEnvelope,
  type WebhookParseResult,
  type KnownWebhookEventType,
  type SubscriptionEventType,
} from "./webhook-events";
