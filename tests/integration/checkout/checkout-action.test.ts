import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as PricingActions from "@/app/pricing/actions";
import { getCurrentUser } from "@/lib/auth";
import { CHECKOUTS_PER_USER, RATE_LIMIT_MESSAGE } from "@/lib/billing/checkout/rate-limit";
import { DISCOUNT_CODE_MESSAGE } from "@/lib/billing/checkout/selection";
import { consumeRateLimit } from "@/lib/rate-limit";
import { API_KEY, startCreem, type TestCreem } from "../creem-client/helpers";
import { testDb } from "../support/db";
import {
  APP_URL,
  form,
  newUser,
  PRODUCT_IDS,
  redirectOf,
  startCreemProxy,
  storeSubscription,
} from "./support";

// The pricing page's server actions, called as the browser would, against the local CREEM (behind a
// proxy that records what CREEM received and can make it answer with an error) and the test database.
// Only the session is faked.
vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
let creem: TestCreem;
let proxy: Awaited<ReturnType<typeof startCreemProxy>>;
let actions: typeof PricingActions;
let user: { id: string; email: string; workspaceId: string };

beforeAll(async () => {
  creem = await startCreem();
  proxy = await startCreemProxy(creem.emulator.url);
  vi.stubEnv("CREEM_API_KEY", API_KEY);
  vi.stubEnv("CREEM_API_BASE_URL", proxy.url);
  vi.stubEnv("NEXT_PUBLIC_APP_URL", APP_URL);
  // Reads the environment when first imported.
  actions = await import("@/app/pricing/actions");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await creem.close();
});

beforeEach(async () => {
  vi.restoreAllMocks();
  proxy.heal();
  user = await newUser(db);
  vi.mocked(getCurrentUser).mockResolvedValue({ ...user, name: null, image: null });
});

const checkout = (fields: Record<string, string>) => actions.startCheckoutAction({}, form(fields));
const checkoutsOf = (userId: string) => db.checkout.findMany({ where: { userId } });

describe("signed-out visitors", () => {
  it("are sent to sign in and brought back to the same plan", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    const url = await redirectOf(
      checkout({ plan: "team", interval: "year", seats: "3", discountCode: "LAUNCH20" }),
    );
    expect(url).toBe(
      `/signin?callbackUrl=${encodeURIComponent("/pricing?plan=team&interval=year&seats=3&discount=LAUNCH20")}`,
    );
  });

  it("carry only valid choices through sign-in", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    const url = await redirectOf(
      checkout({ plan: "https://evil.example", interval: "weekly", seats: "1e9", discountCode: "<b>" }),
    );
    expect(url).toBe(`/signin?callbackUrl=${encodeURIComponent("/pricing")}`);
  });
});

describe("input validation", () => {
  it.each([
    [{ plan: "enterprise", interval: "month" }, "plan", "Choose one of the plans on this page."],
    [{ plan: "pro", interval: "weekly" }, "interval", "Choose monthly or yearly billing."],
    [{ plan: "starter", interval: "year" }, "interval", "Starter is not available with yearly billing."],
    [{ plan: "lifetime", interval: "month" }, "interval", "Lifetime is not available with monthly billing."],
    [
      { plan: "pro", interval: "month", seats: "2" },
      "seats",
      "Pro is for one person. Choose Team for more seats.",
    ],
    [{ plan: "team", interval: "month", seats: "0" }, "seats", "Choose at least 1 seat."],
    [
      { plan: "team", interval: "month", seats: "101" },
      "seats",
      "Choose at most 100 seats. For more, contact us.",
    ],
    [{ plan: "team", interval: "month", seats: "2.5" }, "seats", "Seats must be a whole number."],
    [{ plan: "team", interval: "month", seats: "many" }, "seats", "Enter the number of seats as a number."],
    [{ plan: "pro", interval: "month", discountCode: "20% OFF!" }, "discountCode", DISCOUNT_CODE_MESSAGE],
    [{ plan: "pro", interval: "month", discountCode: "x".repeat(40) }, "discountCode", DISCOUNT_CODE_MESSAGE],
  ])("%o is refused: %s", async (fields, field, message) => {
    const state = await checkout(fields);
    expect(state.error).toBe(message);
    expect(state.fieldErrors?.[field]).toBe(message);
    expect(await checkoutsOf(user.id)).toEqual([]);
  });
});

