import type { CustomerRecord } from "../state/types";

export function wireCustomer(c: CustomerRecord) {
  return {
    id: c.id,
    mode: "test" as const,
    object: "customer" as const,
    email: c.email,
    name: c.name,
    // `country` is always present, possibly null.
    country: c.country,
    ...(c.metadata === undefined ? {} : { metadata: c.metadata }),
    ...(c.external_id === undefined ? {} : { external_id: c.external_id }),
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}
