import type { Creem } from "creem";
import { CreemError } from "creem/models/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCOUNT_CODES, DISCOUNT_IDS, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, control, sdkFor, startTestEmulator, type Emulator } from "./helpers";

// Every call goes through the official SDK, whose zod schemas reject any response that does not match
// CREEM's wire format: a parse problem fails the test with a ResponseValidationError.

let emulator: Emulator;
let creem: Creem;

beforeAll(async () => {
  emulator = await startTestEmulator();
  creem = sdkFor(emulator);
});
afterAll(() => emulator.close());

/** Creates a checkout through the SDK and completes it through the control API. */
async function purchase(
  productId: string,
  email: string,
  extra: Partial<Parameters<Creem["checkouts"]["create"]>[0]> = {},
) {
  const checkout = await creem.checkouts.create({ productId, customer: { email }, ...extra });
  const done = await control(emulator, "POST", `/checkouts/${checkout.id}/complete`, { name: "SDK Buyer" });
  expect(done.status).toBe(200);
  return creem.checkouts.retrieve(checkout.id);
}

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (error instanceof CreemError) return error.statusCode;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("products", () => {
  it("creates (idempotently), gets by path and by query, and searches with pagination", async () => {
    const input = {
      name: "SDK product",
      description: "Made by the contract test",
      price: 2500,
      currency: "USD" as const,
      billingType: "recurring" as const,
      billingPeriod: "every-three-months" as const,
      taxMode: "exclusive" as const,
      taxCategory: "saas" as const,
      defaultSuccessUrl: "http://app.test/thanks",
      trialPeriodDays: 7,
    };
    const created = await creem.products.create(input, "idem-contract-1");
    expect(created).toMatchObject({
      mode: "test",
      object: "product",
      price: 2500,
      billingPeriod: "every-three-months",
    });
    expect(created.id).toMatch(/^prod_/);
    expect((await creem.products.create(input, "idem-contract-1")).id).toBe(created.id);

    const lifetime = await creem.products.get(PRODUCT_IDS.lifetime);
    expect(lifetime).toMatchObject({
      billingType: "onetime",
      billingPeriod: "once",
      price: 29900,
      currency: "USD",
    });
    expect(lifetime.features?.[0]?.type).toBe("licenseKey");
    expect(lifetime.createdAt).toBeInstanceOf(Date);
    const byQuery = await api(emulator, "GET", `/v1/products?product_id=${PRODUCT_IDS.lifetime}`);
    const byPath = await api(emulator, "GET", `/v1/products/${PRODUCT_IDS.lifetime}`);
    expect(byQuery.body).toEqual(byPath.body);

    const page = await creem.products.search(2, 3);
    expect(page.result.items).toHaveLength(3);
    expect(page.result.pagination).toEqual({
      totalRecords: 8,
      totalPages: 3,
      currentPage: 2,
      nextPage: 3,
      prevPage: 1,
    });
    const archived = await creem.products.search(1, 10, "archived");
    expect(archived.result.items).toEqual([]);
    expect(archived.result.pagination).toMatchObject({ totalRecords: 0, nextPage: null, prevPage: null });
  });
});

describe("checkouts", () => {
  it("creates a pending checkout and expands it once completed", async () => {
    const pending = await creem.checkouts.create({
      productId: PRODUCT_IDS.proMonthly,
      requestId: "req_contract",
      discountCode: DISCOUNT_CODES.launch20,
      customer: { email: "checkout-sdk@example.com" },
      successUrl: "http://app.test/return",
      metadata: { user_id: "user_1", nested: { ok: true } },
      customFields: [{ type: "text", key: "company", label: "Company", optional: true }],
    });
    expect(pending).toMatchObject({
      status: "pending",
      product: PRODUCT_IDS.proMonthly,
      units: 1,
      requestId: "req_contract",
    });
    expect(pending.checkoutUrl).toBe(`${emulator.url}/test/checkout/${PRODUCT_IDS.proMonthly}/${pending.id}`);
    expect(pending.discount).toMatchObject({ discountCode: "LAUNCH20", type: "percentage", amount: 20 });
    expect((await creem.checkouts.retrieve(pending.id)).status).toBe("pending");

    await control(emulator, "POST", `/checkouts/${pending.id}/complete`, {});
    const completed = await creem.checkouts.retrieve(pending.id);
    expect(completed.status).toBe("completed");
    expect(completed.product).toMatchObject({ id: PRODUCT_IDS.proMonthly, name: "Pro" });
    expect(completed.customer).toMatchObject({ email: "checkout-sdk@example.com", country: null });
    expect(completed.order).toMatchObject({
      amount: 1520,
      subTotal: 1900,
      discountAmount: 380,
      status: "paid",
    });
    expect(completed.subscription).toMatchObject({ product: PRODUCT_IDS.proMonthly, status: "active" });
    expect(completed.metadata).toEqual({ user_id: "user_1", nested: { ok: true } });
  });
});

