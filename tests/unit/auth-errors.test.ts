import { describe, expect, it } from "vitest";
import { authErrorMessage } from "@/lib/auth-errors";

describe("authErrorMessage", () => {
  it("explains an expired or reused magic link", () => {
    expect(authErrorMessage("Verification")).toMatch(/expired or was already used/);
  });

  it("never echoes an unknown code back to the page", () => {
    expect(authErrorMessage("<script>")).toBe("Sign-in failed. Please try again.");
  });

  it("is silent without an error", () => {
    expect(authErrorMessage(undefined)).toBeNull();
    expect(authErrorMessage("")).toBeNull();
  });
});
