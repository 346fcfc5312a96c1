import { testCatalog } from "../../../support/catalog";
import { describe, expect, it } from "vitest";
import {
  describeLicenseKey,
  describePurchase,
  describeTransaction,
  HISTORY_PAGE_SIZE,
  maskKey,
  parsePageParam,
} from "@/lib/billing/account/history-view";
import type { Transaction } from "@/lib/creem";

const catalog = testCatalog;

const CREATED = new Date("2026-03-04T10:00:00Z");
const PURCHASED = new Date("2026-03-05T23:59:59Z");
const EXPIRES = new Date("2027-03-05T00:00:00Z");

describe("parsePageParam", () => {
  it("defaults to page 1 without a parameter, and says nothing is wrong", () => {
    expect(parsePageParam(undefined)).toEqual({ page: 1 });
  });

  it.each([
    ["1", 1],
    ["2", 2],
    ["007", 7],
    ["10000", 10_000],
  ])("'%s' is page %i", (raw, page) => {
    expect(parsePageParam(raw)).toEqual({ page });
  });

  it.each([
    ["0"],
    ["-1"],
    ["abc"],
    ["1.5"],
    ["1e3"],
    [" 2"],
    ["2 "],
    ["+2"],
    ["0x10"],
    [""],
    ["10001"],
    ["99999999999999999999"],
    ["１"],
  ])("'%s' falls back to page 1 and is reported as invalid", (raw) => {
    expect(parsePageParam(raw)).toEqual({ page: 1, invalid: raw });
  });

  it("an array (repeated ?page=) uses the first value", () => {
    expect(parsePageParam(["3", "5"])).toEqual({ page: 3 });
    expect(parsePageParam(["x", "5"])).toEqual({ page: 1, invalid: "x" });
  });

  it("an empty array is reported as an empty value", () => {
    expect(parsePageParam([])).toEqual({ page: 1, invalid: "" });
  });

  it("pages hold ten rows", () => {
    expect(HISTORY_PAGE_SIZE).toBe(10);
  });
});

describe("describeTransaction", () => {
  const tx = (overrides: Partial<Transaction> = {}): Transaction => ({
    id: "tran_1",
    amount: 1900,
    amountPaid: 1520,
    currency: "USD",
    type: "invoice",
    status: "paid",
    description: "Pro (monthly)",
    createdAt: CREATED,
    ...overrides,
  });

  it("a paid charge shows what was actually paid", () => {
    expect(describeTransaction(tx())).toEqual({
      id: "tran_1",
      date: "Mar 4, 2026",
      description: "Pro (monthly)",
      amount: "$15.20",
      statusLabel: "Paid",
      statusTone: "success",
    });
  });

  it("a paid charge without amountPaid falls back to the amount", () => {
    expect(describeTransaction(tx({ amountPaid: undefined })).amount).toBe("$19");
  });

  it("a fully discounted paid charge shows $0, not the list price", () => {
    expect(describeTransaction(tx({ amountPaid: 0 })).amount).toBe("$0");
  });

  it("anything but paid shows the amount due", () => {
    expect(describeTransaction(tx({ status: "pending" })).amount).toBe("$19");
    expect(describeTransaction(tx({ status: "refunded" })).amount).toBe("$19");
    expect(describeTransaction(tx({ status: "declined", amount: undefined })).amount).toBe("—");
  });

  it.each([
    ["paid", "Paid", "success"],
    ["pending", "Pending", "warning"],
    ["refunded", "Refunded", "neutral"],
    ["partialRefund", "Partially refunded", "neutral"],
    ["chargedBack", "Charged back", "danger"],
    ["uncollectible", "Uncollectible", "danger"],
    ["declined", "Declined", "danger"],
    ["canceled", "Canceled", "neutral"],
    ["void", "Void", "neutral"],
    ["some_new_status", "some_new_status", "neutral"],
  ])("status %s → %s (%s)", (status, label, tone) => {
    const view = describeTransaction(tx({ status }));
    expect([view.statusLabel, view.statusTone]).toEqual([label, tone]);
  });

  it("with only an id, every field has a fallback", () => {
    expect(describeTransaction({ id: "tran_bare" })).toEqual({
      id: "tran_bare",
      date: "—",
      description: "Payment",
      amount: "—",
      statusLabel: "Unknown",
      statusTone: "neutral",
    });
  });

  it("describes a missing description by the transaction type", () => {
    expect(describeTransaction(tx({ description: undefined })).description).toBe("Invoice");
    expect(describeTransaction(tx({ description: undefined, type: "payment" })).description).toBe("Payment");
    expect(describeTransaction(tx({ description: undefined, type: undefined })).description).toBe("Payment");
  });

  it("needs a currency to show an amount; a lowercase one is fine", () => {
    expect(describeTransaction(tx({ currency: undefined })).amount).toBe("—");
    expect(describeTransaction(tx({ currency: "eur" })).amount).toBe("€15.20");
  });
  it("a status named like an Object.prototype member falls back to the raw status", () => {
    const view = describeTransaction(tx({ status: "toString" }));
    expect([view.statusLabel, view.statusTone]).toEqual(["toString", "neutral"]);
  });
});

