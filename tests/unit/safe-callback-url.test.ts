import { describe, expect, it } from "vitest";
import { safeCallbackUrl, sameOriginRedirect } from "@/lib/safe-callback-url";

// Attacks on the post-sign-in destination: each one must come out as a same-origin path. The browser
// treats a Location starting with `//` (or `/\`) as another host, so the normalised path is what counts.
const ATTACKS = [
  "https://evil.example/phish",
  "http://evil.example",
  "//evil.example/phish",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/./\\evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/.%2e//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "dashboard",
  "",
  "/" + "a".repeat(3000),
];

/** What a browser would do with `Location: <path>` on the app's origin. */
function landsOn(path: string, origin = "https://app.example") {
  return new URL(path, origin).origin;
}

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard/billing?tab=invoices#top", "/dashboard/billing?tab=invoices#top"],
    ["/pricing?plan=pro", "/pricing?plan=pro"],
    ["/dashboard/./billing", "/dashboard/billing"],
    // Encoded slashes stay encoded in a Location header: a path on this site, not a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each(ATTACKS)("falls back for %j", (input) => {
    const result = safeCallbackUrl(input);
    expect(result).toBe("/dashboard");
    expect(landsOn(result)).toBe("https://app.example");
  });

  it("falls back for non-strings and honours a custom fallback", () => {
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    expect(safeCallbackUrl(null, "/")).toBe("/");
    expect(safeCallbackUrl(42)).toBe("/dashboard");
  });
});

describe("sameOriginRedirect (Auth.js redirect callback)", () => {
  const baseUrl = "https://app.example";

  it.each([
    ["/dashboard", "https://app.example/dashboard"],
    ["https://app.example/pricing?plan=pro#x", "https://app.example/pricing?plan=pro#x"],
    ["/signin/check-email", "https://app.example/signin/check-email"],
  ])("keeps %s on the app", (url, expected) => {
    expect(sameOriginRedirect(url, baseUrl)).toBe(expected);
  });

  it.each([
    ...ATTACKS.filter((a) => a !== "dashboard"),
    "https://app.example.evil.example/x",
    "https://app.example@evil.example/x",
    "http://app.example/x",
    "https://app.example:444/x",
    "https://app.example/.//evil.example",
    "https://app.example/%2e//evil.example",
  ])("sends %j to the app's home instead", (url) => {
    const result = sameOriginRedirect(url, baseUrl);
    expect(new URL(result).origin).toBe(baseUrl);
    expect(new URL(result).pathname.startsWith("//")).toBe(false);
    expect(result).toBe(`${baseUrl}/`);
  });
});
