import { describe, expect, it } from "vitest";
import { authErrorMessage } from "@/lib/auth-errors";

describe("authErrorMessage", () => {
  it("explains an expired or reused magic link", () => {
    expect(authErrorMessage("Verification")).toMatch(/expired or was already used/);
  });

  it("never echoes an unknown code back to the page", () => {
    expect(authErrorMessage("<script>")).toBe("Sign-in failed. Please try again.");
  });

  it("says how long to wait after too many sign-in emails", () => {
    expect(authErrorMessage("TooManyEmails", "7")).toBe("Too many sign-in emails, try again in 7 minutes.");
    expect(authErrorMessage("TooManyEmails", "1")).toBe("Too many sign-in emails, try again in 1 minute.");
    // A tampered or missing value never reaches the page.
    expect(authErrorMessage("TooManyEmails", "<b>")).toBe(
      "Too many sign-in emails, try again in 10 minutes.",
    );
    expect(authErrorMessage("TooManyEmails", "99999")).toBe(
      "Too many sign-in emails, try again in 10 minutes.",
    );
  });

  it("is silent without an error", () => {
    expect(authErrorMessage(undefined)).toBeNull();
    expect(authErrorMessage("")).toBeNull();
  });
});
