import { afterEach, describe, expect, it, vi } from "vitest";
import { CreemError } from "@/lib/creem/errors";
import { backoffDelay, MAX_RETRY_DELAY_MS, parseRetryAfter } from "@/lib/creem/retry";
import { hang, inSequence, json, testClient } from "./fake-fetch";
import { productWire } from "./fixtures";

const serverError = () => json({ trace_id: "t", status: 500, error: "Internal Server Error" }, 500);
const ok = () => json(productWire);

afterEach(() => {
  vi.useRealTimers();
});

describe("GET retries", () => {
  it("retries 5xx and 429 and then succeeds", async () => {
    const { client, calls } = testClient(
      inSequence(
        serverError,
        () => json({}, 429),
        () => json({}, 503),
        ok,
      ),
      { maxRetries: 3 },
    );
    const product = await client.products.get("prod_1");
    expect(product.id).toBe("prod_1");
    expect(calls).toHaveLength(4);
  });

  it("retries network errors", async () => {
    const { client, calls } = testClient(
      inSequence(() => {
        throw new TypeError("fetch failed");
      }, ok),
    );
    await expect(client.products.get("prod_1")).resolves.toMatchObject({ id: "prod_1" });
    expect(calls).toHaveLength(2);
  });

  it("is bounded: 1 + maxRetries attempts, then the last error", async () => {
    const { client, calls } = testClient(serverError, { maxRetries: 2 });
    const error = await client.products.get("prod_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreemError);
    expect((error as CreemError).code).toBe("unavailable");
    expect(calls).toHaveLength(3);
  });

  it("defaults to 3 retries", async () => {
    const { client, calls } = testClient(serverError);
    await expect(client.transactions.search()).rejects.toBeInstanceOf(CreemError);
    expect(calls).toHaveLength(4);
  });

  it("does not retry client errors or invalid responses", async () => {
    for (const respond of [() => json({}, 400), () => json({}, 404), () => json({ not: "a product" })]) {
      const { client, calls } = testClient(respond);
      await expect(client.products.get("prod_1")).rejects.toBeInstanceOf(CreemError);
      expect(calls).toHaveLength(1);
    }
  });

  it("waits with exponential backoff between attempts", async () => {
    const times: number[] = [];
    const { client } = testClient(
      inSequence(
        () => {
          times.push(performance.now());
          return serverError();
        },
        () => {
          times.push(performance.now());
          return serverError();
        },
        () => {
          times.push(performance.now());
          return ok();
        },
      ),
      { retryBaseDelayMs: 20 },
    );
    await client.products.get("prod_1");
    const [t0 = 0, t1 = 0, t2 = 0] = times;
    // Equal jitter: attempt n waits between base*2^n/2 and base*2^n (timers may fire ~1 ms early).
    expect(t1 - t0).toBeGreaterThanOrEqual(9);
    expect(t2 - t1).toBeGreaterThanOrEqual(19);
  });

  it("honours Retry-After", async () => {
    vi.useFakeTimers();
    const { client, calls } = testClient(
      inSequence(() => json({}, 429, { "retry-after": "2" }), ok),
      {
        retryBaseDelayMs: 1,
      },
    );
    const pending = client.products.get("prod_1");
    await vi.advanceTimersByTimeAsync(1900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
    await expect(pending).resolves.toMatchObject({ id: "prod_1" });
  });

  it("gives up at once when Retry-After is longer than it is willing to wait", async () => {
    const { client, calls } = testClient(() => json({}, 429, { "retry-after": "3600" }));
    const error = (await client.products.get("prod_1").catch((e: unknown) => e)) as CreemError;
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(calls).toHaveLength(1);
  });
});

describe("POST is not retried", () => {
  it("does not repeat a create, change or refund after a 5xx, 429 or network error", async () => {
    const { client, calls } = testClient(serverError);
    await expect(client.checkouts.create({ productId: "prod_1" })).rejects.toMatchObject({
      code: "unavailable",
    });
    await expect(client.subscriptions.cancel("sub_1")).rejects.toBeInstanceOf(CreemError);
    await expect(client.refunds.create({ transactionId: "tran_1" })).rejects.toBeInstanceOf(CreemError);
    await expect(client.products.create(productInput)).rejects.toBeInstanceOf(CreemError);
    await expect(client.discounts.delete("dis_1")).rejects.toBeInstanceOf(CreemError);
    expect(calls).toHaveLength(5);

    const limited = testClient(() => json({}, 429));
    await expect(limited.client.licenses.activate({ key: "k", instanceName: "i" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(limited.calls).toHaveLength(1);

    const network = testClient(() => {
      throw new TypeError("fetch failed");
    });
    await expect(
      network.client.subscriptions.upgrade("sub_1", { productId: "prod_2" }),
    ).rejects.toMatchObject({
      code: "network",
      status: 0,
    });
    expect(network.calls).toHaveLength(1);
  });

  it("retries product create only when an Idempotency-Key is sent, with the same key each time", async () => {
    const { client, calls } = testClient(inSequence(serverError, ok));
    const product = await client.products.create(productInput, { idempotencyKey: "seed-pro-v1" });
    expect(product.id).toBe("prod_1");
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.headers.get("idempotency-key"))).toEqual(["seed-pro-v1", "seed-pro-v1"]);
  });
});

describe("timeouts", () => {
  it('aborts a hung request and reports code "timeout" with status 0', async () => {
    const { client, calls } = testClient(hang, { timeoutMs: 20, maxRetries: 0 });
    const error = (await client.products.get("prod_1").catch((e: unknown) => e)) as CreemError;
    expect(error).toBeInstanceOf(CreemError);
    expect(error.code).toBe("timeout");
    expect(error.status).toBe(0);
    expect(error.userMessage).toMatch(/temporarily unavailable/);
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it("retries a timed-out GET, but not a timed-out POST", async () => {
    const { client, calls } = testClient((call, index) => (index === 0 ? hang(call, index) : ok()), {
      timeoutMs: 20,
    });
    await expect(client.products.get("prod_1")).resolves.toMatchObject({ id: "prod_1" });
    expect(calls).toHaveLength(2);

    const post = testClient(hang, { timeoutMs: 20 });
    await expect(post.client.checkouts.create({ productId: "prod_1" })).rejects.toMatchObject({
      code: "timeout",
    });
    expect(post.calls).toHaveLength(1);
  });

  it("covers a body that stalls after the headers arrive", async () => {
    const { client } = testClient(
      (call) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'));
              call.signal?.addEventListener("abort", () =>
                controller.error(new DOMException("aborted", "AbortError")),
              );
            },
          }),
          { status: 200 },
        ),
      { timeoutMs: 20, maxRetries: 0 },
    );
    await expect(client.products.get("prod_1")).rejects.toMatchObject({ code: "timeout" });
  });
});

describe("backoff helpers", () => {
  it("grows exponentially with jitter inside [window/2, window], capped", () => {
    expect(backoffDelay(0, 100, () => 0)).toBe(50);
    expect(backoffDelay(0, 100, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, () => 0)).toBe(400);
    expect(backoffDelay(3, 100, () => 1)).toBe(800);
    expect(backoffDelay(30, 100, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it("parses Retry-After seconds and HTTP dates", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:04 GMT", now)).toBe(4000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

const productInput = {
  name: "Pro",
  description: "Pro plan",
  price: 1900,
  currency: "USD",
  billingType: "recurring",
  billingPeriod: "every-month",
} as const;
