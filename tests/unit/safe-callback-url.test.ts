import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard/billing?tab=invoices#top", "/dashboard/billing?tab=invoices#top"],
    ["/pricing?plan=pro", "/pricing?plan=pro"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/phish",
    "//evil.example/phish",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "",
    "/" + "a".repeat(3000),
  ])("falls back for %s", (input) => {
    expect(safeCallbackUrl(input)).toBe("/dashboard");
  });

  it("falls back for non-strings and honours a custom fallback", () => {
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    expect(safeCallbackUrl(null, "/")).toBe("/");
    expect(safeCallbackUrl(42)).toBe("/dashboard");
  });
});
