import { describe, expect, it } from "vitest";
import { LAST_SEEN_EVERY_MS, maskKey, shouldTouch, signInMethods } from "@/lib/account/rules";
import { deletedEmailFor, isDeletedEmail, publicSession } from "@/lib/account/session-payload";

const email = { id: "email", name: "Email", type: "email" as const };
const github = { id: "github", name: "GitHub", type: "oauth" as const };
const google = { id: "google", name: "Google", type: "oauth" as const };

describe("signInMethods (never lock the user out)", () => {
  it("lets an OAuth account go while the email link remains", () => {
    const methods = signInMethods(["github"], [email, github]);
    expect(methods.find((m) => m.provider === "github")).toMatchObject({ connected: true, canUnlink: true });
    expect(methods.find((m) => m.provider === "email")).toMatchObject({ connected: true, canUnlink: false });
  });

  it("keeps the only method when email sign-in is not configured", () => {
    const methods = signInMethods(["github"], [github, google]);
    expect(methods.find((m) => m.provider === "github")?.canUnlink).toBe(false);
    expect(methods.find((m) => m.provider === "google")).toMatchObject({
      connected: false,
      canUnlink: false,
    });
  });

  it("lets one of two OAuth accounts go without email", () => {
    const methods = signInMethods(["github", "google"], [github, google]);
    expect(methods.filter((m) => m.canUnlink).map((m) => m.provider)).toEqual(["github", "google"]);
  });

  it("does not count an account whose provider is no longer configured, but lets it be removed", () => {
    const methods = signInMethods(["github", "gitlab"], [github]);
    expect(methods.find((m) => m.provider === "github")?.canUnlink).toBe(false);
    expect(methods.find((m) => m.provider === "gitlab")).toMatchObject({ available: false, canUnlink: true });
  });
});

describe("shouldTouch (last seen is written at most every few minutes)", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const ua = "Mozilla/5.0 Firefox/133.0";
  it("writes the first time", () => expect(shouldTouch({ lastSeenAt: null }, ua, now)).toBe(true));
  it("skips a recent one", () => {
    const recent = new Date(now.getTime() - LAST_SEEN_EVERY_MS + 1000);
    expect(shouldTouch({ lastSeenAt: recent, userAgent: ua }, ua, now)).toBe(false);
    expect(shouldTouch({ lastSeenAt: recent, userAgent: ua }, null, now)).toBe(false);
  });
  it("writes once the interval has passed", () => {
    const old = new Date(now.getTime() - LAST_SEEN_EVERY_MS);
    expect(shouldTouch({ lastSeenAt: old, userAgent: ua }, ua, now)).toBe(true);
  });
  it("writes when the browser changed", () => {
    expect(shouldTouch({ lastSeenAt: now, userAgent: ua }, "curl/8", now)).toBe(true);
  });
});

describe("maskKey", () => {
  it.each([
    ["ABCD-EFGH-IJKL", "**********IJKL"],
    ["abcd", "****"],
    ["ab", "**"],
    ["x".repeat(60) + "1234", "*".repeat(16) + "1234"],
  ])("%s -> %s", (key, masked) => {
    expect(maskKey(key)).toBe(masked);
    expect(masked).not.toContain(key.slice(0, 5));
  });
});

describe("publicSession (what reaches the browser)", () => {
  it("carries no session token, user agent or billing id", () => {
    const row = {
      sessionToken: "secret-token",
      userId: "u1",
      userAgent: "Firefox",
      expires: new Date("2027-01-01T00:00:00Z"),
    };
    const user = { id: "u1", name: "Ada", email: "ada@example.com", image: null, creemCustomerId: "cust_1" };
    const payload = publicSession(row, user);
    expect(payload).toEqual({
      user: { id: "u1", name: "Ada", email: "ada@example.com", image: null },
      expires: "2027-01-01T00:00:00.000Z",
    });
    expect(JSON.stringify(payload)).not.toMatch(/secret-token|cust_1|Firefox/);
  });
});

describe("deleted-account addresses", () => {
  it("are non-routable and recognised", () => {
    expect(deletedEmailFor("u1")).toBe("deleted-u1@deleted.invalid");
    expect(isDeletedEmail("DELETED-u1@Deleted.Invalid")).toBe(true);
    expect(isDeletedEmail("someone@deleted.invalid.example.com")).toBe(false);
    expect(isDeletedEmail(null)).toBe(false);
  });
});
