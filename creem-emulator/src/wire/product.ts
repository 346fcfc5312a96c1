import type { ProductRecord } from "../state/types";

export function wireProduct(p: ProductRecord) {
  return {
    id: p.id,
    mode: "test" as const,
    object: "product" as const,
    name: p.name,
    description: p.description,
    ...(p.image_url === undefined ? {} : { image_url: p.image_url }),
    features: p.features.map((f) => ({ id: f.id, type: f.type, description: f.description })),
    price: p.price,
    currency: p.currency,
    billing_type: p.billing_type,
    billing_period: p.billing_period,
    ...(p.trial_period_days === undefined ? {} : { trial_period_days: p.trial_period_days }),
    status: p.status,
    tax_mode: p.tax_mode,
    tax_category: p.tax_category,
    default_success_url: p.default_success_url,
    ...(p.custom_fields === undefined ? {} : { custom_fields: p.custom_fields }),
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}