describe("creating a checkout", () => {
  it("stores the request first, then sends the browser to CREEM's hosted page", async () => {
    const url = await redirectOf(checkout({ plan: "pro", interval: "month", seats: "1", discountCode: "" }));
    expect(url).toMatch(new RegExp(`^${creem.emulator.url}/test/checkout/${PRODUCT_IDS.proMonthly}/ch_`));

    const [row] = await checkoutsOf(user.id);
    expect(row).toMatchObject({
      productId: PRODUCT_IDS.proMonthly,
      units: 1,
      discountCode: null,
      status: "pending",
    });
    const sent = await creem.client.checkouts.get(row!.creemCheckoutId!);
    expect(sent).toMatchObject({
      requestId: row!.requestId,
      units: 1,
      metadata: { userId: user.id },
      successUrl: `${APP_URL}/checkout/success`,
    });
    expect(url).toBe(sent.checkoutUrl);
    // Exactly one create reached CREEM, carrying the stored request id.
    const creates = proxy
      .requests("POST", "/v1/checkouts")
      .map((r) => JSON.parse(r.body) as Record<string, unknown>)
      .filter((body) => body.request_id === row!.requestId);
    expect(creates).toEqual([
      expect.objectContaining({
        product_id: PRODUCT_IDS.proMonthly,
        units: 1,
        metadata: expect.objectContaining({ userId: user.id }),
      }),
    ]);
  });

  it("sends seats and a checked discount code to CREEM", async () => {
    await redirectOf(checkout({ plan: "team", interval: "year", seats: "5", discountCode: " LAUNCH20 " }));
    const [row] = await checkoutsOf(user.id);
    expect(row).toMatchObject({ productId: PRODUCT_IDS.teamYearly, units: 5, discountCode: "LAUNCH20" });
    const sent = await creem.client.checkouts.get(row!.creemCheckoutId!);
    expect(sent.units).toBe(5);
    expect(sent.discount?.discountCode).toBe("LAUNCH20");
  });

  it("prefills the customer's email on the hosted page", async () => {
    const url = await redirectOf(checkout({ plan: "starter", interval: "month" }));
    const page = await (await fetch(url)).text();
    expect(page).toContain(`value="${user.email}"`);
    expect(page).toContain("Start trial");
  });

  it("refuses a discount code CREEM does not know, before creating anything", async () => {
    const state = await checkout({ plan: "pro", interval: "month", discountCode: "NOPE99" });
    expect(state.error).toBe("“NOPE99” is not a valid discount code. Check the spelling and try again.");
    expect(await checkoutsOf(user.id)).toEqual([]);
  });
});

describe("users who already pay", () => {
  it("with an active subscription are sent to change plans instead of buying a second one", async () => {
    await storeSubscription(db, user.id, { status: "active" });
    const url = await redirectOf(checkout({ plan: "team", interval: "month", seats: "2" }));
    expect(url).toBe(`/dashboard/billing?change=${PRODUCT_IDS.teamMonthly}`);
    expect(await checkoutsOf(user.id)).toEqual([]);
  });

  it("in a past-due grace period are still treated as subscribed", async () => {
    const sub = await storeSubscription(db, user.id, { status: "past_due" });
    await db.subscription.update({ where: { id: sub.id }, data: { pastDueSince: new Date() } });
    expect(await redirectOf(checkout({ plan: "pro", interval: "year" }))).toBe(
      `/dashboard/billing?change=${PRODUCT_IDS.proYearly}`,
    );
  });

  it("with a subscription may still buy Lifetime", async () => {
    await storeSubscription(db, user.id, { status: "active" });
    const url = await redirectOf(checkout({ plan: "lifetime", interval: "once" }));
    expect(url).toContain(`/test/checkout/${PRODUCT_IDS.lifetime}/`);
  });

  it("with only a canceled subscription buy a new one normally", async () => {
    await storeSubscription(db, user.id, { status: "canceled" });
    const url = await redirectOf(checkout({ plan: "pro", interval: "month" }));
    expect(url).toContain(`/test/checkout/${PRODUCT_IDS.proMonthly}/`);
  });

  it("who own Lifetime are told so instead of paying twice", async () => {
    await db.purchase.create({
      data: {
        id: `ord_${user.id}`,
        userId: user.id,
        workspaceId: user.workspaceId,
        productId: PRODUCT_IDS.lifetime,
        status: "paid",
      },
    });
    const state = await checkout({ plan: "lifetime", interval: "once" });
    expect(state.error).toBe("This workspace already owns Lifetime. It is active.");
  });
});

