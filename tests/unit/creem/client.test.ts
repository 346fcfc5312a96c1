import { describe, expect, it } from "vitest";
import {
  createCreemClient,
  CREEM_PRODUCTION_URL,
  CREEM_TEST_URL,
  isTestKey,
  resolveBaseUrl,
} from "@/lib/creem/client";
import { CreemError } from "@/lib/creem/errors";
import { fakeFetch, json, TEST_KEY, testClient } from "./fake-fetch";
import { productWire } from "./fixtures";

describe("base URL", () => {
  it("uses the test host for creem_test_ keys and production otherwise", () => {
    expect(resolveBaseUrl("creem_test_abc")).toBe(CREEM_TEST_URL);
    expect(resolveBaseUrl("creem_abc")).toBe(CREEM_PRODUCTION_URL);
    expect(resolveBaseUrl("creem_live_test_abc")).toBe(CREEM_PRODUCTION_URL);
    expect(CREEM_TEST_URL).toBe("https://test-api.creem.io");
    expect(CREEM_PRODUCTION_URL).toBe("https://api.creem.io");
    expect(isTestKey("creem_test_abc")).toBe(true);
    expect(isTestKey("creem_abc")).toBe(false);
  });

  it("prefers an explicit base URL (the emulator), without a trailing slash", () => {
    expect(resolveBaseUrl("creem_abc", "http://localhost:4010/")).toBe("http://localhost:4010");
    expect(resolveBaseUrl("creem_test_abc", "  ")).toBe(CREEM_TEST_URL);
  });

  it("sends requests to the selected host", async () => {
    const test = testClient(() => json(productWire));
    await test.client.products.get("prod_1");
    expect(test.calls[0]?.url.origin).toBe(CREEM_TEST_URL);

    const live = testClient(() => json(productWire), { apiKey: "creem_live" });
    await live.client.products.get("prod_1");
    expect(live.calls[0]?.url.origin).toBe(CREEM_PRODUCTION_URL);

    const emulator = testClient(() => json(productWire), { baseUrl: "http://localhost:4010/prefix/" });
    await emulator.client.products.get("prod_1");
    expect(emulator.calls[0]?.url.toString()).toBe(
      "http://localhost:4010/prefix/v1/products?product_id=prod_1",
    );
    expect(emulator.client.baseUrl).toBe("http://localhost:4010/prefix");
  });
});

describe("createCreemClient", () => {
  it("authenticates with x-api-key only and asks for JSON", async () => {
    const { client, calls } = testClient(() => json(productWire));
    await client.products.get("prod_1");
    const headers = calls[0]?.headers;
    expect(headers?.get("x-api-key")).toBe(TEST_KEY);
    expect(headers?.get("authorization")).toBeNull();
    expect(headers?.get("accept")).toBe("application/json");
    expect(headers?.get("content-type")).toBeNull();
  });

  it("sends JSON bodies with a content type", async () => {
    const { client, calls } = testClient(() =>
      json({ customer_portal_link: "https://creem.io/my-orders/login/x" }),
    );
    await client.customers.createBillingPortalLink("cust_1");
    expect(calls[0]?.headers.get("content-type")).toBe("application/json");
  });

  it("refuses to start without an API key, with a typed error", () => {
    const { fetch } = fakeFetch(() => json({}));
    for (const apiKey of ["", "   "]) {
      const error = (() => {
        try {
          createCreemClient({ apiKey, fetch });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CreemError);
      expect((error as CreemError).code).toBe("not_configured");
      expect((error as CreemError).userMessage).not.toMatch(/key/i);
    }
  });

  it("rejects invalid numeric options", () => {
    const { fetch } = fakeFetch(() => json({}));
    expect(() => createCreemClient({ apiKey: TEST_KEY, fetch, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createCreemClient({ apiKey: TEST_KEY, fetch, maxRetries: -1 })).toThrow(RangeError);
    expect(() => createCreemClient({ apiKey: TEST_KEY, fetch, maxRetries: 1.5 })).toThrow(RangeError);
    expect(() => createCreemClient({ apiKey: TEST_KEY, fetch, retryBaseDelayMs: Number.NaN })).toThrow(
      RangeError,
    );
  });

  it("rejects empty ids (as a rejected promise) before calling CREEM and encodes ids in paths", async () => {
    const { client, calls } = testClient(() => json({ id: "sub_1" }));
    await expect(client.subscriptions.get("")).rejects.toThrow(TypeError);
    await expect(client.subscriptions.cancel(" ")).rejects.toThrow(TypeError);
    await expect(client.checkouts.create({ productId: "" })).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);

    await client.subscriptions.pause("../products?x=1");
    expect(calls[0]?.url.pathname).toBe("/v1/subscriptions/..%2Fproducts%3Fx%3D1/pause");
    expect(calls[0]?.url.search).toBe("");
  });
});
