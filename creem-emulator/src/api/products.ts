import { z } from "zod";
import type { Ctx } from "../context";
import { nowIso } from "../core/clock";
import { newId } from "../core/ids";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import type { ProductRecord } from "../state/types";
import { paginate } from "../wire/pagination";
import { wireProduct } from "../wire/product";
import { customFieldSchema, toCustomFieldRecord } from "./schemas";

const BILLING_PERIODS = [
  "every-month",
  "every-three-months",
  "every-six-months",
  "every-year",
  "every-day",
  "once",
  "custom",
] as const;

const createSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(""),
    price: z
      .number()
      .int()
      .refine((p) => p === 0 || p >= 100, { message: "price must be 0 or at least 100" }),
    currency: z.enum(["USD", "EUR"]),
    billing_type: z.enum(["recurring", "onetime"]),
    billing_period: z.enum(BILLING_PERIODS).optional(),
    tax_mode: z.enum(["inclusive", "exclusive"]).default("inclusive"),
    tax_category: z.enum(["saas", "digital-goods-service", "ebooks"]).default("saas"),
    image_url: z.url().optional(),
    default_success_url: z.url().optional(),
    trial_period_days: z.number().int().min(0).optional(),
    custom_fields: z.array(customFieldSchema).max(3).optional(),
    features: z
      .array(
        z.object({
          type: z.enum(["custom", "file", "licenseKey", "customerCredits"]),
          description: z.string(),
          activation_limit: z.number().int().min(1).nullable().optional(),
        }),
      )
      .optional(),
  })
  .refine((p) => p.billing_type === "onetime" || (p.billing_period && p.billing_period !== "once"), {
    message: "billing_period is required for recurring products and cannot be once",
  })
  .refine((p) => p.trial_period_days === undefined || p.billing_type === "recurring", {
    message: "trial_period_days is only allowed for recurring products",
  });

const searchSchema = z.intersection(
  pageQuery(10),
  z.object({ status: z.enum(["active", "archived"]).optional() }),
);

export function registerProductRoutes(router: Router, ctx: Ctx): void {
  const { store } = ctx;

  router.add("POST", "/v1/products", "api", (req) => {
    const idempotencyKey = req.headers["idempotency-key"];
    const key = typeof idempotencyKey === "string" && idempotencyKey !== "" ? idempotencyKey : undefined;
    const earlier = key ? store.state.idempotency_keys[key] : undefined;
    if (earlier && store.state.products[earlier]) return json(wireProduct(store.product(earlier)));

    const input = validate(createSchema, parseJson(req.body));
    const id = newId("prod");
    const now = nowIso();
    const product: ProductRecord = {
      id,
      name: input.name,
      description: input.description,
      price: input.price,
      currency: input.currency,
      billing_type: input.billing_type,
      billing_period: input.billing_type === "onetime" ? "once" : (input.billing_period ?? "every-month"),
      status: "active",
      tax_mode: input.tax_mode,
      tax_category: input.tax_category,
      ...(input.image_url === undefined ? {} : { image_url: input.image_url }),
      default_success_url: input.default_success_url ?? null,
      ...(input.trial_period_days ? { trial_period_days: input.trial_period_days } : {}),
      features: (input.features ?? []).map((f) => ({
        id: newId("feat"),
        type: f.type,
        description: f.description,
        ...(f.type === "licenseKey" ? { activation_limit: f.activation_limit ?? null } : {}),
      })),
      ...(input.custom_fields === undefined
        ? {}
        : { custom_fields: input.custom_fields.map(toCustomFieldRecord) }),
      price_id: newId("pprice"),
      created_at: now,
      updated_at: now,
    };
    store.state.products[id] = product;
    if (key) store.state.idempotency_keys[key] = id;
    return json(wireProduct(product));
  });

  router.add("GET", "/v1/products", "api", (req) => {
    const { product_id } = validate(z.object({ product_id: z.string().min(1) }), queryObject(req.query));
    return json(wireProduct(store.product(product_id)));
  });

  router.add("GET", "/v1/products/search", "api", (req) => {
    const query = validate(searchSchema, queryObject(req.query));
    const products = Object.values(store.state.products).filter(
      (p) => !query.status || p.status === query.status,
    );
    return json(paginate(products.map(wireProduct), query.page_number, query.page_size));
  });

  router.add("GET", "/v1/products/:id", "api", (req) =>
    json(wireProduct(store.product(req.params.id ?? ""))),
  );
}
