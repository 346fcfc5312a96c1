// Products: create (idempotent with a key), get, search, update (a new price when price fields change,
// subscriptions keep theirs) and archive (no new checkouts; existing subscriptions go on).
import { z } from "zod";
import type { Ctx } from "../context";
import { nowIso } from "../core/clock";
import { ApiError, badRequest, conflict } from "../core/errors";
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

const priceSchema = z
  .number()
  .int()
  .refine((p) => p === 0 || p >= 100, { message: "price must be 0 or at least 100" });

const featureSchema = z.object({
  id: z.string().min(1).optional(),
  type: z.enum(["custom", "file", "licenseKey", "customerCredits"]),
  description: z.string(),
  activation_limit: z.number().int().min(1).nullable().optional(),
});

/** Request fields the emulator does not model: refused rather than silently ignored. */
const unmodelled = {
  pay_what_you_want: z.boolean().optional(),
  trial_price: z.number().int().nullable().optional(),
  usage_prices: z.array(z.unknown()).optional(),
};

function refuseUnmodelled(input: {
  pay_what_you_want?: boolean;
  trial_price?: number | null;
  usage_prices?: unknown[];
}) {
  if (input.pay_what_you_want)
    throw badRequest("pay_what_you_want products are not modelled by the emulator");
  if (input.trial_price) throw badRequest("trial_price is not modelled by the emulator (trials are free)");
  if (input.usage_prices?.length)
    throw badRequest("usage_prices (usage metering) are not modelled by the emulator");
}

const RECURRING_PERIOD = "billing_period is required for recurring products and cannot be once";
const TRIAL_RECURRING = "trial_period_days is only allowed for recurring products";

const createSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(""),
    price: priceSchema,
    currency: z.enum(["USD", "EUR"]),
    billing_type: z.enum(["recurring", "onetime"]),
    billing_period: z.enum(BILLING_PERIODS).optional(),
    tax_mode: z.enum(["inclusive", "exclusive"]).default("inclusive"),
    tax_category: z.enum(["saas", "digital-goods-service", "ebooks"]).default("saas"),
    image_url: z.url().optional(),
    default_success_url: z.url().optional(),
    trial_period_days: z.number().int().min(0).optional(),
    custom_fields: z.array(customFieldSchema).max(3).optional(),
    // The SDKs also send the singular spelling.
    custom_field: z.array(customFieldSchema).max(3).optional(),
    features: z.array(featureSchema).optional(),
    ...unmodelled,
  })
  .refine((p) => p.billing_type === "onetime" || (p.billing_period && p.billing_period !== "once"), {
    message: RECURRING_PERIOD,
  })
  .refine((p) => p.trial_period_days === undefined || p.billing_type === "recurring", {
    message: TRIAL_RECURRING,
  });

/** Every field optional: only what is sent changes. `trial_period_days: null` removes the trial. */
const updateSchema = z.object({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  image_url: z.url().optional(),
  default_success_url: z.url().optional(),
  price: priceSchema.optional(),
  currency: z.enum(["USD", "EUR"]).optional(),
  billing_type: z.enum(["recurring", "onetime"]).optional(),
  billing_period: z.enum(BILLING_PERIODS).optional(),
  tax_mode: z.enum(["inclusive", "exclusive"]).optional(),
  tax_category: z.enum(["saas", "digital-goods-service", "ebooks"]).optional(),
  trial_period_days: z.number().int().min(0).nullable().optional(),
  custom_fields: z.array(customFieldSchema).max(3).optional(),
  custom_field: z.array(customFieldSchema).max(3).optional(),
  features: z.array(featureSchema).optional(),
  ...unmodelled,
});

type FeatureInput = z.output<typeof featureSchema>;

/** Features as stored; a feature sent with a known `id` keeps it. */
function toFeatures(features: FeatureInput[], existing: ProductRecord["features"] = []) {
  return features.map((f) => ({
    id: f.id !== undefined && existing.some((e) => e.id === f.id) ? f.id : newId("feat"),
    type: f.type,
    description: f.description,
    ...(f.type === "licenseKey" ? { activation_limit: f.activation_limit ?? null } : {}),
  }));
}

/** The fields that make a price: changing any of them mints a new default price. */
const PRICE_FIELDS = ["price", "currency", "billing_type", "billing_period"] as const;

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
    refuseUnmodelled(input);
    const fields = input.custom_fields ?? input.custom_field;
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
      features: toFeatures(input.features ?? []),
      ...(fields === undefined ? {} : { custom_fields: fields.map(toCustomFieldRecord) }),
      price_id: newId("pprice"),
      created_at: now,
      updated_at: now,
    };
    store.state.products[id] = product;
    store.recordPrice(product);
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

  router.add("PATCH", "/v1/products/:id", "api", (req) => {
    const product = store.product(req.params.id ?? "");
    const input = validate(updateSchema, parseJson(req.body));
    refuseUnmodelled(input);
    const fields = input.custom_fields ?? input.custom_field;
    const billingType = input.billing_type ?? product.billing_type;
    const billingPeriod =
      billingType === "onetime" ? "once" : (input.billing_period ?? product.billing_period);
    const trialDays =
      input.trial_period_days === undefined
        ? product.trial_period_days
        : (input.trial_period_days ?? undefined);
    const problems = [
      ...(billingType === "recurring" && billingPeriod === "once" ? [RECURRING_PERIOD] : []),
      ...(billingType === "onetime" && trialDays ? [TRIAL_RECURRING] : []),
    ];
    if (problems.length > 0) throw new ApiError(400, problems);

    const updated: ProductRecord = {
      ...product,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.image_url === undefined ? {} : { image_url: input.image_url }),
      ...(input.default_success_url === undefined ? {} : { default_success_url: input.default_success_url }),
      ...(input.price === undefined ? {} : { price: input.price }),
      ...(input.currency === undefined ? {} : { currency: input.currency }),
      billing_type: billingType,
      billing_period: billingPeriod,
      ...(input.tax_mode === undefined ? {} : { tax_mode: input.tax_mode }),
      ...(input.tax_category === undefined ? {} : { tax_category: input.tax_category }),
      ...(input.features === undefined ? {} : { features: toFeatures(input.features, product.features) }),
      ...(fields === undefined ? {} : { custom_fields: fields.map(toCustomFieldRecord) }),
      updated_at: nowIso(),
    };
    delete updated.trial_period_days;
    if (trialDays) updated.trial_period_days = trialDays;
    if (PRICE_FIELDS.some((field) => updated[field] !== product[field])) {
      updated.price_id = newId("pprice");
      store.recordPrice(updated);
    }
    store.state.products[product.id] = updated;
    return json(wireProduct(updated));
  });

  /** Archiving is a soft delete: no new checkouts or plan changes to it; subscriptions on it continue. */
  router.add("DELETE", "/v1/products/:id", "api", (req) => {
    const product = store.product(req.params.id ?? "");
    if (product.status === "archived") throw conflict("Product is already archived");
    Object.assign(product, { status: "archived", updated_at: nowIso() } as const);
    return json(wireProduct(product));
  });
}
