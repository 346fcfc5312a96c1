// vitest: isolate (fails when it shares a worker's modules with other files: seen with --sequence.shuffle)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idOf, type CreateProductInput, type Product } from "@/lib/creem";
import { DISCOUNT_CODES, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { startCreem, type TestCreem } from "./helpers";

let creem: TestCreem;
beforeAll(async () => {
  creem = await startCreem();
});
afterAll(() => creem.close());

describe("products", () => {
  it("creates a recurring product and reads it back in camelCase", async () => {
    const product = await creem.client.products.create({
      name: "Client test plan",
      description: "Made by the client integration tests",
      price: 2500,
      currency: "EUR",
      billingType: "recurring",
      billingPeriod: "every-three-months",
      taxMode: "exclusive",
      taxCategory: "digital-goods-service",
      imageUrl: "https://example.com/plan.png",
      defaultSuccessUrl: "https://app.example.com/welcome",
      trialPeriodDays: 7,
      customFields: [
        { type: "text", key: "company", label: "Company", optional: true, text: { maxLength: 40 } },
      ],
      features: [{ type: "custom", description: "Priority support" }],
    });
    expect(product).toMatchObject({
      object: "product",
      mode: "test",
      name: "Client test plan",
      price: 2500,
      currency: "EUR",
      billingType: "recurring",
      billingPeriod: "every-three-months",
      taxMode: "exclusive",
      taxCategory: "digital-goods-service",
      imageUrl: "https://example.com/plan.png",
      defaultSuccessUrl: "https://app.example.com/welcome",
      trialPeriodDays: 7,
      status: "active",
      customFields: [
        { type: "text", key: "company", label: "Company", optional: true, text: { maxLength: 40 } },
      ],
      features: [{ type: "custom", description: "Priority support" }],
    });
    expect(product.id).toMatch(/^prod_/);
    expect(product.createdAt).toBeInstanceOf(Date);
    expect(product.updatedAt).toBeInstanceOf(Date);
    expect(product).not.toHaveProperty("billing_type");

    const again = await creem.client.products.get(product.id);
    expect(again).toEqual(product);
  });

  it("returns the first product for a repeated idempotency key", async () => {
    const input: CreateProductInput = {
      name: "Ebook",
      description: "A one-time purchase",
      price: 900,
      currency: "USD",
      billingType: "onetime",
      features: [{ type: "licenseKey", description: "License key" }],
    };
    const first = await creem.client.products.create(input, { idempotencyKey: "client-it-ebook" });
    const second = await creem.client.products.create(
      { ...input, name: "Ebook (second attempt)" },
      { idempotencyKey: "client-it-ebook" },
    );
    expect(second.id).toBe(first.id);
    expect(second.name).toBe("Ebook");
    expect(first).toMatchObject({ billingType: "onetime", billingPeriod: "once", defaultSuccessUrl: null });
    const third = await creem.client.products.create(input);
    expect(third.id).not.toBe(first.id);
  });

  it("gets a seeded catalog product", async () => {
    const pro = await creem.client.products.get(PRODUCT_IDS.proMonthly);
    expect(pro).toMatchObject({
      id: PRODUCT_IDS.proMonthly,
      name: "Pro",
      price: 1900,
      currency: "USD",
      billingType: "recurring",
      billingPeriod: "every-month",
      taxMode: "exclusive",
      taxCategory: "saas",
    });
    const starter = await creem.client.products.get(PRODUCT_IDS.starterMonthly);
    expect(starter.trialPeriodDays).toBe(14);
  });

  it("searches with pagination", async () => {
    const all = await creem.client.products.search({ pageSize: 100 });
    const total = all.items.length;
    expect(total).toBe(Object.keys(PRODUCT_IDS).length + 3); // the catalog and the three products made above
    expect(all.items.map((p: Product) => p.id)).toEqual(expect.arrayContaining(Object.values(PRODUCT_IDS)));
    expect(all.pagination).toMatchObject({ totalRecords: total, totalPages: 1, currentPage: 1 });
    expect(all.pagination?.nextPage).toBeUndefined();

    const page2 = await creem.client.products.search({ pageNumber: 2, pageSize: 3 });
    expect(page2.items).toHaveLength(3);
    expect(page2.items.map((p) => p.id)).toEqual(all.items.slice(3, 6).map((p) => p.id));
    expect(page2.pagination).toEqual({
      totalRecords: total,
      totalPages: Math.ceil(total / 3),
      currentPage: 2,
      nextPage: 3,
      prevPage: 1,
    });

    const archived = await creem.client.products.search({ status: "archived" });
    expect(archived.items).toEqual([]);
    expect(archived.pagination?.totalRecords).toBe(0);
  });
});

describe("checkouts", () => {
  it("creates a pending checkout with every option and gets it", async () => {
    const checkout = await creem.client.checkouts.create({
      productId: PRODUCT_IDS.teamMonthly,
      requestId: "req_client_it_1",
      units: 3,
      discountCode: DISCOUNT_CODES.launch20,
      customer: { email: "team-buyer@example.com" },
      customFields: [{ type: "checkbox", key: "terms", label: "Terms", checkbox: { label: "I agree" } }],
      successUrl: "https://app.example.com/billing/return",
      metadata: { userId: "user_123", nested: { plan_key: "team" } },
    });
    expect(checkout).toMatchObject({
      object: "checkout",
      mode: "test",
      status: "pending",
      product: PRODUCT_IDS.teamMonthly,
      requestId: "req_client_it_1",
      units: 3,
      successUrl: "https://app.example.com/billing/return",
      metadata: { userId: "user_123", nested: { plan_key: "team" } },
      customFields: [{ type: "checkbox", key: "terms", label: "Terms", checkbox: { label: "I agree" } }],
      discount: { discountCode: "LAUNCH20", type: "percentage", duration: "forever" },
    });
    expect(checkout.id).toMatch(/^ch_/);
    expect(checkout.checkoutUrl).toBe(
      `${creem.emulator.url}/test/checkout/${PRODUCT_IDS.teamMonthly}/${checkout.id}`,
    );

    const fetched = await creem.client.checkouts.get(checkout.id);
    expect(fetched).toEqual(checkout);
  });

  it("expands product, customer, order and subscription once the checkout is paid", async () => {
    const checkout = await creem.client.checkouts.create({
      productId: PRODUCT_IDS.proMonthly,
      requestId: "req_client_it_2",
      customer: { email: "pro-buyer@example.com", name: "Pro Buyer" },
      metadata: { userId: "user_456" },
    });
    expect(checkout.successUrl).toBeNull();
    await creem.control("POST", `/checkouts/${checkout.id}/complete`, { email: "pro-buyer@example.com" });

    const completed = await creem.client.checkouts.get(checkout.id);
    expect(completed.status).toBe("completed");
    expect(completed.product).toMatchObject({ id: PRODUCT_IDS.proMonthly, name: "Pro", price: 1900 });
    expect(completed.customer).toMatchObject({
      object: "customer",
      email: "pro-buyer@example.com",
      name: "Pro Buyer",
      country: null,
    });
    expect(completed.order).toMatchObject({
      object: "order",
      product: PRODUCT_IDS.proMonthly,
      customer: idOf(completed.customer),
      amount: 1900,
      amountPaid: 1900,
      currency: "USD",
      status: "paid",
      type: "recurring",
    });
    const order = completed.order;
    if (typeof order !== "object") throw new Error("order should be expanded");
    expect(order.transaction).toMatch(/^tran_/);
    expect(order.createdAt).toBeInstanceOf(Date);
    expect(completed.subscription).toMatchObject({
      object: "subscription",
      product: PRODUCT_IDS.proMonthly,
      customer: idOf(completed.customer),
      status: "active",
      collectionMethod: "charge_automatically",
      metadata: { userId: "user_456" },
    });
    expect(completed.licenseKeys).toBeUndefined();
  });

  it("returns the license keys of a paid one-time checkout", async () => {
    const checkout = await creem.client.checkouts.create({ productId: PRODUCT_IDS.lifetime });
    await creem.control("POST", `/checkouts/${checkout.id}/complete`, { email: "lifetime@example.com" });
    const completed = await creem.client.checkouts.get(checkout.id);
    expect(completed.subscription).toBeUndefined();
    expect(completed.order).toMatchObject({ type: "onetime", amount: 29900 });
    expect(completed.licenseKeys).toHaveLength(1);
    expect(completed.licenseKeys?.[0]).toMatchObject({
      object: "license",
      productId: PRODUCT_IDS.lifetime,
      status: "inactive",
      activation: 0,
      activationLimit: 3,
      expiresAt: null,
      instance: null,
    });
    expect(completed.licenseKeys?.[0]?.key).toEqual(expect.any(String));
  });
});
