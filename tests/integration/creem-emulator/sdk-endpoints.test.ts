// The endpoints added for issue #14, called through the official `creem` SDK (whose zod schemas reject any
// response that is not CREEM's wire format), plus their validation errors through plain HTTP.
import type { Creem } from "creem";
import { CreemError } from "creem/models/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DISCOUNT_CODES, DISCOUNT_IDS, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, buy, control, sdkFor, startTestEmulator, type Emulator } from "./helpers";

let emulator: Emulator;
let creem: Creem;

beforeAll(async () => {
  emulator = await startTestEmulator();
  creem = sdkFor(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.reset());

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (error instanceof CreemError) return error.statusCode;
    throw error;
  }
  throw new Error("expected the call to fail");
}

interface ErrorBody {
  status: number;
  error: string;
  message: string[];
}
function expectError(result: { status: number; body: unknown }, status: number, message?: string) {
  expect(result.status).toBe(status);
  const body = result.body as ErrorBody;
  expect(body).toMatchObject({ status });
  expect(Array.isArray(body.message)).toBe(true);
  if (message) expect(body.message).toContain(message);
}

describe("customers", () => {
  it("creates, updates, and lists a customer's subscriptions, orders and licenses", async () => {
    const created = await creem.customers.create({
      email: "New.Customer@example.com",
      name: "New Customer",
      metadata: { plan: "trial" },
      externalId: "user_42",
    });
    expect(created).toMatchObject({
      mode: "test",
      object: "customer",
      email: "new.customer@example.com",
      name: "New Customer",
      country: null,
      metadata: { plan: "trial" },
      externalId: "user_42",
    });
    expect(created.id).toMatch(/^cust_/);
    expect((await creem.customers.retrieve(undefined, "new.customer@example.com")).id).toBe(created.id);

    const updated = await creem.customers.update({
      customerId: created.id,
      name: "Renamed",
      email: "renamed@example.com",
      externalId: null,
    });
    expect(updated).toMatchObject({ name: "Renamed", email: "renamed@example.com", externalId: null });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

    // A checkout for the same email reuses the customer.
    const team = await buy(emulator, PRODUCT_IDS.teamMonthly, "renamed@example.com", { units: 2 });
    const lifetime = await buy(emulator, PRODUCT_IDS.lifetime, "renamed@example.com");
    expect(team.customerId).toBe(created.id);

    const subscriptions = await creem.customers.listSubscriptions(created.id, 1, 10);
    expect(subscriptions.items.map((s) => s.id)).toEqual([team.subscriptionId]);
    expect(subscriptions.items[0]?.product).toMatchObject({ id: PRODUCT_IDS.teamMonthly });
    expect(subscriptions.pagination).toEqual({
      totalRecords: 1,
      totalPages: 1,
      currentPage: 1,
      nextPage: null,
      prevPage: null,
    });

    const orders = await creem.customers.getOrders(created.id, 1, 1);
    expect(orders.items.map((o) => o.id)).toEqual([lifetime.orderId]); // newest first
    expect(orders.pagination).toMatchObject({ totalRecords: 2, totalPages: 2, nextPage: 2 });
    expect((await creem.customers.getOrders(created.id, 2, 1)).items.map((o) => o.id)).toEqual([
      team.orderId,
    ]);

    const licenses = await creem.customers.listLicenses(created.id);
    expect(licenses.items).toHaveLength(1);
    expect(licenses.items[0]).toMatchObject({
      productId: PRODUCT_IDS.lifetime,
      activation: 0,
      instance: null,
    });

    expect(await statusOf(creem.customers.listSubscriptions("cust_missing"))).toBe(404);
    expect(await statusOf(creem.customers.getOrders("cust_missing"))).toBe(404);
    expect(await statusOf(creem.customers.listLicenses("cust_missing"))).toBe(404);
    expect(await statusOf(creem.customers.update({ customerId: "cust_missing", name: "x" }))).toBe(404);
  });

  it("refuses bad input with 400 and a duplicate email", async () => {
    expectError(
      await api(emulator, "POST", "/v1/customers", { name: "No email" }),
      400,
      "email must be a string",
    );
    expectError(
      await api(emulator, "POST", "/v1/customers", { email: "not-an-email", name: "x" }),
      400,
      "email must be an email",
    );
    await api(emulator, "POST", "/v1/customers", { email: "taken@example.com", name: "First" });
    expectError(
      await api(emulator, "POST", "/v1/customers", { email: "TAKEN@example.com", name: "Second" }),
      400,
      "A customer with email taken@example.com already exists",
    );
    const other = await api<{ id: string }>(emulator, "POST", "/v1/customers", {
      email: "other@example.com",
      name: "Other",
    });
    expectError(
      await api(emulator, "PATCH", "/v1/customers", {
        customer_id: other.body.id,
        email: "taken@example.com",
      }),
      400,
    );
    expectError(
      await api(emulator, "PATCH", "/v1/customers", { name: "x" }),
      400,
      "customer_id must be a string",
    );
    expectError(await api(emulator, "GET", "/v1/customers/cust_x/orders?page_size=0"), 404);
    const { customerId } = await buy(emulator, PRODUCT_IDS.proMonthly, "pages@example.com");
    expectError(
      await api(emulator, "GET", `/v1/customers/${customerId}/orders?page_size=101`),
      400,
      "page_size must not be greater than 100",
    );
  });
});

