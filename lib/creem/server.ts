import "server-only";
import { env } from "@/lib/env";
import { createCreemClient, type CreemClient } from "./client";
import { CreemError } from "./errors";

let client: CreemClient | undefined;

/** The app's CREEM client, built on first use from the environment. */
export function getCreem(): CreemClient {
  if (client) return client;
  if (!env.CREEM_API_KEY) {
    throw new CreemError({
      code: "not_configured",
      status: 0,
      endpoint: "",
      detail: "CREEM_API_KEY is not set (see .env.example)",
    });
  }
  client = createCreemClient({ apiKey: env.CREEM_API_KEY, baseUrl: env.CREEM_API_BASE_URL });
  return client;
}

/** Same as `getCreem()`, as an object: nothing is read from the environment until a resource is used. */
export const creem: CreemClient = {
  get baseUrl() {
    return getCreem().baseUrl;
  },
  get checkouts() {
    return getCreem().checkouts;
  },
  get products() {
    return getCreem().products;
  },
  get customers() {
    return getCreem().customers;
  },
  get subscriptions() {
    return getCreem().subscriptions;
  },
  get licenses() {
    return getCreem().licenses;
  },
  get discounts() {
    return getCreem().discounts;
  },
  get transactions() {
    return getCreem().transactions;
  },
  get refunds() {
    return getCreem().refunds;
  },
};