describe("customers", () => {
  it("retrieves by id and email, lists with pagination and returns a portal link", async () => {
    const checkout = await purchase(PRODUCT_IDS.proYearly, "customer-sdk@example.com");
    const customerId =
      typeof checkout.customer === "string" ? checkout.customer : (checkout.customer?.id ?? "");
    expect(customerId).toMatch(/^cust_/);
    expect((await creem.customers.retrieve(customerId)).email).toBe("customer-sdk@example.com");
    expect((await creem.customers.retrieve(undefined, "Customer-SDK@example.com")).id).toBe(customerId);
    const list = await creem.customers.list(1, 50);
    expect(list.result.items.map((c) => c.id)).toContain(customerId);
    expect(list.result.pagination.currentPage).toBe(1);
    const links = await creem.customers.generateBillingLinks({ customerId });
    expect(links.customerPortalLink).toMatch(new RegExp(`^${emulator.url}/my-orders/login/[0-9a-f]{48}$`));
    expect(await statusOf(creem.customers.retrieve("cust_missing"))).toBe(404);
  });
});

describe("subscriptions", () => {
  it("gets, updates seats, upgrades, pauses, resumes and cancels", async () => {
    const checkout = await purchase(PRODUCT_IDS.teamMonthly, "team-sdk@example.com", { units: 2 });
    const subscriptionId =
      typeof checkout.subscription === "string" ? checkout.subscription : (checkout.subscription?.id ?? "");
    const subscription = await creem.subscriptions.get(subscriptionId);
    expect(subscription).toMatchObject({ status: "active", collectionMethod: "charge_automatically" });
    expect(subscription.product).toMatchObject({ id: PRODUCT_IDS.teamMonthly });
    const itemId = subscription.items?.[0]?.id ?? "";
    expect(itemId).toMatch(/^sitem_/);

    const updated = await creem.subscriptions.update(subscriptionId, {
      items: [{ id: itemId, units: 5 }],
      updateBehavior: "proration-charge-immediately",
    });
    expect(updated.items?.[0]?.units).toBe(5);
    expect(updated.lastTransaction?.description).toBe("Proration for subscription change");

    const upgraded = await creem.subscriptions.upgrade(subscriptionId, {
      productId: PRODUCT_IDS.teamYearly,
      updateBehavior: "proration-charge-immediately",
    });
    expect(upgraded.product).toMatchObject({ id: PRODUCT_IDS.teamYearly });
    expect(upgraded.items?.[0]).toMatchObject({ productId: PRODUCT_IDS.teamYearly, units: 5 });

    expect((await creem.subscriptions.pause(subscriptionId)).status).toBe("paused");
    expect((await creem.subscriptions.resume(subscriptionId)).status).toBe("active");
    expect((await creem.subscriptions.cancel(subscriptionId, { mode: "scheduled" })).status).toBe(
      "scheduled_cancel",
    );
    expect((await creem.subscriptions.resume(subscriptionId)).status).toBe("active");
    const canceled = await creem.subscriptions.cancel(subscriptionId, { mode: "immediate" });
    expect(canceled.status).toBe("canceled");
    expect(canceled.canceledAt).toBeInstanceOf(Date);
    expect(await statusOf(creem.subscriptions.pause(subscriptionId))).toBe(409);
  });
});

