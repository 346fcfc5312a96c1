import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DISCOUNT_CODES, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { API_KEY, api, buy, createCheckout, startTestEmulator, type Emulator } from "./helpers";

interface ErrorBody {
  trace_id: string;
  status: number;
  error: string;
  message: string[];
  timestamp: number;
}

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.reset());

function expectError(
  result: { status: number; body: unknown },
  status: number,
  error: string,
  message?: string,
) {
  const body = result.body as ErrorBody;
  expect(result.status).toBe(status);
  expect(Object.keys(body).sort()).toEqual(["error", "message", "status", "timestamp", "trace_id"]);
  expect(body).toMatchObject({ status, error });
  expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof body.timestamp).toBe("number");
  if (message) expect(body.message).toContain(message);
}

describe("errors", () => {
  it("answers 401 without x-api-key and 403 with a wrong one", async () => {
    expectError(await api(emulator, "GET", "/v1/products/search", undefined, {}), 401, "Unauthorized");
    expectError(
      await api(emulator, "GET", "/v1/products/search", undefined, { "x-api-key": "creem_test_wrong" }),
      403,
      "Forbidden",
      "Invalid API key",
    );
  });

  it("validates bodies and queries with 400 and class-validator style messages", async () => {
    expectError(
      await api(emulator, "POST", "/v1/checkouts", {}),
      400,
      "Bad Request",
      "product_id must be a string",
    );
    expectError(
      await api(emulator, "POST", "/v1/checkouts", {
        product_id: PRODUCT_IDS.proMonthly,
        customer: { id: "c", email: "a@b.co" },
      }),
      400,
      "Bad Request",
      "customer must have either id or email, not both",
    );
    expectError(
      await api(emulator, "POST", "/v1/products", {
        name: "x",
        price: 50,
        currency: "GBP",
        billing_type: "onetime",
      }),
      400,
      "Bad Request",
      "currency must be one of the following values: USD, EUR",
    );
    expectError(
      await api(emulator, "POST", "/v1/discounts", {
        name: "x",
        type: "fixed",
        duration: "once",
        applies_to_products: [],
      }),
      400,
      "Bad Request",
      "amount and currency are required for fixed discounts",
    );
    expectError(
      await api(emulator, "GET", "/v1/products/search?page_size=0"),
      400,
      "Bad Request",
      "page_size must not be less than 1",
    );
    const invalidJson = await fetch(`${emulator.url}/v1/checkouts`, {
      method: "POST",
      headers: { "x-api-key": API_KEY, "content-type": "application/json" },
      body: "{not json",
    });
    expect(invalidJson.status).toBe(400);
  });

  it("answers 404 for unknown ids and routes", async () => {
    expectError(
      await api(emulator, "GET", "/v1/products/prod_missing"),
      404,
      "Not Found",
      "Product not found",
    );
    expectError(
      await api(emulator, "GET", "/v1/checkouts?checkout_id=ch_missing"),
      404,
      "Not Found",
      "Checkout not found",
    );
    expectError(await api(emulator, "GET", "/v1/transactions?transaction_id=tran_x"), 404, "Not Found");
    expectError(
      await api(emulator, "POST", "/v1/checkouts", { product_id: "prod_missing" }),
      404,
      "Not Found",
    );
    expectError(
      await api(emulator, "GET", "/v1/nothing-here"),
      404,
      "Not Found",
      "Cannot GET /v1/nothing-here",
    );
  });

  it("answers 409 for state conflicts and 400 for unusable discounts", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}/cancel`, { mode: "immediate" });
    expectError(
      await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}/cancel`, {}),
      409,
      "Conflict",
    );
    expectError(await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}/resume`), 409, "Conflict");

    const limited = await api<{ code: string }>(emulator, "POST", "/v1/discounts", {
      name: "One use",
      code: "ONEUSE",
      type: "percentage",
      percentage: 50,
      duration: "once",
      max_redemptions: 1,
      applies_to_products: [PRODUCT_IDS.lifetime],
    });
    expect(limited.status).toBe(200);
    expectError(
      await api(emulator, "POST", "/v1/checkouts", {
        product_id: PRODUCT_IDS.proMonthly,
        discount_code: "ONEUSE",
      }),
      400,
      "Bad Request",
      "This discount code does not apply to this product.",
    );
    await buy(emulator, PRODUCT_IDS.lifetime, "one@example.com", { discount_code: "ONEUSE" });
    expectError(
      await api(emulator, "POST", "/v1/checkouts", {
        product_id: PRODUCT_IDS.lifetime,
        discount_code: "ONEUSE",
      }),
      400,
      "Bad Request",
      "This discount code has reached its maximum number of redemptions.",
    );
    await api(emulator, "POST", "/v1/discounts", {
      name: "Expired",
      code: "OLD",
      type: "percentage",
      percentage: 10,
      duration: "forever",
      expiry_date: "2020-01-01T00:00:00Z",
      applies_to_products: [PRODUCT_IDS.proMonthly],
    });
    expectError(
      await api(emulator, "POST", "/v1/checkouts", {
        product_id: PRODUCT_IDS.proMonthly,
        discount_code: "OLD",
      }),
      400,
      "Bad Request",
      "This discount code has expired.",
    );
    expectError(
      await api(emulator, "POST", "/v1/discounts", {
        name: "Dup",
        code: DISCOUNT_CODES.launch20,
        type: "percentage",
        percentage: 5,
        duration: "forever",
        applies_to_products: [],
      }),
      400,
      "Bad Request",
    );
  });

  it("answers 403 at the activation limit, 404 for unknown keys and instances, 409 and 410", async () => {
    await buy(emulator, PRODUCT_IDS.lifetime);
    const license = Object.values(emulator.store.state.licenses)[0];
    const key = license?.key ?? "";
    let instanceId = "";
    for (const name of ["a", "b", "c"]) {
      const activated = await api<{ instance: { id: string } }>(emulator, "POST", "/v1/licenses/activate", {
        key,
        instance_name: name,
      });
      instanceId = activated.body.instance.id;
    }
    expectError(
      await api(emulator, "POST", "/v1/licenses/activate", { key, instance_name: "d" }),
      403,
      "Forbidden",
      "Activation limit of 3 reached",
    );
    expectError(
      await api(emulator, "POST", "/v1/licenses/validate", { key: "NOPE", instance_id: instanceId }),
      404,
      "Not Found",
    );
    expectError(
      await api(emulator, "POST", "/v1/licenses/validate", { key, instance_id: "inst_x" }),
      404,
      "Not Found",
    );
    await api(emulator, "POST", "/v1/licenses/deactivate", { key, instance_id: instanceId });
    expectError(
      await api(emulator, "POST", "/v1/licenses/deactivate", { key, instance_id: instanceId }),
      409,
      "Conflict",
    );
    if (license) license.status = "disabled";
    expectError(
      await api(emulator, "POST", "/v1/licenses/validate", { key, instance_id: instanceId }),
      410,
      "Gone",
    );
  });
});

describe("wire format", () => {
  it("uses the documented pagination shape and default page sizes", async () => {
    const products = await api<{ items: unknown[]; pagination: Record<string, unknown> }>(
      emulator,
      "GET",
      "/v1/products/search",
    );
    expect(products.body.pagination).toEqual({
      total_records: 7,
      total_pages: 1,
      current_page: 1,
      next_page: null,
      prev_page: null,
    });
    for (let i = 0; i < 3; i += 1) await buy(emulator, PRODUCT_IDS.lifetime, `list${i}@example.com`);
    const customers = await api<{ items: unknown[]; pagination: Record<string, unknown> }>(
      emulator,
      "GET",
      "/v1/customers/list?page_size=2&page_number=2",
    );
    expect(customers.body.items).toHaveLength(1);
    expect(customers.body.pagination).toEqual({
      total_records: 3,
      total_pages: 2,
      current_page: 2,
      next_page: null,
      prev_page: 1,
    });
  });

  it("marks every entity test mode, omits absent optional keys and uses ms numbers only where documented", async () => {
    const checkout = await createCheckout(emulator, { product_id: PRODUCT_IDS.proMonthly });
    const pending = (await api(emulator, "GET", `/v1/checkouts?checkout_id=${checkout.id}`)).body;
    expect(pending).toMatchObject({ mode: "test", object: "checkout", status: "pending", success_url: null });
    for (const key of [
      "request_id",
      "customer",
      "order",
      "subscription",
      "metadata",
      "discount",
      "license_keys",
    ]) {
      expect(pending).not.toHaveProperty(key);
    }
    const product = (await api(emulator, "GET", `/v1/products/${PRODUCT_IDS.proMonthly}`)).body;
    expect(product).not.toHaveProperty("image_url");
    expect(product).not.toHaveProperty("trial_period_days");

    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    const subscription = (
      await api<Record<string, unknown> & { last_transaction: Record<string, unknown> }>(
        emulator,
        "GET",
        `/v1/subscriptions?subscription_id=${subscriptionId}`,
      )
    ).body;
    expect(subscription).toMatchObject({
      mode: "test",
      canceled_at: null,
      collection_method: "charge_automatically",
    });
    expect(subscription.id).toMatch(/^sub_/);
    for (const key of [
      "created_at",
      "updated_at",
      "current_period_start_date",
      "current_period_end_date",
      "next_transaction_date",
    ]) {
      expect(subscription[key]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(subscription.last_transaction).toMatchObject({ mode: "test", object: "transaction" });
    for (const key of ["created_at", "period_start", "period_end"]) {
      expect(typeof subscription.last_transaction[key]).toBe("number");
    }
    expect(subscription.last_transaction.id).toMatch(/^tran_/);
  });
});
