import { describe, expect, it } from "vitest";
import { idOf } from "@/lib/creem/schemas/common";
import { json, TEST_KEY, testClient } from "./fake-fetch";
import { checkoutCompletedWire, checkoutPendingWire } from "./fixtures";

describe("checkouts.create", () => {
  it("POSTs /v1/checkouts with a snake_case body, omitting unset options", async () => {
    const { client, calls } = testClient(() => json(checkoutPendingWire));
    await client.checkouts.create({
      productId: "prod_1",
      requestId: "req_123",
      units: 2,
      discountCode: "LAUNCH",
      customer: { email: "buyer@example.com" },
      customFields: [
        { type: "text", key: "company", label: "Company", optional: true, text: { maxLength: 80 } },
      ],
      successUrl: "https://app.example.com/billing/success",
      metadata: { user_id: "user_42", nested: { keep_me: true } },
      customPrice: 2500,
      affiliateCode: "aff_1",
    });
    const call = calls[0];
    expect(call?.method).toBe("POST");
    expect(call?.url.pathname).toBe("/v1/checkouts");
    expect(call?.headers.get("x-api-key")).toBe(TEST_KEY);
    expect(call?.body).toEqual({
      product_id: "prod_1",
      request_id: "req_123",
      units: 2,
      discount_code: "LAUNCH",
      customer: { email: "buyer@example.com" },
      custom_fields: [
        { type: "text", key: "company", label: "Company", optional: true, text: { max_length: 80 } },
      ],
      success_url: "https://app.example.com/billing/success",
      metadata: { user_id: "user_42", nested: { keep_me: true } },
      custom_price: 2500,
      affiliate_code: "aff_1",
    });
  });

  it("sends only product_id when nothing else is given", async () => {
    const { client, calls } = testClient(() => json(checkoutPendingWire));
    await client.checkouts.create({ productId: "prod_1", customer: { id: "cust_1" } });
    expect(calls[0]?.body).toEqual({ product_id: "prod_1", customer: { id: "cust_1" } });
  });

  it("maps the pending checkout to camelCase", async () => {
    const { client } = testClient(() => json(checkoutPendingWire));
    const checkout = await client.checkouts.create({ productId: "prod_1" });
    expect(checkout).toEqual({
      id: "ch_1",
      mode: "test",
      object: "checkout",
      status: "pending",
      product: "prod_1",
      units: 1,
      requestId: "req_123",
      checkoutUrl: "https://creem.io/test/checkout/prod_1/ch_1",
      successUrl: "https://app.example.com/billing/success",
      metadata: { user_id: "user_42" },
    });
  });
});

describe("checkouts.get", () => {
  it("GETs /v1/checkouts?checkout_id= and expands a completed checkout", async () => {
    const { client, calls } = testClient(() => json(checkoutCompletedWire));
    const checkout = await client.checkouts.get("ch_1");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/checkouts");
    expect(calls[0]?.url.searchParams.get("checkout_id")).toBe("ch_1");
    expect(calls[0]?.body).toBeUndefined();

    expect(checkout.status).toBe("completed");
    expect(typeof checkout.product === "object" && checkout.product.billingPeriod).toBe("every-month");
    expect(typeof checkout.order === "object" && checkout.order.amountPaid).toBe(2261);
    expect(typeof checkout.customer === "object" && checkout.customer.email).toBe("buyer@example.com");
    const subscription = checkout.subscription;
    expect(typeof subscription === "object" && idOf(subscription.product)).toBe("prod_1");
    expect(typeof subscription === "object" && subscription.currentPeriodEndDate).toEqual(
      new Date("2025-02-01T10:00:00.000Z"),
    );
    expect(checkout.licenseKeys?.[0]?.key).toBe("ABC-123");
    expect(checkout.licenseKeys?.[0]?.activationLimit).toBeNull();
    expect(checkout.discount).toEqual({ discountCode: "LAUNCH", durationInMonths: 3 });
    expect(idOf(checkout.order)).toBe("ord_1");
    expect(idOf(checkout.customer)).toBe("cust_1");
  });
});
