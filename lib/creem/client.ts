import { checkoutsApi, type CheckoutsApi } from "./checkouts";
import { customersApi, type CustomersApi } from "./customers";
import { discountsApi, type DiscountsApi } from "./discounts";
import { CreemError } from "./errors";
import { licensesApi, type LicensesApi } from "./licenses";
import { productsApi, type ProductsApi } from "./products";
import { refundsApi, type RefundsApi } from "./refunds";
import { subscriptionsApi, type SubscriptionsApi } from "./subscriptions";
import { transactionsApi, type TransactionsApi } from "./transactions";
import { createTransport, type FetchLike } from "./transport";

export const CREEM_PRODUCTION_URL = "https://api.creem.io";
export const CREEM_TEST_URL = "https://test-api.creem.io";
export const TEST_KEY_PREFIX = "creem_test_";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_BASE_DELAY_MS = 250;

export interface CreemClientOptions {
  apiKey: string;
  /** Overrides the host chosen from the key, e.g. the local emulator at http://localhost:4010. */
  baseUrl?: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  fetch?: FetchLike;
  /** Retries of idempotent calls after a transient failure (0 disables). */
  maxRetries?: number;
  retryBaseDelayMs?: number;
}

export interface CreemClient {
  readonly baseUrl: string;
  readonly checkouts: CheckoutsApi;
  readonly products: ProductsApi;
  readonly customers: CustomersApi;
  readonly subscriptions: SubscriptionsApi;
  readonly licenses: LicensesApi;
  readonly discounts: DiscountsApi;
  readonly transactions: TransactionsApi;
  readonly refunds: RefundsApi;
}

/** Test keys talk to the test host; anything else to production, unless a base URL is given. */
export function resolveBaseUrl(apiKey: string, baseUrl?: string): string {
  if (baseUrl !== undefined && baseUrl.trim() !== "") return baseUrl.trim().replace(/\/+$/, "");
  return apiKey.startsWith(TEST_KEY_PREFIX) ? CREEM_TEST_URL : CREEM_PRODUCTION_URL;
}

export function isTestKey(apiKey: string): boolean {
  return apiKey.startsWith(TEST_KEY_PREFIX);
}

export function createCreemClient(options: CreemClientOptions): CreemClient {
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new CreemError({
      code: "not_configured",
      status: 0,
      endpoint: "",
      detail: "no API key was provided",
    });
  }
  const baseUrl = resolveBaseUrl(options.apiKey, options.baseUrl);
  const request = createTransport({
    apiKey: options.apiKey,
    baseUrl,
    timeoutMs: positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs"),
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    maxRetries: nonNegativeInteger(options.maxRetries, DEFAULT_MAX_RETRIES, "maxRetries"),
    retryBaseDelayMs: positive(options.retryBaseDelayMs, DEFAULT_RETRY_BASE_DELAY_MS, "retryBaseDelayMs"),
  });
  return {
    baseUrl,
    checkouts: checkoutsApi(request),
    products: productsApi(request),
    customers: customersApi(request),
    subscriptions: subscriptionsApi(request),
    licenses: licensesApi(request),
    discounts: discountsApi(request),
    transactions: transactionsApi(request),
    refunds: refundsApi(request),
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
}

function nonNegativeInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}
