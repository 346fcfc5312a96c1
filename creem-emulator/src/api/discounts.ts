// Discounts: create, get by id or code, search, delete (kept with status "deleted").
import { z } from "zod";
import type { Ctx } from "../context";
import { nowIso } from "../core/clock";
import { badRequest, conflict, notFound } from "../core/errors";
import { newDiscountCode, newId } from "../core/ids";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import type { DiscountRecord } from "../state/types";
import { effectiveDiscountStatus, wireDiscount } from "../wire/discount";
import { paginate } from "../wire/pagination";

const createSchema = z
  .object({
    name: z.string().min(1),
    code: z.string().optional(),
    type: z.enum(["percentage", "fixed"]),
    percentage: z.number().gt(0).max(100).optional(),
    amount: z.number().int().min(1).optional(),
    currency: z.enum(["USD", "EUR"]).optional(),
    expiry_date: z.iso.datetime({ offset: true }).optional(),
    max_redemptions: z.number().int().min(1).optional(),
    duration: z.enum(["forever", "once", "repeating"]),
    duration_in_months: z.number().int().min(1).optional(),
    applies_to_products: z.array(z.string().min(1)),
  })
  .refine((d) => d.type !== "percentage" || d.percentage !== undefined, {
    message: "percentage is required for percentage discounts",
  })
  .refine((d) => d.type !== "fixed" || (d.amount !== undefined && d.currency !== undefined), {
    message: "amount and currency are required for fixed discounts",
  })
  .refine((d) => d.duration !== "repeating" || d.duration_in_months !== undefined, {
    message: "duration_in_months is required for repeating discounts",
  });

const getSchema = z.object({
  discount_id: z.string().min(1).optional(),
  discount_code: z.string().min(1).optional(),
});

const isoDate = (name: string) =>
  z.string().refine((v) => !Number.isNaN(Date.parse(v)), {
    message: `${name} must be a valid ISO 8601 date string`,
  });

const searchSchema = z.intersection(
  pageQuery(10),
  z.object({
    product_id: z.string().min(1).optional(),
    status: z.enum(["active", "draft", "expired", "scheduled", "deleted"]).optional(),
    type: z.enum(["percentage", "fixed"]).optional(),
    created_after: isoDate("created_after").optional(),
    created_before: isoDate("created_before").optional(),
  }),
);

export function registerDiscountRoutes(router: Router, ctx: Ctx): void {
  const { store } = ctx;

  router.add("POST", "/v1/discounts", "api", (req) => {
    const input = validate(createSchema, parseJson(req.body));
    for (const productId of input.applies_to_products) store.product(productId);
    const code = input.code?.trim() || newDiscountCode();
    if (store.discountByCode(code)) throw badRequest(`Discount code ${code} already exists`);
    const discount: DiscountRecord = {
      id: newId("dis"),
      name: input.name,
      code,
      type: input.type,
      ...(input.type === "percentage"
        ? { percentage: input.percentage }
        : { amount: input.amount, currency: input.currency }),
      status: "active",
      ...(input.expiry_date === undefined ? {} : { expiry_date: new Date(input.expiry_date).toISOString() }),
      ...(input.max_redemptions === undefined ? {} : { max_redemptions: input.max_redemptions }),
      duration: input.duration,
      ...(input.duration === "repeating" ? { duration_in_months: input.duration_in_months } : {}),
      applies_to_products: input.applies_to_products,
      redeem_count: 0,
      created_at: nowIso(),
    };
    store.state.discounts[discount.id] = discount;
    return json(wireDiscount(discount));
  });

  router.add("GET", "/v1/discounts", "api", (req) => {
    const query = validate(getSchema, queryObject(req.query));
    if (query.discount_id) return json(wireDiscount(store.discount(query.discount_id)));
    if (!query.discount_code) throw badRequest("discount_id or discount_code is required");
    const discount = store.discountByCode(query.discount_code);
    if (!discount) throw notFound("Discount");
    return json(wireDiscount(discount));
  });

  /** Newest first. `product_id` matches discounts that apply to it (an empty list applies to all). */
  router.add("GET", "/v1/discounts/search", "api", (req) => {
    const q = validate(searchSchema, queryObject(req.query));
    const after = q.created_after === undefined ? -Infinity : Date.parse(q.created_after);
    const before = q.created_before === undefined ? Infinity : Date.parse(q.created_before);
    const matches = Object.values(store.state.discounts)
      .filter(
        (d) =>
          (!q.product_id ||
            d.applies_to_products.length === 0 ||
            d.applies_to_products.includes(q.product_id)) &&
          (!q.status || effectiveDiscountStatus(d) === q.status) &&
          (!q.type || d.type === q.type) &&
          Date.parse(d.created_at) > after &&
          Date.parse(d.created_at) < before,
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    return json(paginate(matches.map(wireDiscount), q.page_number, q.page_size));
  });

  router.add("DELETE", "/v1/discounts/:id/delete", "api", (req) => {
    const discount = store.discount(req.params.id ?? "");
    if (discount.status === "deleted") throw conflict("Discount is already deleted");
    discount.status = "deleted";
    return json(wireDiscount(discount));
  });
}
