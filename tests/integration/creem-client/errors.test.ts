import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCreemClient, type FetchLike } from "@/lib/creem";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { API_KEY, expectCreemError, startCreem, type TestCreem } from "./helpers";

let creem: TestCreem;
beforeAll(async () => {
  creem = await startCreem();
});
afterAll(() => creem.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A client with its own fetch that counts requests, to see that 4xx answers are not retried. */
function countingClient(apiKey: string) {
  const urls: string[] = [];
  const countingFetch: FetchLike = (url, init) => {
    urls.push(url);
    return fetch(url, init);
  };
  // Default retries (3): a GET would be repeated after a transient failure, never after a 4xx.
  const client = createCreemClient({ apiKey, baseUrl: creem.emulator.url, fetch: countingFetch });
  return { client, urls };
}

describe("error mapping", () => {
  it("maps a wrong API key to forbidden (403) without echoing the key", async () => {
    const wrongKey = "creem_test_this_is_not_the_key";
    const { client, urls } = countingClient(wrongKey);
    const error = await expectCreemError(client.products.get(PRODUCT_IDS.proMonthly), "forbidden", 403);
    expect(urls).toHaveLength(1);
    expect(error).toMatchObject({
      name: "CreemError",
      endpoint: "GET /v1/products",
      messages: ["Invalid API key"],
      userMessage: "Payments are not set up correctly right now. Please contact support.",
      transient: false,
    });
    expect(error.traceId).toMatch(UUID);
    expect(error.message).toContain("(HTTP 403 Forbidden)");
    expect(error.message).not.toContain(wrongKey);

    await expectCreemError(client.checkouts.create({ productId: PRODUCT_IDS.proMonthly }), "forbidden", 403);
  });

  it("maps missing resources to not_found (404)", async () => {
    const { client, urls } = countingClient(API_KEY);
    const error = await expectCreemError(client.products.get("prod_missing"), "not_found", 404);
    expect(urls).toHaveLength(1);
    // The query string is left out of the endpoint (it can carry e-mail addresses).
    expect(error.endpoint).toBe("GET /v1/products");
    expect(error.userMessage).toBe("The requested item was not found.");
    expect(error.traceId).toMatch(UUID);

    await expectCreemError(creem.client.checkouts.get("ch_missing"), "not_found", 404);
    await expectCreemError(creem.client.checkouts.create({ productId: "prod_missing" }), "not_found", 404);
  });

  it("maps validation failures to bad_request (400) with CREEM's messages", async () => {
    const error = await expectCreemError(
      creem.client.products.create({
        name: "Too cheap",
        description: "",
        price: 50,
        currency: "USD",
        billingType: "onetime",
      }),
      "bad_request",
      400,
    );
    expect(error.messages).toEqual(["price must be 0 or at least 100"]);
    expect(error.userMessage).toBe("The request was invalid: price must be 0 or at least 100");
    expect(error.endpoint).toBe("POST /v1/products");

    const units = await expectCreemError(
      creem.client.checkouts.create({ productId: PRODUCT_IDS.teamMonthly, units: 0 }),
      "bad_request",
      400,
    );
    expect(units.messages).toEqual(["units must not be less than 1"]);

    const page = await expectCreemError(creem.client.products.search({ pageSize: 1000 }), "bad_request", 400);
    expect(page.messages).toEqual(["page_size must not be greater than 100"]);
  });

  it("refuses to build a client without a key", () => {
    expect(() => createCreemClient({ apiKey: " ", baseUrl: creem.emulator.url })).toThrow(
      expect.objectContaining({ code: "not_configured" }),
    );
  });
});
