import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout, type CheckoutDeps } from "@/lib/billing/checkout/start";
import { CHECKOUTS_PER_MINUTE, reserveCheckout } from "@/lib/billing/checkout/rate-limit";
import { createCreemClient, isCreemError } from "@/lib/creem";
import { API_KEY, startCreem, type TestCreem } from "../creem-client/helpers";
import { testDb } from "../support/db";
import { APP_URL, catalog, newUser, PRODUCT_IDS } from "./support";

// lib/billing/checkout.ts with its dependencies passed in: the parts the action tests cannot reach.

const db = testDb();
let creem: TestCreem;
let deps: CheckoutDeps;

beforeAll(async () => {
  creem = await startCreem();
  deps = { db, creem: creem.client, catalog, appUrl: `${APP_URL}/`, graceDays: 7 };
});
afterAll(() => creem.close());

const pro = { plan: "pro", interval: "month", seats: 1 } as const;

describe("rate limit under concurrency", () => {
  it("lets exactly the limit through when many checkouts start at once", async () => {
    const user = await newUser(db);
    const now = new Date();
    const attempts = Array.from({ length: CHECKOUTS_PER_MINUTE + 5 }, () =>
      reserveCheckout(db, {
        requestId: `req_${randomUUID()}`,
        userId: user.id,
        workspaceId: user.workspaceId,
        productId: PRODUCT_IDS.proMonthly,
        units: 1,
        discountCode: null,
        now,
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ok)).toHaveLength(CHECKOUTS_PER_MINUTE);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(CHECKOUTS_PER_MINUTE);
  });
});

describe("startCheckout", () => {
  it("builds the success URL from the app URL without a double slash", async () => {
    const user = await newUser(db);
    const outcome = await startCheckout(deps, user, pro);
    expect(outcome.kind).toBe("checkout");
    const row = await db.checkout.findFirstOrThrow({ where: { userId: user.id } });
    const sent = await creem.client.checkouts.get(row.creemCheckoutId!);
    expect(sent.successUrl).toBe(`${APP_URL}/checkout/success`);
    expect(outcome).toMatchObject({ requestId: row.requestId });
  });

  it("marks the checkout failed and passes the CREEM error on when CREEM cannot be reached", async () => {
    const user = await newUser(db);
    const unreachable = createCreemClient({
      apiKey: API_KEY,
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    const error: unknown = await startCheckout({ ...deps, creem: unreachable }, user, pro).catch((e) => e);
    expect(isCreemError(error) && error.code).toBe("network");
    expect(isCreemError(error) && error.userMessage).toBe(
      "Payments are temporarily unavailable. Please try again in a few minutes.",
    );
    const row = await db.checkout.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ status: "failed", creemCheckoutId: null });
  });

  it("refuses a discount that does not apply to the chosen plan", async () => {
    const user = await newUser(db);
    const code = `PROONLY${randomUUID().slice(0, 6).toUpperCase()}`;
    await creem.client.discounts.create({
      name: "Pro only",
      code,
      type: "fixed",
      amount: 300,
      currency: "USD",
      duration: "once",
      appliesToProducts: [PRODUCT_IDS.proMonthly],
    });
    expect(await startCheckout(deps, user, { ...pro, discountCode: code })).toMatchObject({
      kind: "checkout",
    });
    expect(
      await startCheckout(deps, user, { plan: "team", interval: "month", seats: 2, discountCode: code }),
    ).toEqual({ kind: "refused", message: `${code} does not apply to the Team plan.` });
  });

  it("refuses a discount that has been used up", async () => {
    const user = await newUser(db);
    const code = `ONCE${randomUUID().slice(0, 6).toUpperCase()}`;
    await creem.client.discounts.create({
      name: "One use",
      code,
      type: "percentage",
      percentage: 10,
      duration: "once",
      maxRedemptions: 1,
      appliesToProducts: [],
    });
    const first = await startCheckout(deps, user, {
      plan: "lifetime",
      interval: "once",
      seats: 1,
      discountCode: code,
    });
    if (first.kind !== "checkout") throw new Error(`expected a checkout, got ${first.kind}`);
    const row = await db.checkout.findUniqueOrThrow({ where: { requestId: first.requestId } });
    await creem.control("POST", `/checkouts/${row.creemCheckoutId}/complete`, {});
    expect(await startCheckout(deps, user, { ...pro, discountCode: code })).toEqual({
      kind: "refused",
      message: `${code} has already been used the maximum number of times.`,
    });
  });
});

describe("a free trial is once per customer", () => {
  const starter = { plan: "starter", interval: "month", seats: 1 } as const;
  const productOf = async (userId: string) =>
    (await db.checkout.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } })).productId;

  async function trialedAndCanceled(user: { id: string; email: string }, via: "user" | "email") {
    await db.subscription.create({
      data: {
        id: `sub_${randomUUID().slice(0, 12)}`,
        userId: via === "user" ? user.id : null,
        customerId: `cust_${randomUUID().slice(0, 12)}`,
        customerEmail: user.email,
        productId: PRODUCT_IDS.starterMonthly,
        status: "canceled",
        trialStartedAt: new Date(Date.now() - 40 * 86_400_000),
        stateAt: new Date(),
        stateSource: "test",
      },
    });
  }

  it("a first Starter checkout gets the product with the trial", async () => {
    const user = await newUser(db);
    expect((await startCheckout(deps, user, starter)).kind).toBe("checkout");
    expect(await productOf(user.id)).toBe(PRODUCT_IDS.starterMonthly);
  });

  it.each(["user", "email"] as const)(
    "after a trial (found by %s), Starter is sold without one: the same price, no second trial",
    async (via) => {
      const user = await newUser(db);
      await trialedAndCanceled(user, via);
      const outcome = await startCheckout(deps, user, starter);
      expect(outcome.kind).toBe("checkout");
      expect(await productOf(user.id)).toBe(PRODUCT_IDS.starterMonthlyNoTrial);
      const row = await db.checkout.findFirstOrThrow({ where: { userId: user.id } });
      const sent = await creem.client.checkouts.get(row.creemCheckoutId!);
      expect(typeof sent.product === "object" ? sent.product.trialPeriodDays : undefined).toBeUndefined();
    },
  );

  it("a customer who already trialed is refused when the catalog has no trial-free product", async () => {
    const user = await newUser(db);
    await trialedAndCanceled(user, "user");
    const withoutFallback = {
      ...deps,
      catalog: {
        ...catalog,
        byKey: (key: Parameters<typeof catalog.byKey>[0]) => {
          const plan = catalog.byKey(key);
          return { ...plan, prices: plan.prices.map((p) => ({ ...p, productIdWithoutTrial: undefined })) };
        },
      },
    };
    const outcome = await startCheckout(withoutFallback, user, starter);
    expect(outcome).toEqual({
      kind: "refused",
      message:
        "You have already had your free trial of Starter, and it cannot be bought without one here. Contact us to subscribe.",
    });
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(0);
  });
});
