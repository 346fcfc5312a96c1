import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as PricingActions from "@/app/pricing/actions";
import type * as CreemServer from "@/lib/creem/server";
import { getCurrentUser } from "@/lib/auth";
import {
  CHECKOUTS_PER_MINUTE,
  DISCOUNT_CHECKS_PER_IP,
  DISCOUNT_CHECKS_PER_USER,
  RATE_LIMIT_MESSAGE,
} from "@/lib/billing/checkout/rate-limit";
import { API_KEY, startCreem, type TestCreem } from "../creem-client/helpers";
import { testDb } from "../support/db";
import { APP_URL, form, newUser, redirectOf } from "../checkout/support";

// The pricing page's discount check and checkout, called as the browser would behind a trusted proxy
// (TRUST_PROXY=true, the client's address in X-Forwarded-For), against the local CREEM. Only the session
// and the request headers are faked.
vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn() }));
const requestHeaders = { current: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  // No workspace cookie: checkouts are for the user's personal workspace.
  cookies: async () => ({ get: () => undefined }),
}));

const db = testDb();
let creem: TestCreem;
let actions: typeof PricingActions;
let getCreem: typeof CreemServer.getCreem;
let ipCounter = 0;

beforeAll(async () => {
  creem = await startCreem();
  vi.stubEnv("CREEM_API_KEY", API_KEY);
  vi.stubEnv("CREEM_API_BASE_URL", creem.emulator.url);
  vi.stubEnv("NEXT_PUBLIC_APP_URL", APP_URL);
  vi.stubEnv("TRUST_PROXY", "true");
  actions = await import("@/app/pricing/actions");
  ({ getCreem } = await import("@/lib/creem/server"));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await creem.close();
});

async function signInAs() {
  const user = await newUser(db);
  vi.mocked(getCurrentUser).mockResolvedValue({ ...user, name: null, image: null });
  return user;
}

function fromIp(ip: string) {
  requestHeaders.current = new Headers({ "x-forwarded-for": `10.9.9.9, ${ip}` });
}

beforeEach(async () => {
  ipCounter += 1;
  fromIp(`192.0.2.${ipCounter}`);
  await signInAs();
});

const check = (code: string) => actions.checkDiscountAction({}, form({ code, interval: "month" }));

describe("discount-code checks are throttled", () => {
  it(`per user: ${DISCOUNT_CHECKS_PER_USER.limit} in 10 minutes, then a clear message and no call to CREEM`, async () => {
    for (let i = 0; i < DISCOUNT_CHECKS_PER_USER.limit; i++) {
      fromIp(`198.18.${ipCounter}.${i}`); // a different address each time: the user limit still holds
      expect((await check(`GUESS${i}`)).error).toMatch(/is not a valid discount code/);
    }
    const getByCode = vi.spyOn(getCreem().discounts, "getByCode");
    expect(await check("LAUNCH20")).toEqual({
      error: "Too many discount codes tried. Please wait 10 minutes and try again.",
    });
    expect(getByCode).not.toHaveBeenCalled();
    getByCode.mockRestore();

    // Another user is not affected.
    await signInAs();
    expect((await check("LAUNCH20")).success).toMatch(/^LAUNCH20 takes 20% off/);
  });

  it(`per IP: ${DISCOUNT_CHECKS_PER_IP.limit} in 10 minutes across accounts`, async () => {
    fromIp("203.0.113.77");
    const results = [];
    for (let i = 0; i < DISCOUNT_CHECKS_PER_IP.limit + 2; i++) {
      if (i % DISCOUNT_CHECKS_PER_USER.limit === 0) await signInAs(); // stays under the per-user limit
      results.push(await check("LAUNCH20"));
    }
    expect(results.filter((r) => r.success)).toHaveLength(DISCOUNT_CHECKS_PER_IP.limit);
    expect(results.at(-1)).toEqual({
      error: "Too many discount codes tried. Please wait 10 minutes and try again.",
    });
    fromIp("203.0.113.78");
    expect((await check("LAUNCH20")).success).toBeDefined();
  });

  it("parallel checks by one user: exactly the limit reach CREEM", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => check("LAUNCH20")));
    expect(results.filter((r) => r.success)).toHaveLength(DISCOUNT_CHECKS_PER_USER.limit);
  });
});

describe("checkouts share the same limiter", () => {
  it(`allow ${CHECKOUTS_PER_MINUTE} a minute per user, then explain why they stop`, async () => {
    const start = () => actions.startCheckoutAction({}, form({ plan: "pro", interval: "month" }));
    const create = vi.spyOn(getCreem().checkouts, "create");
    for (let i = 0; i < CHECKOUTS_PER_MINUTE; i++)
      expect(await redirectOf(start())).toContain("/test/checkout/");
    expect(await start()).toEqual({ error: RATE_LIMIT_MESSAGE });
    expect(create).toHaveBeenCalledTimes(CHECKOUTS_PER_MINUTE);
    create.mockRestore();
  });
});