describe("rate limit", () => {
  it("allows 10 checkouts a minute per user, then explains why it stops", async () => {
    // Ten checkouts counted 50 seconds ago by the app's limiter (lib/rate-limit.ts).
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      await consumeRateLimit(db, CHECKOUTS_PER_USER, user.id, new Date(now - 50_000 + i));
    }
    const creates = proxy.requests("POST", "/v1/checkouts").length;
    const state = await checkout({ plan: "pro", interval: "month" });
    expect(state.error).toBe(RATE_LIMIT_MESSAGE);
    expect(proxy.requests("POST", "/v1/checkouts")).toHaveLength(creates);
    expect(await db.checkout.count({ where: { userId: user.id } })).toBe(0);

    // Someone else is not affected.
    const other = await newUser(db);
    vi.mocked(getCurrentUser).mockResolvedValue({ ...other, name: null, image: null });
    expect(await redirectOf(checkout({ plan: "pro", interval: "month" }))).toContain("/test/checkout/");
  });

  it("counts only the last minute", async () => {
    for (let i = 0; i < 10; i++) {
      await consumeRateLimit(db, CHECKOUTS_PER_USER, user.id, new Date(Date.now() - 61_000 + i));
    }
    expect(await redirectOf(checkout({ plan: "pro", interval: "month" }))).toContain("/test/checkout/");
  });
});

describe("CREEM errors", () => {
  it.each([
    [503, "Payments are temporarily unavailable. Please try again in a few minutes."],
    [429, "Payments are busy right now. Please try again in a moment."],
    [403, "Payments are not set up correctly right now. Please contact support."],
  ] as const)(
    "CREEM answering %s becomes a friendly message and the checkout is marked failed",
    async (status, message) => {
      proxy.failWith("POST", "/v1/checkouts", status);
      const error = vi.spyOn(console, "error").mockImplementation(() => {});
      const state = await checkout({ plan: "pro", interval: "month" });
      expect(state).toEqual({ error: message });
      const [row] = await checkoutsOf(user.id);
      expect(row).toMatchObject({ status: "failed", creemCheckoutId: null });
      // The request reached CREEM (retried when CREEM says it may be) and the log names its trace id.
      const sent = proxy
        .requests("POST", "/v1/checkouts")
        .filter((r) => (JSON.parse(r.body) as { request_id?: string }).request_id === row!.requestId);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(String(error.mock.calls.flat().join(" "))).toContain("trace-proxy");
    },
  );

  it("shows CREEM's own validation message, never a stack", async () => {
    proxy.failWith("POST", "/v1/checkouts", 400, "This discount code has expired.");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await checkout({ plan: "pro", interval: "month" });
    expect(state).toEqual({ error: "The request was invalid: This discount code has expired." });
    const [row] = await checkoutsOf(user.id);
    expect(row?.status).toBe("failed");
  });
});

describe("checking a discount code", () => {
  const check = (code: string) => actions.checkDiscountAction({}, form({ code, interval: "month" }));

  it("says what a good code takes off", async () => {
    expect(await check("LAUNCH20")).toEqual({
      success: "LAUNCH20 takes 20% off every payment. It is applied when you check out.",
    });
    expect(await check("SAVE5")).toEqual({
      success: "SAVE5 takes $5 off the first payment. It is applied when you check out.",
    });
  });

  it("explains an unknown, expired or malformed code", async () => {
    await creem.client.discounts.create({
      name: "Old promo",
      code: `OLD${user.id.slice(-6).toUpperCase()}`,
      type: "percentage",
      percentage: 50,
      duration: "once",
      expiryDate: new Date(Date.now() - 86_400_000),
      appliesToProducts: [],
    });
    expect(await check("NOPE99")).toEqual({
      error: "“NOPE99” is not a valid discount code. Check the spelling and try again.",
    });
    expect(await check(`OLD${user.id.slice(-6).toUpperCase()}`)).toEqual({
      error: `OLD${user.id.slice(-6).toUpperCase()} has expired.`,
    });
    expect((await check("  ")).error).toBe("Enter a discount code to apply.");
    expect((await check("no spaces")).error).toBe(DISCOUNT_CODE_MESSAGE);
  });

  it("sends signed-out visitors to sign in with the code kept", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect(await redirectOf(check("LAUNCH20"))).toBe(
      `/signin?callbackUrl=${encodeURIComponent("/pricing?interval=month&discount=LAUNCH20")}`,
    );
  });
});
