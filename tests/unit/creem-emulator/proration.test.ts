// The local CREEM's proration math, by hand: every expected amount below is worked out in the comment
// beside it (integer cents, round half up to the cent).
import { describe, expect, it } from "vitest";
import { percentOf, roundHalfUpDiv } from "../../../creem-emulator/src/core/money";
import {
  prorateChange,
  prorateRestart,
  remainingShare,
  settlesNow,
  type ProrationDiscount,
} from "../../../creem-emulator/src/billing/proration";

const DAY = 24 * 60 * 60 * 1000;
const LAUNCH20: ProrationDiscount = { type: "percentage", percentage: 20 };
const FIVE_OFF: ProrationDiscount = { type: "fixed", amount: 500 };
const SEAT = 1200; // Team monthly, per seat
const half = { remainingMs: 15 * DAY, periodMs: 30 * DAY };
const tenOf31 = { remainingMs: 10 * DAY, periodMs: 31 * DAY };

describe("rounding", () => {
  it("rounds half up to the cent, exactly", () => {
    expect(roundHalfUpDiv(1, 2)).toBe(1); // 0.5 -> 1
    expect(roundHalfUpDiv(4999, 10_000)).toBe(0); // 0.4999 -> 0
    expect(roundHalfUpDiv(5, 2)).toBe(3); // 2.5 -> 3
    expect(roundHalfUpDiv(24_000, 31)).toBe(774); // 774.19
    // Beyond 2^53 the BigInt arithmetic stays exact: 9_000_000_000_000_001.5 -> ...002
    expect(roundHalfUpDiv(18_000_000_000_000_003n, 2n)).toBe(9_000_000_000_000_002);
    expect(() => roundHalfUpDiv(1, 0)).toThrow(RangeError);
  });

  it("takes percentages in basis points (12.5 % of 999 = 124.875 -> 125)", () => {
    expect(percentOf(999, 12.5)).toBe(125);
    expect(percentOf(1900, 20)).toBe(380);
  });

  it("clamps 'now' into the period", () => {
    expect(remainingShare(0, 30 * DAY, 15 * DAY)).toEqual(half);
    expect(remainingShare(10 * DAY, 40 * DAY, 0)).toEqual({ remainingMs: 30 * DAY, periodMs: 30 * DAY });
    expect(remainingShare(0, 30 * DAY, 99 * DAY)).toEqual({ remainingMs: 0, periodMs: 30 * DAY });
  });
});

describe("update_behavior", () => {
  it("settles now for both charging behaviors (proration-charge is no longer deferred), never for none", () => {
    expect(settlesNow("proration-charge-immediately")).toBe(true);
    expect(settlesNow("proration-charge")).toBe(true);
    expect(settlesNow("proration-none")).toBe(false);
  });
});

describe("more seats mid-period: charged now", () => {
  it("without a discount: the prorated list difference", () => {
    // 3 -> 5 seats, half the period left: 2 x 1200 x 1/2 = 1200
    expect(prorateChange({ oldCycle: 3 * SEAT, newCycle: 5 * SEAT, share: half })).toEqual({
      kind: "charge",
      sub_total: 1200,
      discount_amount: 0,
      credit: 0,
      amount: 1200,
    });
    // 10 of 31 days left: 2400 x 10/31 = 774.19 -> 774
    expect(prorateChange({ oldCycle: 3 * SEAT, newCycle: 5 * SEAT, share: tenOf31 })).toMatchObject({
      amount: 774,
    });
  });

  it("with LAUNCH20 (20 % forever): 80 % of the undiscounted prorated amount", () => {
    // +1 seat, half left: 1200 x 1/2 = 600 undiscounted; 80 % = 480
    expect(
      prorateChange({ oldCycle: 3 * SEAT, newCycle: 4 * SEAT, share: half, chargeDiscount: LAUNCH20 }),
    ).toEqual({ kind: "charge", sub_total: 600, discount_amount: 120, credit: 0, amount: 480 });
    // +2 seats, 10 of 31 days: 2400 x 10/31 = 774.19 -> 774 undiscounted; 0.8 x 774.19 = 619.35 -> 619
    expect(
      prorateChange({ oldCycle: 3 * SEAT, newCycle: 5 * SEAT, share: tenOf31, chargeDiscount: LAUNCH20 }),
    ).toEqual({ kind: "charge", sub_total: 774, discount_amount: 155, credit: 0, amount: 619 });
  });

  it("a fixed discount is per invoice and already in the period's payment: the list difference is charged", () => {
    // $5 off every invoice: (6000 - 500) - (3600 - 500) = 2400 per cycle, x 1/2 = 1200
    expect(
      prorateChange({ oldCycle: 3 * SEAT, newCycle: 5 * SEAT, share: half, chargeDiscount: FIVE_OFF }),
    ).toMatchObject({ kind: "charge", amount: 1200, discount_amount: 0 });
    // $20 off a 1-seat plan (paid 0): 2 seats cost 2400 - 2000 = 400 per cycle, x 1/2 = 200
    expect(
      prorateChange({
        oldCycle: SEAT,
        newCycle: 2 * SEAT,
        share: half,
        chargeDiscount: { type: "fixed", amount: 2000 },
      }),
    ).toMatchObject({ kind: "charge", sub_total: 600, discount_amount: 400, amount: 200 });
  });

  it("rounds the half cent up", () => {
    // 1 seat for 1/2400 of the period: 1200 / 2400 = 0.5 -> 1
    expect(
      prorateChange({ oldCycle: SEAT, newCycle: 2 * SEAT, share: { remainingMs: 1, periodMs: 2400 } }),
    ).toMatchObject({ amount: 1 });
    // 1/2401 of the period: 0.4998 -> 0: nothing to charge
    expect(
      prorateChange({ oldCycle: SEAT, newCycle: 2 * SEAT, share: { remainingMs: 1, periodMs: 2401 } }),
    ).toEqual({ kind: "none" });
  });
});

