import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, intervalLabel } from "@/lib/format";

describe("format", () => {
  it("formats cents in the currency, dropping .00", () => {
    expect(formatMoney(1900, "USD")).toBe("$19");
    expect(formatMoney(1999, "usd")).toBe("$19.99");
    expect(formatMoney(29900, "EUR")).toBe("€299");
    expect(formatMoney(0, "USD")).toBe("$0");
  });

  it("formats dates in UTC and shows a dash for none", () => {
    expect(formatDate(new Date("2026-03-01T23:30:00Z"))).toBe("Mar 1, 2026");
    expect(formatDate(null)).toBe("—");
  });

  it("labels intervals", () => {
    expect(intervalLabel("month")).toBe("/month");
    expect(intervalLabel("once")).toBe("one-time");
  });
});