describe("subscriptions search", () => {
  it("lists newest first with pagination, and filters by customer, product and status", async () => {
    const a = await buy(emulator, PRODUCT_IDS.proMonthly, "a@example.com");
    const b = await buy(emulator, PRODUCT_IDS.teamMonthly, "b@example.com", { units: 3 });
    const c = await buy(emulator, PRODUCT_IDS.proMonthly, "c@example.com");
    await creem.subscriptions.cancel(c.subscriptionId, { mode: "immediate" });

    const first = await creem.subscriptions.search(1, 2);
    expect(first.result.items.map((s) => s.id)).toEqual([c.subscriptionId, b.subscriptionId]);
    expect(first.result.pagination).toEqual({
      totalRecords: 3,
      totalPages: 2,
      currentPage: 1,
      nextPage: 2,
      prevPage: null,
    });
    // The SDK's page iterator follows next_page.
    const pages: string[][] = [];
    for await (const page of first) pages.push(page.result.items.map((s) => s.id));
    expect(pages).toEqual([[c.subscriptionId, b.subscriptionId], [a.subscriptionId]]);

    const filtered = async (query: string) =>
      (
        await api<{ items: Array<{ id: string }> }>(emulator, "GET", `/v1/subscriptions/search?${query}`)
      ).body.items.map((s) => s.id);
    expect(await filtered(`customer_id=${b.customerId}`)).toEqual([b.subscriptionId]);
    expect(await filtered(`product_id=${PRODUCT_IDS.proMonthly}`)).toEqual([
      c.subscriptionId,
      a.subscriptionId,
    ]);
    expect(await filtered("status=canceled")).toEqual([c.subscriptionId]);
    expect(await filtered(`status=active&product_id=${PRODUCT_IDS.proMonthly}`)).toEqual([a.subscriptionId]);
    expectError(
      await api(emulator, "GET", "/v1/subscriptions/search?status=gone"),
      400,
      "status must be one of the following values: active, canceled, unpaid, paused, trialing, scheduled_cancel, past_due",
    );
  });
});

