import { describe, expect, it } from "vitest";
import { checkDiscount } from "@/lib/billing/checkout/discount";
import { CreemError, type CreemClient, type Discount } from "@/lib/creem";
import { testCatalog as catalog } from "../../../support/catalog";

// A discount code checked against CREEM before checkout: why a code is refused, and how an accepted one
// is summed up on the pricing page.

const now = new Date("2026-06-15T00:00:00Z");
const creemWith = (discount: Partial<Discount>) =>
  ({
    discounts: { getByCode: async () => ({ id: "dis_1", code: "SAVE", status: "active", ...discount }) },
  }) as unknown as CreemClient;
const creemFailing = (error: unknown) =>
  ({
    discounts: {
      getByCode: async () => {
        throw error;
      },
    },
  }) as unknown as CreemClient;
const check = (discount: Partial<Discount>, productId?: string) =>
  checkDiscount(creemWith(discount), "save", { catalog, productId, now });
const messageOf = async (discount: Partial<Discount>, productId?: string) => {
  const result = await check(discount, productId);
  return result.ok ? undefined : result.message;
};

describe("checkDiscount refuses", () => {
  it("a code CREEM does not know (not found or rejected); other CREEM errors are thrown", async () => {
    for (const code of ["not_found", "bad_request"] as const) {
      const error = new CreemError({ code, status: 404, endpoint: "GET /v1/discounts" });
      expect(await checkDiscount(creemFailing(error), "NOPE", { catalog, now })).toEqual({
        ok: false,
        message: "“NOPE” is not a valid discount code. Check the spelling and try again.",
      });
    }
    const outage = new CreemError({ code: "unavailable", status: 503, endpoint: "GET /v1/discounts" });
    await expect(checkDiscount(creemFailing(outage), "NOPE", { catalog, now })).rejects.toBe(outage);
    const bug = new Error("boom");
    await expect(checkDiscount(creemFailing(bug), "NOPE", { catalog, now })).rejects.toBe(bug);
  });

  it("an expired code, by status or by date", async () => {
    expect(await messageOf({ status: "expired" })).toBe("SAVE has expired.");
    expect(await messageOf({ expiryDate: now })).toBe("SAVE has expired.");
    expect(await messageOf({ code: undefined, expiryDate: new Date(now.getTime() - 1) })).toBe(
      "This code has expired.",
    );
    expect((await check({ expiryDate: new Date(now.getTime() + 1) })).ok).toBe(true);
  });

  it("a code that is not active, or used up", async () => {
    expect(await messageOf({ status: "draft" })).toBe("SAVE is not active.");
    expect(await messageOf({ maxRedemptions: 3, redeemCount: 3 })).toBe(
      "SAVE has already been used the maximum number of times.",
    );
    expect((await check({ maxRedemptions: 3, redeemCount: 2 })).ok).toBe(true);
    expect((await check({ status: undefined, maxRedemptions: 3 })).ok).toBe(true);
  });

  it("a code restricted to other plans", async () => {
    const proYearly = { appliesToProducts: ["prod_pro_y"] };
    expect(await messageOf(proYearly, "prod_team_m")).toBe("SAVE does not apply to the Team plan.");
    expect(await messageOf(proYearly, "prod_unknown")).toBe("SAVE does not apply to the this plan.");
    expect((await check(proYearly, "prod_pro_y")).ok).toBe(true);
    expect(await messageOf({ appliesToProducts: ["prod_elsewhere"] })).toBe(
      "SAVE does not apply to any of our plans.",
    );
  });
});

describe("checkDiscount sums an accepted code up", () => {
  it.each([
    [{ type: "percentage", percentage: 20, duration: "forever" }, "SAVE takes 20% off every payment"],
    [{ type: "percentage", duration: "once" }, "SAVE takes 0% off the first payment"],
    [
      { type: "fixed", amount: 500, currency: "EUR", duration: "once" },
      "SAVE takes €5 off the first payment",
    ],
    [{ type: "fixed", amount: 500, duration: "repeating" }, "SAVE takes $5 off the first month"],
    [
      { type: "percentage", percentage: 10, duration: "repeating", durationInMonths: 3 },
      "SAVE takes 10% off the first 3 months",
    ],
    [
      { type: "percentage", percentage: 10, duration: "repeating", durationInMonths: 1 },
      "SAVE takes 10% off the first month",
    ],
  ] as const)("%o: %s", async (discount, summary) => {
    expect(await check(discount as Partial<Discount>)).toMatchObject({ ok: true, code: "SAVE", summary });
  });

  it("shows the code as typed when CREEM does not repeat it, and fills missing amounts with zero", async () => {
    const result = await check({ code: undefined, type: "fixed", duration: "forever" });
    expect(result).toMatchObject({
      ok: true,
      code: "save",
      offer: { terms: { type: "fixed", amount: 0, duration: "forever" }, currency: "USD", appliesTo: null },
    });
    expect(await check({ type: "percentage", duration: "forever" })).toMatchObject({
      offer: { terms: { type: "percentage", percentage: 0 }, currency: null },
    });
  });
});