describe("fewer seats mid-period: refunded now", () => {
  it("without a discount: the unused time at list price", () => {
    // 5 -> 3 seats, half left: 2400 x 1/2 = 1200
    expect(prorateChange({ oldCycle: 5 * SEAT, newCycle: 3 * SEAT, share: half })).toEqual({
      kind: "refund",
      amount: 1200,
    });
    // 10 of 31 days: 774.19 -> 774
    expect(prorateChange({ oldCycle: 5 * SEAT, newCycle: 3 * SEAT, share: tenOf31 })).toEqual({
      kind: "refund",
      amount: 774,
    });
  });

  it("with LAUNCH20 on the period's payment: valued at what was paid (80 %)", () => {
    // 2 seats x 1200 x 0.8 = 1920 paid per cycle for them, x 1/2 = 960
    expect(
      prorateChange({ oldCycle: 5 * SEAT, newCycle: 3 * SEAT, share: half, periodDiscount: LAUNCH20 }),
    ).toEqual({ kind: "refund", amount: 960 });
    // 1920 x 10/31 = 619.35 -> 619
    expect(
      prorateChange({ oldCycle: 5 * SEAT, newCycle: 3 * SEAT, share: tenOf31, periodDiscount: LAUNCH20 }),
    ).toEqual({ kind: "refund", amount: 619 });
  });

  it("uses the period's discount, not the one that would apply to a charge now", () => {
    // The charge discount is irrelevant to a refund: the period was paid at list price.
    expect(
      prorateChange({ oldCycle: 5 * SEAT, newCycle: 3 * SEAT, share: half, chargeDiscount: LAUNCH20 }),
    ).toEqual({ kind: "refund", amount: 1200 });
  });

  it("nothing at the very end of the period or without a change", () => {
    expect(
      prorateChange({
        oldCycle: 5 * SEAT,
        newCycle: 3 * SEAT,
        share: { remainingMs: 0, periodMs: 30 * DAY },
      }),
    ).toEqual({ kind: "none" });
    expect(prorateChange({ oldCycle: 5 * SEAT, newCycle: 5 * SEAT, share: half })).toEqual({ kind: "none" });
  });
});

describe("another billing period: a new period starts now", () => {
  const PRO_MONTHLY = 1900;
  const PRO_YEARLY = 19_000;

  it("monthly -> yearly: the year is charged now, less the unused half month", () => {
    // credit 1900 x 1/2 = 950; 19000 - 950 = 18050
    expect(prorateRestart({ oldCycle: PRO_MONTHLY, newCycle: PRO_YEARLY, share: half })).toEqual({
      kind: "charge",
      sub_total: 19_000,
      discount_amount: 0,
      credit: 950,
      amount: 18_050,
    });
  });

  it("monthly -> yearly with LAUNCH20 on both: 15200 for the year less 760 paid for the unused half month", () => {
    // credit 1900 x 0.8 x 1/2 = 760; year 19000 - 3800 = 15200; 15200 - 760 = 14440
    expect(
      prorateRestart({
        oldCycle: PRO_MONTHLY,
        newCycle: PRO_YEARLY,
        share: half,
        periodDiscount: LAUNCH20,
        newPeriodDiscount: LAUNCH20,
      }),
    ).toEqual({ kind: "charge", sub_total: 19_000, discount_amount: 3800, credit: 760, amount: 14_440 });
  });

  it("yearly -> monthly: the unused half year is refunded, less the first month", () => {
    // credit 19000 x 1/2 = 9500; 9500 - 1900 = 7600 refunded
    const halfYear = { remainingMs: 182.5 * DAY, periodMs: 365 * DAY };
    expect(prorateRestart({ oldCycle: PRO_YEARLY, newCycle: PRO_MONTHLY, share: halfYear })).toEqual({
      kind: "refund",
      amount: 7600,
    });
    // LAUNCH20: credit 15200 x 1/2 = 7600; month 1900 - 380 = 1520; 7600 - 1520 = 6080 refunded
    expect(
      prorateRestart({
        oldCycle: PRO_YEARLY,
        newCycle: PRO_MONTHLY,
        share: halfYear,
        periodDiscount: LAUNCH20,
        newPeriodDiscount: LAUNCH20,
      }),
    ).toEqual({ kind: "refund", amount: 6080 });
  });

  it("a fixed discount on the old period is prorated into the credit", () => {
    // paid 1900 - 500 = 1400 for the month; credit 700; year 19000 - 500 = 18500; 18500 - 700 = 17800
    expect(
      prorateRestart({
        oldCycle: PRO_MONTHLY,
        newCycle: PRO_YEARLY,
        share: half,
        periodDiscount: FIVE_OFF,
        newPeriodDiscount: FIVE_OFF,
      }),
    ).toEqual({ kind: "charge", sub_total: 19_000, discount_amount: 500, credit: 700, amount: 17_800 });
  });

  it("settles nothing when the credit equals the new period's price", () => {
    // 3800 x 1/2 = 1900 credit against a 1900 month
    expect(prorateRestart({ oldCycle: 3800, newCycle: 1900, share: half })).toEqual({ kind: "none" });
  });
});
