import { describe, expect, it } from "vitest";
import { json, TEST_KEY, testClient } from "./fake-fetch";
import { pagination, productWire } from "./fixtures";

describe("products.create", () => {
  it("POSTs /v1/products with a snake_case body and the Idempotency-Key header", async () => {
    const { client, calls } = testClient(() => json(productWire));
    await client.products.create(
      {
        name: "Pro",
        description: "Pro plan",
        price: 1900,
        currency: "USD",
        billingType: "recurring",
        billingPeriod: "every-month",
        taxMode: "exclusive",
        taxCategory: "saas",
        imageUrl: "https://cdn.example.com/pro.png",
        defaultSuccessUrl: "https://app.example.com/billing/success",
        trialPeriodDays: 14,
        customFields: [{ type: "checkbox", key: "terms", label: "Terms", checkbox: { label: "I agree" } }],
        features: [
          {
            type: "customerCredits",
            description: "Credits",
            customerCredits: { amount: "100", unitLabel: "credits" },
          },
        ],
      },
      { idempotencyKey: "seed-pro-v1" },
    );
    const call = calls[0];
    expect(call?.method).toBe("POST");
    expect(call?.url.pathname).toBe("/v1/products");
    expect(call?.headers.get("idempotency-key")).toBe("seed-pro-v1");
    expect(call?.headers.get("x-api-key")).toBe(TEST_KEY);
    expect(call?.body).toEqual({
      name: "Pro",
      description: "Pro plan",
      price: 1900,
      currency: "USD",
      billing_type: "recurring",
      billing_period: "every-month",
      tax_mode: "exclusive",
      tax_category: "saas",
      image_url: "https://cdn.example.com/pro.png",
      default_success_url: "https://app.example.com/billing/success",
      trial_period_days: 14,
      custom_fields: [{ type: "checkbox", key: "terms", label: "Terms", checkbox: { label: "I agree" } }],
      features: [
        {
          type: "customerCredits",
          description: "Credits",
          customer_credits: { amount: "100", unit_label: "credits" },
        },
      ],
    });
  });

  it("sends no Idempotency-Key header when none is given", async () => {
    const { client, calls } = testClient(() => json(productWire));
    await client.products.create({
      name: "One",
      description: "d",
      price: 0,
      currency: "EUR",
      billingType: "onetime",
    });
    expect(calls[0]?.headers.has("idempotency-key")).toBe(false);
    expect(calls[0]?.body).toEqual({
      name: "One",
      description: "d",
      price: 0,
      currency: "EUR",
      billing_type: "onetime",
    });
  });
});

describe("products.get", () => {
  it("GETs /v1/products?product_id= and maps the product", async () => {
    const { client, calls } = testClient(() => json(productWire));
    const product = await client.products.get("prod_1");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/products");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ product_id: "prod_1" });
    expect(product).toEqual({
      id: "prod_1",
      mode: "test",
      object: "product",
      name: "Pro",
      description: "Pro plan",
      imageUrl: "https://cdn.example.com/pro.png",
      price: 1900,
      currency: "USD",
      billingType: "recurring",
      billingPeriod: "every-month",
      status: "active",
      taxMode: "exclusive",
      taxCategory: "saas",
      productUrl: "https://creem.io/product/prod_1",
      defaultSuccessUrl: null,
      trialPeriodDays: 14,
      features: [{ id: "feat_1", type: "licenseKey", description: "License key" }],
      customFields: [
        { type: "text", key: "company", label: "Company", optional: true, text: { maxLength: 80 } },
      ],
      createdAt: new Date("2025-01-01T10:00:00.000Z"),
      updatedAt: new Date("2025-01-02T10:00:00.000Z"),
    });
  });
});

describe("products.search", () => {
  it("GETs /v1/products/search with pagination and status", async () => {
    const { client, calls } = testClient(() =>
      json({ items: [productWire, { ...productWire, id: "prod_2" }], pagination }),
    );
    const page = await client.products.search({ pageNumber: 2, pageSize: 5, status: "active" });
    expect(calls[0]?.url.pathname).toBe("/v1/products/search");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      page_number: "2",
      page_size: "5",
      status: "active",
    });
    expect(page.items.map((p) => p.id)).toEqual(["prod_1", "prod_2"]);
    expect(page.pagination).toEqual({
      totalRecords: 2,
      totalPages: 1,
      currentPage: 1,
      nextPage: undefined,
      prevPage: undefined,
    });
  });

  it("sends no query when no parameters are given", async () => {
    const { client, calls } = testClient(() => json({ items: [], pagination }));
    const page = await client.products.search();
    expect(calls[0]?.url.search).toBe("");
    expect(page.items).toEqual([]);
  });
});
