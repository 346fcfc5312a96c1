import { z } from "zod";
import { createCheckout, refreshExpiry } from "../billing/checkout-session";
import type { Ctx } from "../context";
import { badRequest } from "../core/errors";
import { json, type Router } from "../http/router";
import { parseJson, queryObject, validate } from "../http/validation";
import { wireCheckout } from "../wire/checkout";
import { customFieldSchema, metadataSchema, toCustomFieldRecord } from "./schemas";

const createSchema = z.object({
  product_id: z.string().min(1),
  request_id: z.string().optional(),
  units: z.number().int().min(1).optional(),
  discount_code: z.string().optional(),
  customer: z
    .object({ id: z.string().min(1).optional(), email: z.email().optional(), name: z.string().optional() })
    .refine((c) => !(c.id && c.email), { message: "customer must have either id or email, not both" })
    .optional(),
  custom_fields: z.array(customFieldSchema).max(3).optional(),
  // The SDK also knows the singular spelling.
  custom_field: z.array(customFieldSchema).max(3).optional(),
  success_url: z.url().optional(),
  metadata: metadataSchema.optional(),
  custom_price: z.number().int().min(0).optional(),
  affiliate_code: z.string().optional(),
});

const getSchema = z.object({ checkout_id: z.string().min(1) });

export function registerCheckoutRoutes(router: Router, ctx: Ctx): void {
  router.add("POST", "/v1/checkouts", "api", (req) => {
    const input = validate(createSchema, parseJson(req.body));
    if (input.custom_price !== undefined) {
      throw badRequest(
        "custom_price is only accepted for pay-what-you-want products, which the emulator does not model",
      );
    }
    const fields = input.custom_fields ?? input.custom_field;
    const checkout = createCheckout(ctx, {
      product_id: input.product_id,
      ...(input.request_id === undefined ? {} : { request_id: input.request_id }),
      ...(input.units === undefined ? {} : { units: input.units }),
      ...(input.discount_code ? { discount_code: input.discount_code } : {}),
      ...(input.customer === undefined ? {} : { customer: input.customer }),
      ...(fields === undefined ? {} : { custom_fields: fields.map(toCustomFieldRecord) }),
      ...(input.success_url === undefined ? {} : { success_url: input.success_url }),
      ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
    });
    return json(wireCheckout(ctx.store, ctx.config.publicUrl, checkout));
  });

  router.add("GET", "/v1/checkouts", "api", (req) => {
    const { checkout_id } = validate(getSchema, queryObject(req.query));
    const checkout = refreshExpiry(ctx.store.checkout(checkout_id));
    return json(wireCheckout(ctx.store, ctx.config.publicUrl, checkout));
  });
}
