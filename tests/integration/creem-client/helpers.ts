import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { createCreemClient, isCreemError, type CreemClient, type CreemErrorCode } from "@/lib/creem";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../creem-emulator/src/index";

// The app's CREEM client (lib/creem) against a local CREEM emulator started per test file on a free port.

export const API_KEY = "creem_test_client_integration_key";
export const WEBHOOK_SECRET = "whsec_client_integration_secret";

export interface TestCreem {
  emulator: RunningEmulator;
  client: CreemClient;
  /** The emulator's control API (`/__emulator`, no key); throws on a non-2xx answer. */
  control: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;
  close: () => Promise<void>;
}

export async function startCreem(options: EmulatorOptions = {}): Promise<TestCreem> {
  const emulator = await startEmulator({
    port: 0,
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    retryDelaysMs: [50, 50, 50, 50],
    webhookTimeoutMs: 1_000,
    ...options,
  });
  const client = createCreemClient({ apiKey: API_KEY, baseUrl: emulator.url, maxRetries: 0 });
  const control = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/__emulator${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" } }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${path} -> ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return { emulator, client, control, close: () => emulator.close() };
}

export interface Purchase {
  checkoutId: string;
  customerId: string;
  orderId: string;
  subscriptionId: string | undefined;
}

/** Creates a checkout through the client and pays it through the control API (success card, no browser). */
export async function buy(
  creem: TestCreem,
  productId: string,
  email: string,
  extra: { units?: number; discountCode?: string } = {},
): Promise<Purchase> {
  const checkout = await creem.client.checkouts.create({ productId, customer: { email }, ...extra });
  const completed = await creem.control<{
    checkout: { customer: { id: string }; order: { id: string }; subscription?: { id: string } };
  }>("POST", `/checkouts/${checkout.id}/complete`, { email });
  return {
    checkoutId: checkout.id,
    customerId: completed.checkout.customer.id,
    orderId: completed.checkout.order.id,
    subscriptionId: completed.checkout.subscription?.id,
  };
}

/** Awaits `promise` and asserts it rejects with a CreemError of that code and HTTP status. */
export async function expectCreemError(promise: Promise<unknown>, code: CreemErrorCode, status: number) {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isCreemError(error), `expected a CreemError, got ${String(error)}`).toBe(true);
  if (!isCreemError(error)) throw new Error("unreachable");
  expect({ code: error.code, status: error.status }).toEqual({ code, status });
  return error;
}

export interface ReceivedWebhook {
  body: string;
  signature: string | undefined;
}

/** A tiny webhook endpoint that records every request and answers 200. */
export async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const signature = req.headers["creem-signature"];
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: typeof signature === "string" ? signature : undefined,
      });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/creem`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
