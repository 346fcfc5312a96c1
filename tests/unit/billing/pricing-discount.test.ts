import { describe, expect, it } from "vitest";
import { discountedPrice, priceFor, toPlanView, type PlanView } from "@/components/pricing/plan-view";
import { checkDiscount, type DiscountOffer } from "@/lib/billing/checkout/discount";
import type { CreemClient, Discount } from "@/lib/creem";
import { testCatalog } from "../../support/catalog";

// The pricing cards' price once a code is applied: what CREEM would charge (money.ts), per card.

const plans = testCatalog.plans.map(toPlanView);
const plan = (key: string) => plans.find((p) => p.key === key) as PlanView;
const price = (key: string, interval: "month" | "year" = "month") => priceFor(plan(key), interval)!;

const percent = (percentage: number, extra: Partial<DiscountOffer> = {}): DiscountOffer => ({
  code: "LAUNCH20",
  terms: { type: "percentage", percentage, duration: "forever" },
  currency: null,
  appliesTo: null,
  ...extra,
});
const fixed = (amount: number, currency = "USD"): DiscountOffer => ({
  code: "SAVE5",
  terms: { type: "fixed", amount, duration: "once" },
  currency,
  appliesTo: null,
});

describe("discountedPrice", () => {
  it("a percentage code: $19 Pro monthly is $15.20, every payment", () => {
    expect(discountedPrice(plan("pro"), price("pro"), 1, percent(20))).toMatchObject({
      applies: true,
      unit: 1520,
      total: 1520,
      listTotal: 1900,
      duration: "every payment",
    });
  });

  it("yearly prices are discounted too", () => {
    expect(discountedPrice(plan("pro"), price("pro", "year"), 1, percent(20))).toMatchObject({ unit: 15200 });
    expect(
      discountedPrice(plan("lifetime"), priceFor(plan("lifetime"), "month")!, 1, percent(20)),
    ).toMatchObject({
      unit: 23920,
    });
  });

  it("per-seat plans show the price per seat and the seats' total, rounded as CREEM rounds the invoice", () => {
    expect(discountedPrice(plan("team"), price("team"), 3, percent(15))).toMatchObject({
      unit: 1020,
      listTotal: 3600,
      total: 3060,
      perPayment: false,
    });
    // 12.5 % of $12 is $1.50 per seat; of 3 x $12.01 would round per invoice, not per seat.
    expect(discountedPrice(plan("team"), price("team"), 1, percent(12.5))).toMatchObject({ unit: 1050 });
  });

  it("a fixed code takes its amount off the payment, in the card's currency", () => {
    expect(discountedPrice(plan("pro"), price("pro"), 1, fixed(500))).toMatchObject({
      applies: true,
      unit: 1400,
      duration: "the first payment",
    });
    // On a per-seat plan the amount comes off the whole payment, not off each seat.
    expect(discountedPrice(plan("team"), price("team"), 3, fixed(500))).toMatchObject({
      unit: 1200,
      total: 3100,
      perPayment: true,
    });
    // Never below zero.
    expect(discountedPrice(plan("starter"), price("starter"), 1, fixed(5000))).toMatchObject({ total: 0 });
  });

  it("a fixed amount in another currency does not apply, and says why", () => {
    expect(discountedPrice(plan("pro"), price("pro"), 1, fixed(500, "EUR"))).toEqual({
      applies: false,
      code: "SAVE5",
      reason: "SAVE5 is an amount in EUR; this price is in USD.",
    });
  });

  it("a code restricted to some products discounts only those cards and names them on the others", () => {
    const offer = percent(20, { appliesTo: [{ plan: "pro", interval: "year" }] });
    expect(discountedPrice(plan("pro"), price("pro", "year"), 1, offer, plans)).toMatchObject({
      applies: true,
    });
    expect(discountedPrice(plan("pro"), price("pro"), 1, offer, plans)).toEqual({
      applies: false,
      code: "LAUNCH20",
      reason: "LAUNCH20 applies to Pro yearly only.",
    });
    expect(discountedPrice(plan("team"), price("team"), 2, offer, plans)).toMatchObject({ applies: false });
  });

  it("repeating codes say for how long", () => {
    const offer = percent(50, {
      terms: { type: "percentage", percentage: 50, duration: "repeating", months: 3 },
    });
    expect(discountedPrice(plan("pro"), price("pro"), 1, offer)).toMatchObject({
      duration: "the first 3 months",
    });
  });
});

describe("checkDiscount's offer", () => {
  const creemWith = (discount: Partial<Discount>) =>
    ({
      discounts: { getByCode: async () => ({ id: "dis_1", status: "active", ...discount }) },
    }) as unknown as CreemClient;

  it("carries the terms, the fixed amount's currency and the plans a restricted code applies to", async () => {
    const result = await checkDiscount(
      creemWith({
        code: "PROY",
        type: "fixed",
        amount: 500,
        currency: "usd",
        duration: "once",
        appliesToProducts: ["prod_pro_y", "prod_unknown"],
      }),
      "PROY",
      { catalog: testCatalog, now: new Date() },
    );
    expect(result).toMatchObject({
      ok: true,
      offer: {
        code: "PROY",
        terms: { type: "fixed", amount: 500, duration: "once" },
        currency: "USD",
        appliesTo: [{ plan: "pro", interval: "year" }],
      },
    });
  });

  it("a percentage code for every plan", async () => {
    const result = await checkDiscount(
      creemWith({ code: "LAUNCH20", type: "percentage", percentage: 20, duration: "forever" }),
      "LAUNCH20",
      { catalog: testCatalog, now: new Date() },
    );
    expect(result).toMatchObject({
      ok: true,
      offer: {
        terms: { type: "percentage", percentage: 20, duration: "forever" },
        currency: null,
        appliesTo: null,
      },
    });
  });
});
