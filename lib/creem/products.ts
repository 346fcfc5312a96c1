import { toCustomFieldBody, type CustomFieldInput } from "./custom-fields";
import { compact, pageQuery, requireId, type PageParams } from "./request-utils";
import { pageOf, type Lenient, type Page } from "./schemas/common";
import {
  productSchema,
  type BILLING_PERIODS,
  type PRODUCT_FEATURE_TYPES,
  type PRODUCT_STATUSES,
  type Product,
  type TAX_CATEGORIES,
  type TAX_MODES,
} from "./schemas/product";
import type { Transport } from "./transport";

export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export interface ProductFeatureInput {
  type: Lenient<(typeof PRODUCT_FEATURE_TYPES)[number]>;
  description: string;
  customerCredits?: { amount: string; unitLabel?: string; bucketName?: string };
}

export interface CreateProductInput {
  name: string;
  description: string;
  /** Minor units: 0 or at least 100. */
  price: number;
  currency: Lenient<"EUR" | "USD">;
  billingType: "recurring" | "onetime";
  billingPeriod?: BillingPeriod;
  taxMode?: (typeof TAX_MODES)[number];
  taxCategory?: (typeof TAX_CATEGORIES)[number];
  imageUrl?: string;
  defaultSuccessUrl?: string;
  trialPeriodDays?: number;
  customFields?: CustomFieldInput[];
  features?: ProductFeatureInput[];
}

export interface CreateProductOptions {
  /** Sent as `Idempotency-Key`: CREEM returns the first result for a repeated key. */
  idempotencyKey?: string;
}

export interface SearchProductsParams extends PageParams {
  status?: Lenient<(typeof PRODUCT_STATUSES)[number]>;
}

export function toCreateProductBody(input: CreateProductInput): Record<string, unknown> {
  return compact({
    name: input.name,
    description: input.description,
    price: input.price,
    currency: input.currency,
    billing_type: input.billingType,
    billing_period: input.billingPeriod,
    tax_mode: input.taxMode,
    tax_category: input.taxCategory,
    image_url: input.imageUrl,
    default_success_url: input.defaultSuccessUrl,
    trial_period_days: input.trialPeriodDays,
    custom_fields: input.customFields?.map(toCustomFieldBody),
    features: input.features?.map((feature) =>
      compact({
        type: feature.type,
        description: feature.description,
        customer_credits:
          feature.customerCredits &&
          compact({
            amount: feature.customerCredits.amount,
            unit_label: feature.customerCredits.unitLabel,
            bucket_name: feature.customerCredits.bucketName,
          }),
      }),
    ),
  });
}

const productPageSchema = pageOf(productSchema);

export function productsApi(request: Transport) {
  return {
    async create(input: CreateProductInput, options: CreateProductOptions = {}): Promise<Product> {
      const key = options.idempotencyKey;
      return request({
        method: "POST",
        path: "/v1/products",
        body: toCreateProductBody(input),
        headers: key ? { "idempotency-key": key } : undefined,
        // With an idempotency key a replayed create returns the product made by the first attempt, so a
        // timeout or 5xx can be retried safely; without one a retry could create a duplicate product.
        retry: Boolean(key),
        schema: productSchema,
      });
    },
    async get(productId: string): Promise<Product> {
      return request({
        method: "GET",
        path: "/v1/products",
        query: { product_id: requireId(productId, "productId") },
        schema: productSchema,
      });
    },
    async search(params: SearchProductsParams = {}): Promise<Page<Product>> {
      return request({
        method: "GET",
        path: "/v1/products/search",
        query: { ...pageQuery(params), status: params.status },
        schema: productPageSchema,
      });
    },
  };
}
export type ProductsApi = ReturnType<typeof productsApi>;