describe("describePurchase", () => {
  const purchase = (overrides: Partial<Parameters<typeof describePurchase>[0]> = {}) => ({
    id: "ord_1",
    productId: "prod_life" as string | null,
    amount: 29900 as number | null,
    currency: "USD" as string | null,
    status: "paid",
    purchasedAt: PURCHASED as Date | null,
    createdAt: CREATED,
    ...overrides,
  });

  it("names the plan, dates it by the purchase and shows the amount", () => {
    expect(describePurchase(purchase(), catalog)).toEqual({
      id: "ord_1",
      productName: "Lifetime",
      date: "Mar 5, 2026",
      amount: "$299",
      statusLabel: "Paid",
      statusTone: "success",
    });
  });

  it.each([
    ["paid", "Paid", "success"],
    ["refunded", "Refunded", "neutral"],
    ["disputed", "Disputed", "danger"],
    ["pending", "pending", "neutral"],
  ])("status %s → %s (%s)", (status, label, tone) => {
    const view = describePurchase(purchase({ status }), catalog);
    expect([view.statusLabel, view.statusTone]).toEqual([label, tone]);
  });

  it("falls back when fields are missing", () => {
    expect(
      describePurchase(
        purchase({ productId: null, amount: null, currency: null, purchasedAt: null }),
        catalog,
      ),
    ).toEqual({
      id: "ord_1",
      productName: "One-time purchase",
      date: "Mar 4, 2026",
      amount: "—",
      statusLabel: "Paid",
      statusTone: "success",
    });
  });

  it("a product the catalog does not know is a generic one-time purchase", () => {
    expect(describePurchase(purchase({ productId: "prod_gone" }), catalog).productName).toBe(
      "One-time purchase",
    );
  });

  it("needs both an amount and a currency; an amount of 0 is still shown", () => {
    expect(describePurchase(purchase({ currency: null }), catalog).amount).toBe("—");
    expect(describePurchase(purchase({ amount: null }), catalog).amount).toBe("—");
    expect(describePurchase(purchase({ amount: 0 }), catalog).amount).toBe("$0");
    expect(describePurchase(purchase({ amount: 1999, currency: "EUR" }), catalog).amount).toBe("€19.99");
  });
});

describe("maskKey", () => {
  it.each([
    ["ABCDE-FGHIJ-KLMNO-PQRST-K7QXZ", "•••••-•••••-•••••-•••••-K7QXZ"],
    ["AB-CD", "••-CD"],
    ["A-BB-CCC-DDDD", "•-••-•••-DDDD"],
    // A dashed key always shows its last group, whatever its length.
    ["ABC-", "•••-"],
    ["-ABC", "-ABC"],
  ])("dashed key %s → %s", (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });

  it.each([
    // Without dashes: up to 4 trailing characters (a third of the key at most), never fewer than 4 dots.
    ["", "••••"],
    ["a", "••••"],
    ["ab", "••••"],
    ["abc", "••••c"],
    ["abcdef", "••••ef"],
    ["ABCDEFGHIJKL", "••••••••IJKL"],
    ["0123456789abcdefghijklmnopqrstuvwxyzABCD", "•".repeat(36) + "ABCD"],
  ])("undashed key '%s' → %s", (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });

  it("never shows more than a third of an undashed key", () => {
    for (let length = 0; length <= 40; length++) {
      const key = "x".repeat(length);
      const shown = maskKey(key).replace(/•/g, "").length;
      expect(shown).toBeLessThanOrEqual(Math.floor(length / 3));
      expect(shown).toBeLessThanOrEqual(4);
    }
  });
});