describe("products", () => {
  it("updates fields, mints a new price when the price changes (subscriptions keep theirs), and archives", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly, "keeps@example.com");
    const before = emulator.store.product(PRODUCT_IDS.proMonthly);

    const renamed = await creem.products.update(PRODUCT_IDS.proMonthly, {
      name: "Pro 2",
      description: "New",
    });
    expect(renamed).toMatchObject({ name: "Pro 2", description: "New", price: 1900 });
    expect(emulator.store.product(PRODUCT_IDS.proMonthly).price_id).toBe(before.price_id);

    const repriced = await creem.products.update(PRODUCT_IDS.proMonthly, { price: 2500, trialPeriodDays: 7 });
    expect(repriced).toMatchObject({ price: 2500, trialPeriodDays: 7, billingPeriod: "every-month" });
    expect(emulator.store.product(PRODUCT_IDS.proMonthly).price_id).not.toBe(before.price_id);
    // The existing subscription renews at the price it was bought under; a new checkout pays the new one.
    const renewal = await control<{ transaction: { amount: number } }>(
      emulator,
      "POST",
      `/subscriptions/${subscriptionId}/advance`,
      {},
    );
    expect(renewal.body.transaction.amount).toBe(1900);
    const untrialed = await creem.products.update(PRODUCT_IDS.proMonthly, { trialPeriodDays: null });
    expect(untrialed.trialPeriodDays).toBeUndefined();
    const next = await buy(emulator, PRODUCT_IDS.proMonthly, "new-price@example.com");
    expect(emulator.store.state.orders[next.orderId]?.amount).toBe(2500);

    const archived = await creem.products.archive(PRODUCT_IDS.proMonthly);
    expect(archived.status).toBe("archived");
    expect((await creem.products.search(1, 10, "archived")).result.items.map((p) => p.id)).toEqual([
      PRODUCT_IDS.proMonthly,
    ]);
    expect(await statusOf(creem.checkouts.create({ productId: PRODUCT_IDS.proMonthly }))).toBe(400);
    expect(await statusOf(creem.products.archive(PRODUCT_IDS.proMonthly))).toBe(409);
    // Subscriptions on an archived product go on.
    expect((await creem.subscriptions.get(subscriptionId)).status).toBe("active");

    expect(await statusOf(creem.products.update("prod_missing", { name: "x" }))).toBe(404);
    expect(await statusOf(creem.products.archive("prod_missing"))).toBe(404);
  });

  it("validates an update like a create and refuses what it does not model", async () => {
    const id = PRODUCT_IDS.teamMonthly;
    expectError(
      await api(emulator, "PATCH", `/v1/products/${id}`, { price: 50 }),
      400,
      "price must be 0 or at least 100",
    );
    expectError(
      await api(emulator, "PATCH", `/v1/products/${id}`, { billing_period: "once" }),
      400,
      "billing_period is required for recurring products and cannot be once",
    );
    expectError(
      await api(emulator, "PATCH", `/v1/products/${PRODUCT_IDS.lifetime}`, { trial_period_days: 3 }),
      400,
      "trial_period_days is only allowed for recurring products",
    );
    expectError(
      await api(emulator, "PATCH", `/v1/products/${id}`, { currency: "GBP" }),
      400,
      "currency must be one of the following values: USD, EUR",
    );
    expectError(
      await api(emulator, "PATCH", `/v1/products/${id}`, { pay_what_you_want: true }),
      400,
      "pay_what_you_want products are not modelled by the emulator",
    );
    const features = await api<{ features: Array<{ id: string; type: string }> }>(
      emulator,
      "PATCH",
      `/v1/products/${PRODUCT_IDS.lifetime}`,
      {
        features: [
          {
            id: "feat_local_lifetime_license",
            type: "licenseKey",
            description: "5 devices",
            activation_limit: 5,
          },
        ],
      },
    );
    expect(features.body.features).toEqual([
      { id: "feat_local_lifetime_license", type: "licenseKey", description: "5 devices" },
    ]);
  });
});

describe("licenses", () => {
  it("lists a license's instances by license id (or key), oldest first, with pagination", async () => {
    await buy(emulator, PRODUCT_IDS.lifetime, "devices@example.com");
    const license = Object.values(emulator.store.state.licenses)[0]!;
    const laptop = await creem.licenses.activate({ key: license.key, instanceName: "laptop" });
    await creem.licenses.activate({ key: license.key, instanceName: "desktop" });
    await creem.licenses.deactivate({ key: license.key, instanceId: laptop.instance?.id ?? "" });

    const page = await creem.licenses.listInstances(license.id, 1, 10);
    expect(page.result.items.map((i) => [i.name, i.status])).toEqual([
      ["laptop", "deactivated"],
      ["desktop", "active"],
    ]);
    expect(page.result.items[0]).toMatchObject({ mode: "test", object: "license-instance" });
    expect(page.result.pagination).toMatchObject({ totalRecords: 2, currentPage: 1, nextPage: null });
    const byKey = await creem.licenses.listInstances(license.key, 2, 1);
    expect(byKey.result.items.map((i) => i.name)).toEqual(["desktop"]);
    expect(await statusOf(creem.licenses.listInstances("lic_missing"))).toBe(404);
  });
});

