import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startCheckout, type Buyer, type CheckoutDeps } from "@/lib/billing/checkout/start";
import type { CheckoutInput } from "@/lib/billing/checkout/input";
import { resolveCheckoutReturn, type CheckoutReturnDeps } from "@/lib/billing/checkout/return";
import { getEntitlements } from "@/lib/billing/access";
import { computeRedirectSignature, createCreemClient } from "@/lib/creem";
import { API_KEY, startCreem, type TestCreem } from "../creem-client/helpers";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { APP_URL, catalog, newUser, PRODUCT_IDS } from "./support";

// The return to /checkout/success: signature, owner, sync. The emulator sends no webhooks here, so
// anything stored comes from the return itself.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));

const db = testDb();
let creem: TestCreem;
let checkoutDeps: CheckoutDeps;
let deps: CheckoutReturnDeps;

beforeAll(async () => {
  creem = await startCreem();
  checkoutDeps = { db, creem: creem.client, catalog, appUrl: APP_URL, graceDays: 7 };
  deps = { db, creem: creem.client, catalog, apiKey: API_KEY };
});
afterAll(() => creem.close());

const PRO: CheckoutInput = { plan: "pro", interval: "month", seats: 1 };

/** Starts a checkout for `user` and returns its CREEM checkout id and request id. */
async function started(user: Buyer, input: CheckoutInput = PRO) {
  const outcome = await startCheckout(checkoutDeps, user, input);
  if (outcome.kind !== "checkout") throw new Error(`expected a checkout, got ${outcome.kind}`);
  const row = await db.checkout.findUniqueOrThrow({ where: { requestId: outcome.requestId } });
  return { checkoutId: row.creemCheckoutId!, requestId: row.requestId };
}

/** Pays the checkout (success card) and returns the signed success-URL parameters CREEM redirects with. */
async function paid(checkoutId: string): Promise<URLSearchParams> {
  const { redirect_url } = await creem.control<{ redirect_url: string }>(
    "POST",
    `/checkouts/${checkoutId}/complete`,
    {},
  );
  const url = new URL(redirect_url);
  expect(`${url.origin}${url.pathname}`).toBe(`${APP_URL}/checkout/success`);
  return url.searchParams;
}

// The app's own read of access (lib/billing/access.ts), not a copy of it.
async function planOf(userId: string) {
  return (await getEntitlements(await personalWorkspaceId(db, userId))).plan.key;
}

/** Nothing was written: no subscription or purchase, and the app's checkout row (if it has one) untouched. */
async function expectNothingStored(params: URLSearchParams, checkoutRow: "pending" | "none" = "pending") {
  expect(await db.subscription.findUnique({ where: { id: params.get("subscription_id") ?? "" } })).toBeNull();
  expect(await db.purchase.findUnique({ where: { id: params.get("order_id") ?? "" } })).toBeNull();
  const row = await db.checkout.findUnique({ where: { requestId: params.get("request_id") ?? "" } });
  expect(row?.status ?? "none").toBe(checkoutRow);
}

function resigned(entries: [string, string][]): URLSearchParams {
  const params = new URLSearchParams(entries);
  params.set("signature", computeRedirectSignature(params, API_KEY));
  return params;
}

describe("a verified return", () => {
  it("confirms the purchase for its owner at once, without waiting for the webhook", async () => {
    const user = await newUser(db);
    const { checkoutId, requestId } = await started(user);
    const params = await paid(checkoutId);
    expect([...params.keys()]).toEqual([
      "request_id",
      "checkout_id",
      "order_id",
      "customer_id",
      "subscription_id",
      "product_id",
      "signature",
    ]);

    const result = await resolveCheckoutReturn(deps, user.id, params);
    expect(result).toMatchObject({ kind: "confirmed", plan: { key: "pro" }, price: { interval: "month" } });
    expect(await db.checkout.findUnique({ where: { requestId } })).toMatchObject({ status: "completed" });
    expect(await db.subscription.findUnique({ where: { id: params.get("subscription_id")! } })).toMatchObject(
      {
        userId: user.id,
        status: "active",
      },
    );
    expect(await planOf(user.id)).toBe("pro");
    // Opening the page again changes nothing and still confirms.
    expect(await resolveCheckoutReturn(deps, user.id, params)).toMatchObject({ kind: "confirmed" });
  });

  it("confirms a lifetime purchase", async () => {
    const user = await newUser(db);
    const { checkoutId } = await started(user, { plan: "lifetime", interval: "once", seats: 1 });
    const params = await paid(checkoutId);
    expect(params.has("subscription_id")).toBe(false);
    expect(await resolveCheckoutReturn(deps, user.id, params)).toMatchObject({
      kind: "confirmed",
      plan: { key: "lifetime" },
    });
    expect(await db.purchase.findUnique({ where: { id: params.get("order_id")! } })).toMatchObject({
      userId: user.id,
      status: "paid",
    });
    expect(await planOf(user.id)).toBe("lifetime");
  });

  it("is pending while CREEM has not completed the checkout, then confirms", async () => {
    const user = await newUser(db);
    const { checkoutId, requestId } = await started(user);
    const early = resigned([
      ["request_id", requestId],
      ["checkout_id", checkoutId],
      ["product_id", PRODUCT_IDS.proMonthly],
    ]);
    expect(await resolveCheckoutReturn(deps, user.id, early)).toMatchObject({
      kind: "pending",
      plan: { key: "pro" },
    });
    expect(await planOf(user.id)).toBe("free");

    await paid(checkoutId);
    expect(await resolveCheckoutReturn(deps, user.id, early)).toMatchObject({ kind: "confirmed" });
    expect(await planOf(user.id)).toBe("pro");
  });

  it("accepts the owner named in CREEM's checkout metadata when the app has no record of the request", async () => {
    const user = await newUser(db);
    const { checkoutId, requestId } = await started(user);
    const params = await paid(checkoutId);
    await db.checkout.delete({ where: { requestId } });
    expect(await resolveCheckoutReturn(deps, user.id, params)).toMatchObject({ kind: "confirmed" });
    expect(await planOf(user.id)).toBe("pro");
  });
});

