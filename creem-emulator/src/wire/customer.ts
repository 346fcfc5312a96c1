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
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}