describe("discounts search", () => {
  it("filters by product, status, type and creation date, newest first", async () => {
    const made = await creem.discounts.create({
      name: "Team only",
      code: "TEAMONLY",
      type: "fixed",
      amount: 300,
      currency: "USD",
      duration: "once",
      appliesToProducts: [PRODUCT_IDS.teamMonthly],
    });
    const everything = await creem.discounts.search(1, 10);
    expect(everything.result.items.map((d) => d.id)).toEqual([
      made.id,
      DISCOUNT_IDS.launch20,
      DISCOUNT_IDS.save5,
    ]);
    const forLifetime = await creem.discounts.search(1, 10, PRODUCT_IDS.lifetime);
    expect(forLifetime.result.items.map((d) => d.code)).toEqual([
      DISCOUNT_CODES.launch20,
      DISCOUNT_CODES.save5,
    ]);
    expect(
      (await creem.discounts.search(1, 10, undefined, undefined, "fixed")).result.items.map((d) => d.code),
    ).toEqual(["TEAMONLY", DISCOUNT_CODES.save5]);
    await creem.discounts.delete(made.id);
    expect((await creem.discounts.search(1, 10, undefined, "deleted")).result.items.map((d) => d.id)).toEqual(
      [made.id],
    );
    const seededOnly = await creem.discounts.search(
      1,
      10,
      undefined,
      undefined,
      undefined,
      undefined,
      "2025-06-01T00:00:00Z",
    );
    expect(seededOnly.result.items.map((d) => d.id)).toEqual([DISCOUNT_IDS.launch20, DISCOUNT_IDS.save5]);
    expect(
      (await creem.discounts.search(1, 1, undefined, undefined, undefined, "2025-06-01T00:00:00Z")).result
        .pagination,
    ).toMatchObject({ totalRecords: 1, nextPage: null });
    expectError(
      await api(emulator, "GET", "/v1/discounts/search?created_after=yesterday"),
      400,
      "created_after must be a valid ISO 8601 date string",
    );
    expectError(
      await api(emulator, "GET", "/v1/discounts/search?type=bogus"),
      400,
      "type must be one of the following values: percentage, fixed",
    );
  });
});

describe("stats summary", () => {
  it("parses through the SDK with and without a series, and validates its query", async () => {
    await buy(emulator, PRODUCT_IDS.proMonthly, "stats@example.com");
    const summary = await creem.stats.getSummary("USD");
    expect(summary.totals).toMatchObject({
      totalProducts: 7,
      totalSubscriptions: 1,
      totalCustomers: 1,
      totalPayments: 1,
      activeSubscriptions: 1,
      totalRevenue: 1900,
      monthlyRecurringRevenue: 1900,
    });
    expect(summary.periods).toBeUndefined();
    const now = Date.now();
    const series = await creem.stats.getSummary("USD", now - 86_400_000, now + 86_400_000, "day");
    expect(series.periods?.map((p) => p.grossRevenue)).toEqual([1900, 0]);
    expect((await creem.stats.getSummary("EUR")).totals.totalRevenue).toBe(0);

    expectError(
      await api(emulator, "GET", "/v1/stats/summary"),
      400,
      "currency must be one of the following values: EUR, USD",
    );
    expectError(
      await api(emulator, "GET", "/v1/stats/summary?currency=USD&interval=day"),
      400,
      "startDate and endDate are required when interval is given",
    );
    expectError(
      await api(emulator, "GET", "/v1/stats/summary?currency=USD&startDate=20&endDate=10"),
      400,
      "startDate must not be after endDate",
    );
    expectError(
      await api(
        emulator,
        "GET",
        "/v1/stats/summary?currency=USD&startDate=0&endDate=4102444800000&interval=day",
      ),
      400,
      "The range has more than 1000 days; use a larger interval",
    );
  });
});