describe("a return that is not verified writes nothing", () => {
  it.each([
    ["an altered signature", (p: URLSearchParams) => p.set("signature", flipLast(p.get("signature")!))],
    ["an altered product", (p: URLSearchParams) => p.set("product_id", PRODUCT_IDS.lifetime)],
    ["an altered request id", (p: URLSearchParams) => p.set("request_id", "req_someone_else")],
    ["a dropped parameter", (p: URLSearchParams) => p.delete("order_id")],
    ["an added parameter", (p: URLSearchParams) => p.append("units", "100")],
    ["no signature", (p: URLSearchParams) => p.delete("signature")],
    ["a malformed signature", (p: URLSearchParams) => p.set("signature", "not-hex")],
  ])("%s", async (_name, tamper) => {
    const user = await newUser(db);
    const { checkoutId } = await started(user);
    const params = await paid(checkoutId);
    const genuine = new URLSearchParams(params);
    tamper(params);
    expect(await resolveCheckoutReturn(deps, user.id, params)).toEqual({ kind: "unverified" });
    await expectNothingStored(genuine);
    expect(await planOf(user.id)).toBe("free");
  });

  it("a validly signed return naming another product than the checkout the app started", async () => {
    const user = await newUser(db);
    const { checkoutId } = await started(user);
    const params = await paid(checkoutId);
    // Everything CREEM sent, but for Lifetime instead of Pro monthly, signed with the right key.
    const swapped = resigned(
      [...params.entries()]
        .filter(([key]) => key !== "signature")
        .map(([key, value]): [string, string] => [key, key === "product_id" ? PRODUCT_IDS.lifetime : value]),
    );
    expect(await resolveCheckoutReturn(deps, user.id, swapped)).toEqual({ kind: "unverified" });
    await expectNothingStored(params);
    expect(await planOf(user.id)).toBe("free");
    // The genuine return still confirms.
    expect(await resolveCheckoutReturn(deps, user.id, params)).toMatchObject({ kind: "confirmed" });
  });

  it("the same parameters in another order (the signature covers CREEM's order)", async () => {
    const user = await newUser(db);
    const { checkoutId } = await started(user);
    const params = await paid(checkoutId);
    const reordered = new URLSearchParams([...params.entries()].reverse());
    expect(await resolveCheckoutReturn(deps, user.id, reordered)).toEqual({ kind: "unverified" });
    await expectNothingStored(params);
  });

  it("a validly signed return for a product the app does not sell", async () => {
    const user = await newUser(db);
    const params = resigned([
      ["checkout_id", "ch_unknown"],
      ["product_id", "prod_not_in_catalog"],
    ]);
    expect(await resolveCheckoutReturn(deps, user.id, params)).toEqual({ kind: "unverified" });
  });

  it("a return signed with another key", async () => {
    const user = await newUser(db);
    const { checkoutId } = await started(user);
    const params = await paid(checkoutId);
    expect(await resolveCheckoutReturn({ ...deps, apiKey: "creem_test_other_key" }, user.id, params)).toEqual(
      {
        kind: "unverified",
      },
    );
    await expectNothingStored(params);
  });
});

describe("ownership", () => {
  it("refuses another signed-in user and writes nothing", async () => {
    const buyer = await newUser(db);
    const stranger = await newUser(db);
    const { checkoutId } = await started(buyer);
    const params = await paid(checkoutId);
    expect(await resolveCheckoutReturn(deps, stranger.id, params)).toEqual({ kind: "not-yours" });
    await expectNothingStored(params);
    expect(await planOf(stranger.id)).toBe("free");
  });

  it("says CREEM is unavailable when the owner cannot be checked", async () => {
    const user = await newUser(db);
    const { checkoutId, requestId } = await started(user);
    const params = await paid(checkoutId);
    await db.checkout.delete({ where: { requestId } });
    const unreachable = createCreemClient({
      apiKey: API_KEY,
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await resolveCheckoutReturn({ ...deps, creem: unreachable }, user.id, params)).toEqual({
      kind: "unavailable",
      message: "Payments are temporarily unavailable. Please try again in a few minutes.",
    });
    await expectNothingStored(params, "none");
  });

  it("shows the purchase as pending when the owner is known but CREEM cannot be reached to sync", async () => {
    const user = await newUser(db);
    const { checkoutId } = await started(user);
    const params = await paid(checkoutId);
    const unreachable = createCreemClient({
      apiKey: API_KEY,
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await resolveCheckoutReturn({ ...deps, creem: unreachable }, user.id, params)).toMatchObject({
      kind: "pending",
    });
  });
});

function flipLast(hex: string): string {
  return `${hex.slice(0, -1)}${hex.endsWith("0") ? "1" : "0"}`;
}
