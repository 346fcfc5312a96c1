import { toCustomFieldBody, type CustomFieldInput } from "./custom-fields";
import { compact, requireId } from "./request-utils";
import { checkoutSchema, type Checkout } from "./schemas/checkout";
import type { Transport } from "./transport";

/** Identify an existing customer by id, or prefill by e-mail: never both. */
export type CheckoutCustomerInput =
  { id: string; email?: never; name?: string } | { email: string; id?: never; name?: string };

export interface CreateCheckoutInput {
  productId: string;
  /** Your own reference, echoed back in the checkout, the webhook and the success URL. */
  requestId?: string;
  units?: number;
  discountCode?: string;
  customer?: CheckoutCustomerInput;
  /** At most 3. */
  customFields?: CustomFieldInput[];
  successUrl?: string;
  /** Any JSON; copied onto the subscription and echoed in webhooks. */
  metadata?: Record<string, unknown>;
  /** Minor units, for pay-what-you-want products. */
  customPrice?: number;
  affiliateCode?: string;
}

export function toCreateCheckoutBody(input: CreateCheckoutInput): Record<string, unknown> {
  return compact({
    product_id: requireId(input.productId, "productId"),
    request_id: input.requestId,
    units: input.units,
    discount_code: input.discountCode,
    customer: input.customer && compact({ ...input.customer }),
    custom_fields: input.customFields?.map(toCustomFieldBody),
    success_url: input.successUrl,
    metadata: input.metadata,
    custom_price: input.customPrice,
    affiliate_code: input.affiliateCode,
  });
}

export function checkoutsApi(request: Transport) {
  return {
    async create(input: CreateCheckoutInput): Promise<Checkout> {
      return request({
        method: "POST",
        path: "/v1/checkouts",
        body: toCreateCheckoutBody(input),
        schema: checkoutSchema,
      });
    },
    async get(checkoutId: string): Promise<Checkout> {
      return request({
        method: "GET",
        path: "/v1/checkouts",
        query: { checkout_id: requireId(checkoutId, "checkoutId") },
        schema: checkoutSchema,
      });
    },
  };
}
export type CheckoutsApi = ReturnType<typeof checkoutsApi>;
