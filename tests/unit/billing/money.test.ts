import { describe, expect, it } from "vitest";
import {
  addInterval,
  addMonths,
  charge,
  discountApplies,
  discountOff,
  estimateChange,
  nextRenewal,
  periodSubtotal,
  remainingShare,
  type BilledSubscription,
  type DiscountTerms,
} from "@/lib/billing/money";

// The amounts CREEM charges, worked out by hand (issue #8 D; the proration cases are the ones the local
// CREEM's own tests use, tests/unit/creem-emulator/proration.test.ts, so the app and the local CREEM agree).

const DAY = 86_400_000;
const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const LAUNCH20: DiscountTerms = { code: "LAUNCH20", type: "percentage", percentage: 20, duration: "forever" };
const SAVE5: DiscountTerms = { code: "SAVE5", type: "fixed", amount: 500, duration: "once" };
const THREE_MONTHS: DiscountTerms = { type: "percentage", percentage: 50, duration: "repeating", months: 3 };

const sub = (overrides: Partial<BilledSubscription> = {}): BilledSubscription => ({
  status: "active",
  units: 1,
  startedAt: at("2026-01-01"),
  currentPeriodStart: at("2026-01-01"),
  currentPeriodEnd: at("2026-01-31"),
  ...overrides,
});
const month = (amount: number) => ({ amount, interval: "month" as const });
const year = (amount: number) => ({ amount, interval: "year" as const });

describe("calendar", () => {
  it("adds months, clamped to the last day of the month", () => {
    expect(addMonths(at("2026-01-31"), 1)).toEqual(at("2026-02-28"));
    expect(addMonths(at("2028-01-31"), 1)).toEqual(at("2028-02-29"));
    expect(addMonths(at("2026-03-15"), 12)).toEqual(at("2027-03-15"));
    expect(addMonths(new Date("2026-05-31T13:45:00Z"), 1)).toEqual(new Date("2026-06-30T13:45:00Z"));
  });

  it("adds one billing interval; a one-time price has none", () => {
    expect(addInterval(at("2026-01-15"), "month")).toEqual(at("2026-02-15"));
    expect(addInterval(at("2026-01-15"), "year")).toEqual(at("2027-01-15"));
    expect(addInterval(at("2026-01-15"), "once")).toEqual(at("2026-01-15"));
  });
});

describe("discounts", () => {
  it("price x seats on per-seat plans only", () => {
    expect(periodSubtotal({ amount: 4900 }, true, 3)).toBe(14700);
    expect(periodSubtotal({ amount: 1900 }, false, 3)).toBe(1900);
  });

  it("takes a rounded percentage or a fixed amount off, never more than the subtotal", () => {
    expect(discountOff(LAUNCH20, 1900)).toBe(380);
    expect(discountOff({ ...LAUNCH20, percentage: 12.5 }, 1999)).toBe(250);
    expect(discountOff({ ...LAUNCH20, percentage: 150 }, 1900)).toBe(1900);
    expect(discountOff({ ...LAUNCH20, percentage: undefined }, 1900)).toBe(0);
    expect(discountOff(SAVE5, 1900)).toBe(500);
    expect(discountOff(SAVE5, 300)).toBe(300);
    expect(discountOff({ ...SAVE5, amount: undefined }, 1900)).toBe(0);
    expect(discountOff(undefined, 1900)).toBe(0);
    expect(discountOff(LAUNCH20, 0)).toBe(0);
    expect(discountOff(SAVE5, -100)).toBe(0);
  });

  it("applies forever always, once to the first charge, repeating within its months", () => {
    const charge = (periodStart: string, first = false, startedAt: Date | null = at("2026-01-01")) => ({
      periodStart: at(periodStart),
      startedAt,
      first,
    });
    expect(discountApplies(undefined, charge("2026-01-01", true))).toBe(false);
    expect(discountApplies(LAUNCH20, charge("2030-01-01"))).toBe(true);
    expect(discountApplies(SAVE5, charge("2026-01-01", true))).toBe(true);
    expect(discountApplies(SAVE5, charge("2026-02-01", false))).toBe(false);
    expect(discountApplies(THREE_MONTHS, charge("2026-03-01"))).toBe(true);
    expect(discountApplies(THREE_MONTHS, charge("2026-04-01"))).toBe(false); // exactly 3 months on
    expect(discountApplies(THREE_MONTHS, charge("2026-03-31"))).toBe(true);
    expect(discountApplies(THREE_MONTHS, charge("2026-01-01", true, null))).toBe(false);
    expect(discountApplies({ ...THREE_MONTHS, months: undefined }, charge("2026-01-01", true))).toBe(false);
  });

  it("a charge is the subtotal less the discount when it applies", () => {
    expect(charge(1900, LAUNCH20, true)).toEqual({ subtotal: 1900, discount: 380, total: 1520 });
    expect(charge(1900, LAUNCH20, false)).toEqual({ subtotal: 1900, discount: 0, total: 1900 });
  });
});

