import http from "node:http";
import type { AddressInfo } from "node:net";
import { Creem } from "creem";
import { startEmulator, TEST_CARDS, type EmulatorOptions } from "../../../creem-emulator/src/index";

export const API_KEY = "creem_test_integration_key";
export const WEBHOOK_SECRET = "whsec_integration_secret";
export const FAST_RETRIES = [50, 50, 50, 50];

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({
    port: 0,
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    retryDelaysMs: FAST_RETRIES,
    webhookTimeoutMs: 1_000,
    ...options,
  });
}

export function sdkFor(emulator: Emulator): Creem {
  return new Creem({ serverURL: emulator.url, apiKey: API_KEY, retryConfig: { strategy: "none" } });
}

/** Calls the emulator's REST API with the test key; returns status and parsed JSON. */
export async function api<T = Record<string, unknown>>(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { "x-api-key": API_KEY },
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Control API (no key). */
export const control = <T = Record<string, unknown>>(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
) => api<T>(emulator, method, `/__emulator${path}`, body, {});

export interface CardForm {
  email?: string;
  card_number?: string;
  expiry?: string;
  cvc?: string;
  name?: string;
  [extra: string]: string | undefined;
}

/** Submits the hosted checkout page's payment form without following the redirect. */
export async function submitCheckoutForm(checkoutUrl: string, form: CardForm = {}) {
  const fields: Record<string, string> = {
    action: "pay",
    email: "buyer@example.com",
    card_number: TEST_CARDS.success,
    expiry: "12 / 40",
    cvc: "123",
    name: "Ada Lovelace",
  };
  for (const [key, value] of Object.entries(form)) if (value !== undefined) fields[key] = value;
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

export async function createCheckout(emulator: Emulator, body: Record<string, unknown>) {
  const { status, body: checkout } = await api<{ id: string; checkout_url: string }>(
    emulator,
    "POST",
    "/v1/checkouts",
    body,
  );
  if (status !== 200) throw new Error(`checkout create failed: ${status} ${JSON.stringify(checkout)}`);
  return checkout;
}

/** Creates a checkout and pays it with the success card; returns the ids from the return URL. */
export async function buy(emulator: Emulator, productId: string, email = "buyer@example.com", extra = {}) {
  const checkout = await createCheckout(emulator, {
    product_id: productId,
    success_url: "http://app.test/return",
    ...extra,
  });
  const result = await submitCheckoutForm(checkout.checkout_url, { email });
  if (result.status !== 303 || !result.location) throw new Error(`payment failed: ${result.status}`);
  const params = new URL(result.location).searchParams;
  return {
    checkoutId: checkout.id,
    orderId: params.get("order_id") ?? "",
    customerId: params.get("customer_id") ?? "",
    subscriptionId: params.get("subscription_id") ?? "",
    location: result.location,
  };
}

export interface ReceivedWebhook {
  body: string;
  signature: string | undefined;
  headers: http.IncomingHttpHeaders;
  receivedAt: number;
}

export type ReceiverReply = number | "hang" | { status: number; delayMs: number };

/** A local webhook endpoint. `respond` picks the reply to the n-th request (0-based) carrying `body`. */
export async function startReceiver(respond: (n: number, body: string) => ReceiverReply = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const n = received.length;
      const signature = req.headers["creem-signature"];
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        body,
        signature: typeof signature === "string" ? signature : undefined,
        headers: req.headers,
        receivedAt: Date.now(),
      });
      const reply = respond(n, body);
      if (reply === "hang") return;
      const { status, delayMs } = typeof reply === "number" ? { status: reply, delayMs: 0 } : reply;
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status < 300 ? "ok" : "nope");
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/creem`,
    received,
    events: () =>
      received.map((r) => JSON.parse(r.body) as { id: string; eventType: string; object: unknown }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns true (bounded). */
export async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