describe("licenses", () => {
  it("activates up to the limit, validates and deactivates", async () => {
    const checkout = await purchase(PRODUCT_IDS.lifetime, "license-sdk@example.com");
    const key = checkout.licenseKeys?.[0]?.key ?? "";
    expect(key).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/);

    const first = await creem.licenses.activate({ key, instanceName: "laptop" });
    expect(first).toMatchObject({ status: "active", activation: 1, activationLimit: 3 });
    expect(first.instance).toMatchObject({ name: "laptop", status: "active" });
    await creem.licenses.activate({ key, instanceName: "desktop" });
    await creem.licenses.activate({ key, instanceName: "tablet" });
    expect(await statusOf(creem.licenses.activate({ key, instanceName: "phone" }))).toBe(403);

    const instanceId = first.instance?.id ?? "";
    expect((await creem.licenses.validate({ key, instanceId })).instance?.id).toBe(instanceId);
    const deactivated = await creem.licenses.deactivate({ key, instanceId });
    expect(deactivated.instance?.status).toBe("deactivated");
    expect(deactivated.activation).toBe(2);
    expect(await statusOf(creem.licenses.deactivate({ key, instanceId }))).toBe(409);
  });
});

describe("discounts", () => {
  it("creates, gets by id and by code, and deletes", async () => {
    const percentage = await creem.discounts.create({
      name: "Contract 15%",
      code: "CONTRACT15",
      type: "percentage",
      percentage: 15,
      duration: "repeating",
      durationInMonths: 3,
      appliesToProducts: [PRODUCT_IDS.proMonthly],
      maxRedemptions: 10,
      expiryDate: new Date("2099-01-01T00:00:00Z"),
    });
    expect(percentage).toMatchObject({
      status: "active",
      code: "CONTRACT15",
      durationInMonths: 3,
      redeemCount: 0,
    });
    const fixed = await creem.discounts.create({
      name: "Contract $3",
      type: "fixed",
      amount: 300,
      currency: "USD",
      duration: "once",
      appliesToProducts: [PRODUCT_IDS.lifetime],
    });
    expect(fixed.code).toMatch(/^[A-Z0-9]{8}$/);

    expect((await creem.discounts.get(percentage.id)).name).toBe("Contract 15%");
    expect((await creem.discounts.get(undefined, "contract15")).id).toBe(percentage.id);
    expect((await creem.discounts.get(DISCOUNT_IDS.save5)).amount).toBe(500);
    expect((await creem.discounts.delete(fixed.id)).status).toBe("deleted");
    expect(await statusOf(creem.discounts.get(undefined, fixed.code))).toBe(404);
  });
});

describe("transactions and refunds", () => {
  it("gets by id, searches by customer, order and product, and refunds", async () => {
    const checkout = await purchase(PRODUCT_IDS.lifetime, "tx-sdk@example.com", {
      discountCode: DISCOUNT_CODES.save5,
    });
    const order = checkout.order;
    const transactionId = order?.transaction ?? "";
    const transaction = await creem.transactions.getById(transactionId);
    expect(transaction).toMatchObject({
      amount: 29400,
      discountAmount: 500,
      status: "paid",
      type: "payment",
    });
    expect(typeof transaction.createdAt).toBe("number");

    const customerId = order?.customer ?? "";
    const byCustomer = await creem.transactions.search(customerId);
    expect(byCustomer.result.items.map((t) => t.id)).toEqual([transactionId]);
    const byOrder = await creem.transactions.search(undefined, order?.id);
    expect(byOrder.result.pagination.totalRecords).toBe(1);
    const byProduct = await creem.transactions.search(undefined, undefined, PRODUCT_IDS.lifetime, 1, 1);
    expect(byProduct.result.items).toHaveLength(1);

    expect(await creem.transactions.refund({ transactionId })).toEqual({ status: "succeeded" });
    expect((await creem.transactions.getById(transactionId)).status).toBe("refunded");
    expect(await statusOf(creem.transactions.refund({ transactionId }))).toBe(409);
  });
});