describe("the next renewal", () => {
  it("LAUNCH20 (20% forever) on Pro monthly renews at $15.20, not $19, on the period end", () => {
    expect(nextRenewal(sub({ discount: LAUNCH20 }), month(1900), false)).toEqual({
      subtotal: 1900,
      discount: 380,
      total: 1520,
      date: at("2026-01-31"),
    });
  });

  it("seats multiply on per-seat plans; no period end, no renewal", () => {
    expect(nextRenewal(sub({ units: 4 }), month(4900), true)).toMatchObject({ total: 19600 });
    expect(nextRenewal(sub({ currentPeriodEnd: null }), month(1900), false)).toBeNull();
  });

  it("a once discount: the charge at the end of a trial is the first one; an active renewal is not", () => {
    expect(nextRenewal(sub({ status: "trialing", discount: SAVE5 }), month(1900), false)).toMatchObject({
      total: 1400,
    });
    expect(nextRenewal(sub({ discount: SAVE5 }), month(1900), false)).toMatchObject({ total: 1900 });
  });

  it("a repeating discount counts from the subscription's start (or the period's when unknown)", () => {
    const third = sub({
      discount: THREE_MONTHS,
      currentPeriodStart: at("2026-03-01"),
      currentPeriodEnd: at("2026-03-31"),
    });
    expect(nextRenewal(third, month(1900), false)).toMatchObject({ total: 950 });
    expect(nextRenewal({ ...third, currentPeriodEnd: at("2026-04-01") }, month(1900), false)).toMatchObject({
      total: 1900,
    });
    expect(nextRenewal({ ...third, startedAt: null }, month(1900), false)).toMatchObject({ total: 950 });
  });
});

describe("the share of the period left", () => {
  it("is the unused fraction, clamped to the period", () => {
    const s = sub({ currentPeriodStart: at("2026-01-01"), currentPeriodEnd: at("2026-01-11") });
    expect(remainingShare(s, at("2026-01-06"))).toBe(0.5);
    expect(remainingShare(s, at("2025-12-01"))).toBe(1);
    expect(remainingShare(s, at("2026-02-01"))).toBe(0);
    expect(remainingShare({ ...s, currentPeriodEnd: s.currentPeriodStart }, at("2026-01-01"))).toBe(0);
    expect(remainingShare({ ...s, currentPeriodEnd: at("2025-12-31") }, at("2025-12-01"))).toBe(0);
    expect(remainingShare({ ...s, currentPeriodStart: null }, at("2026-01-06"))).toBe(0);
    expect(remainingShare({ ...s, currentPeriodEnd: null }, at("2026-01-06"))).toBe(0);
  });
});

