import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as PricingActions from "@/app/pricing/actions";
import type * as CreemServer from "@/lib/creem/server";
import { getCurrentUser } from "@/lib/auth";
import { CHECKOUTS_PER_USER, RATE_LIMIT_MESSAGE } from "@/lib/billing/checkout/rate-limit";
import { DISCOUNT_CODE_MESSAGE } from "@/lib/billing/checkout/selection";
import { CreemError } from "@/lib/creem";
import { consumeRateLimit } from "@/lib/rate-limit";
import { API_KEY, startCreem, type TestCreem } from "../creem-client/helpers";
import { testDb } from "../support/db";
import { APP_URL, form, newUser, PRODUCT_IDS, redirectOf, storeSubscription } from "./support";

// The pricing page's server actions, called as the browser would, against the local CREEM and the
// test database. Only the session is faked.
vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn() }));

const db = testDb();
let creem: TestCreem;
let actions: typeof PricingActions;
let getCreem: typeof CreemServer.getCreem;
let user: { id: string; email: string };

beforeAll(async () => {
  creem = await startCreem();
  vi.stubEnv("CREEM_API_KEY", API_KEY);
  vi.stubEnv("CREEM_API_BASE_URL", creem.emulator.url);
  vi.stubEnv("NEXT_PUBLIC_APP_URL", APP_URL);
  // Both read the environment when first imported.
  actions = await import("@/app/pricing/actions");
  ({ getCreem } = await import("@/lib/creem/server"));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await creem.close();
});

beforeEach(async () => {
  vi.restoreAllMocks();
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
      data: { id: `ord_${user.id}`, userId: user.id, productId: PRODUCT_IDS.lifetime, status: "paid" },
    });
    const state = await checkout({ plan: "lifetime", interval: "once" });
    expect(state.error).toBe("You already own Lifetime. It is active on your account.");
  });
});

describe("rate limit", () => {
  it("allows 10 checkouts a minute per user, then explains why it stops", async () => {
    // Ten checkouts counted 50 seconds ago by the app's limiter (lib/rate-limit.ts).
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      await consumeRateLimit(db, CHECKOUTS_PER_USER, user.id, new Date(now - 50_000 + i));
    }
    const create = vi.spyOn(getCreem().checkouts, "create");
    const state = await checkout({ plan: "pro", interval: "month" });
    expect(state.error).toBe(RATE_LIMIT_MESSAGE);
    expect(create).not.toHaveBeenCalled();
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
    ["unavailable", 503, "Payments are temporarily unavailable. Please try again in a few minutes."],
    ["rate_limited", 429, "Payments are busy right now. Please try again in a moment."],
    ["forbidden", 403, "Payments are not set up correctly right now. Please contact support."],
  ] as const)(
    "%s becomes a friendly message and the checkout is marked failed",
    async (code, status, message) => {
      vi.spyOn(getCreem().checkouts, "create").mockRejectedValue(
        new CreemError({ code, status, endpoint: "POST /v1/checkouts", traceId: "trace-1" }),
      );
      vi.spyOn(console, "error").mockImplementation(() => {});
      const state = await checkout({ plan: "pro", interval: "month" });
      expect(state).toEqual({ error: message });
      const [row] = await checkoutsOf(user.id);
      expect(row?.status).toBe("failed");
    },
  );

  it("shows CREEM's own validation message, never a stack", async () => {
    vi.spyOn(getCreem().checkouts, "create").mockRejectedValue(
      new CreemError({
        code: "bad_request",
        status: 400,
        endpoint: "POST /v1/checkouts",
        messages: ["This discount code has expired."],
      }),
    );
    vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await checkout({ plan: "pro", interval: "month" });
    expect(state).toEqual({ error: "The request was invalid: This discount code has expired." });
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