describe("describeLicenseKey", () => {
  const license = (overrides: Partial<Parameters<typeof describeLicenseKey>[0]> = {}) => ({
    id: "lk_1",
    productId: "prod_life",
    key: "ABCDE-FGHIJ-K7QXZ",
    status: "active",
    activations: 2,
    activationLimit: 5 as number | null,
    expiresAt: EXPIRES as Date | null,
    ...overrides,
  });

  it("describes a key in full, keeping the real key next to the masked one", () => {
    expect(describeLicenseKey(license(), catalog)).toEqual({
      id: "lk_1",
      productName: "Lifetime",
      key: "ABCDE-FGHIJ-K7QXZ",
      revoked: false,
      maskedKey: "•••••-•••••-K7QXZ",
      statusLabel: "Active",
      statusTone: "success",
      activations: "2 of 5 devices",
      expires: "Mar 5, 2027",
      asOf: null,
      devices: [],
    });
  });

  it("lists the active devices oldest first with when they were activated and last validated", () => {
    const device = (id: string, status: string, activatedAt: string, lastValidatedAt: string | null) => ({
      id,
      name: `device ${id}`,
      status,
      activatedAt: new Date(activatedAt),
      lastValidatedAt: lastValidatedAt ? new Date(lastValidatedAt) : null,
    });
    const instances = [
      device("b", "active", "2026-11-02T10:00:00Z", null),
      device("gone", "deactivated", "2026-10-01T10:00:00Z", "2026-10-02T10:00:00Z"),
      device("a", "active", "2026-11-01T10:00:00Z", "2026-12-01T21:05:00Z"),
    ];
    expect(describeLicenseKey(license({ instances }), catalog).devices).toEqual([
      { id: "a", name: "device a", activated: "Nov 1, 2026", lastValidated: "Dec 1, 2026, 9:05 PM UTC" },
      { id: "b", name: "device b", activated: "Nov 2, 2026", lastValidated: "Never" },
    ]);
    expect(describeLicenseKey(license({ instances }), catalog, true).devices).toEqual([]);
  });

  it.each([
    ["active", "Active", "success"],
    ["inactive", "Not activated", "neutral"],
    ["expired", "Expired", "warning"],
    ["disabled", "Disabled", "danger"],
    ["revoked", "revoked", "neutral"],
  ])("status %s → %s (%s)", (status, label, tone) => {
    const view = describeLicenseKey(license({ status }), catalog);
    expect([view.statusLabel, view.statusTone]).toEqual([label, tone]);
  });

  it("a revoked key (its purchase refunded or disputed) is no longer offered", () => {
    const view = describeLicenseKey(license(), catalog, true);
    expect(view).toMatchObject({ key: null, revoked: true, statusLabel: "Revoked", statusTone: "danger" });
    expect(view.maskedKey).toBe("•••••-•••••-K7QXZ");
  });

  it("falls back for an unknown product, no activation limit and no expiry", () => {
    const view = describeLicenseKey(
      license({ productId: "prod_gone", activations: 0, activationLimit: null, expiresAt: null }),
      catalog,
    );
    expect(view.productName).toBe("License");
    expect(view.activations).toBe("0 devices (no limit)");
    expect(view.expires).toBe("Never");
  });

  it("a limit of 0 is a limit, not 'no limit'", () => {
    expect(describeLicenseKey(license({ activations: 0, activationLimit: 0 }), catalog).activations).toBe(
      "0 of 0 devices",
    );
    expect(describeLicenseKey(license({ activations: 1, activationLimit: 3 }), catalog).activations).toBe(
      "1 of 3 devices",
    );
  });

  it("says 'as of' when CREEM could not be asked, never for a revoked key", () => {
    const updatedAt = new Date("2026-12-01T21:05:00Z");
    expect(describeLicenseKey(license({ updatedAt }), catalog, false, false).asOf).toBe(
      "Dec 1, 2026, 9:05 PM UTC",
    );
    expect(describeLicenseKey(license({ updatedAt }), catalog, false, true).asOf).toBeNull();
    expect(describeLicenseKey(license({ updatedAt }), catalog, true, false).asOf).toBeNull();
  });
});