describe("estimating a change (proration-charge-immediately)", () => {
  const team = { price: month(4900), perSeat: true };
  const half = sub({ currentPeriodStart: at("2026-01-01"), currentPeriodEnd: at("2026-01-31"), units: 2 });
  const midway = at("2026-01-16");

  it("2 -> 4 seats halfway through charges half of two more seats now; 4 -> 2 refunds it", () => {
    const up = estimateChange({ sub: half, from: team, to: { ...team, units: 4 }, now: midway });
    expect(up).toEqual({
      dueNow: 4900,
      renewal: { subtotal: 19600, discount: 0, total: 19600, date: at("2026-01-31") },
      periodRestarts: false,
    });
    const down = estimateChange({
      sub: { ...half, units: 4 },
      from: team,
      to: { ...team, units: 2 },
      now: midway,
    });
    expect(down.dueNow).toBe(-4900);
  });

  it("1 -> 100 seats is charged at once (the free-seats path is closed)", () => {
    const one = { ...half, units: 1 };
    expect(estimateChange({ sub: one, from: team, to: { ...team, units: 100 }, now: midway }).dueNow).toBe(
      242550,
    );
  });

  it("applies the discount the current period was charged with", () => {
    const discounted = { ...half, discount: LAUNCH20 };
    expect(
      estimateChange({ sub: discounted, from: team, to: { ...team, units: 4 }, now: midway }).dueNow,
    ).toBe(3920);
    // A once discount was on the first period only: changing in the first period prorates the discounted
    // price (50% off: half of 2 x 2450); a later period was charged in full. "First" allows a day of skew.
    const halfOff: DiscountTerms = { type: "percentage", percentage: 50, duration: "once" };
    const first = { ...half, discount: halfOff };
    const due = (s: BilledSubscription) =>
      estimateChange({ sub: s, from: team, to: { ...team, units: 4 }, now: midway }).dueNow;
    expect(due(first)).toBe(2450);
    expect(due({ ...first, startedAt: new Date(at("2026-01-01").getTime() - 12 * 3_600_000) })).toBe(2450);
    expect(due({ ...first, startedAt: new Date(at("2026-01-01").getTime() - DAY) })).toBe(2450);
    expect(due({ ...first, startedAt: new Date(at("2026-01-01").getTime() - 2 * DAY) })).toBe(4900);
    expect(due({ ...first, startedAt: new Date(at("2026-01-01").getTime() + 2 * DAY) })).toBe(4900);
    expect(due({ ...first, startedAt: null })).toBe(2450);
  });

  it("monthly -> yearly with LAUNCH20 on both: 15200 for the year less 760 for the unused half month", () => {
    const pro = sub({ discount: LAUNCH20, currentPeriodEnd: at("2026-01-31") });
    const estimate = estimateChange({
      sub: pro,
      from: { price: month(1900), perSeat: false },
      to: { price: year(19000), perSeat: false, units: 1 },
      now: midway,
    });
    expect(estimate).toEqual({
      dueNow: 14440,
      renewal: { subtotal: 19000, discount: 3800, total: 15200, date: at("2027-01-16") },
      periodRestarts: true,
    });
  });

  it("yearly -> monthly with LAUNCH20 halfway through the year refunds 7600 less the new month's 1520", () => {
    const yearly = sub({ discount: LAUNCH20, currentPeriodEnd: at("2027-01-01") });
    const estimate = estimateChange({
      sub: yearly,
      from: { price: year(19000), perSeat: false },
      to: { price: month(1900), perSeat: false, units: 1 },
      now: new Date((at("2026-01-01").getTime() + at("2027-01-01").getTime()) / 2),
    });
    expect(estimate.dueNow).toBe(-6080);
    expect(estimate.periodRestarts).toBe(true);
    expect(estimate.renewal.total).toBe(1520);
  });

  it("a repeating discount still running discounts the new period and its renewal (counted from the period start when CREEM gave no subscription start)", () => {
    const pro = sub({
      startedAt: null,
      discount: { type: "percentage", percentage: 50, duration: "repeating", months: 24 },
    });
    const estimate = estimateChange({
      sub: pro,
      from: { price: month(1900), perSeat: false },
      to: { price: year(19000), perSeat: false, units: 1 },
      now: midway,
    });
    // Credit: half of the 950 paid for January; the year at half price, and its renewal too.
    expect(estimate).toEqual({
      dueNow: 9500 - 475,
      renewal: { subtotal: 19000, discount: 9500, total: 9500, date: at("2027-01-16") },
      periodRestarts: true,
    });
  });

  it("without a period start nothing is credited on an interval change", () => {
    const estimate = estimateChange({
      sub: sub({ currentPeriodStart: null, discount: LAUNCH20 }),
      from: { price: month(1900), perSeat: false },
      to: { price: year(19000), perSeat: false, units: 1 },
      now: midway,
    });
    expect(estimate.dueNow).toBe(15200);
  });

  it("a once discount is not given again on the new period of an interval change", () => {
    const pro = sub({ discount: SAVE5 });
    const estimate = estimateChange({
      sub: pro,
      from: { price: month(1900), perSeat: false },
      to: { price: year(19000), perSeat: false, units: 1 },
      now: midway,
    });
    // Credit: the first month was charged 1400; half of it is 700. The year is charged in full.
    expect(estimate).toMatchObject({ dueNow: 19000 - 700, renewal: { total: 19000 } });
  });

  it("during a trial nothing is charged now, whatever the change; the renewal shows the new price", () => {
    const trial = sub({ status: "trialing", units: 2 });
    const seats = estimateChange({ sub: trial, from: team, to: { ...team, units: 5 }, now: midway });
    expect(seats).toEqual({
      dueNow: 0,
      renewal: { subtotal: 24500, discount: 0, total: 24500, date: at("2026-01-31") },
      periodRestarts: false,
    });
    const interval = estimateChange({
      sub: trial,
      from: team,
      to: { price: year(49000), perSeat: true, units: 2 },
      now: midway,
    });
    expect(interval).toMatchObject({ dueNow: 0, periodRestarts: true, renewal: { total: 98000 } });
  });

  it("without a known period end nothing is due now and the renewal is the new price from now", () => {
    const unknown = sub({ currentPeriodEnd: null });
    expect(estimateChange({ sub: unknown, from: team, to: { ...team, units: 3 }, now: midway })).toEqual({
      dueNow: 0,
      renewal: { subtotal: 14700, discount: 0, total: 14700, date: midway },
      periodRestarts: false,
    });
  });
});
