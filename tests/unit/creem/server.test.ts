import { beforeEach, describe, expect, it, vi } from "vitest";
import { CREEM_TEST_URL } from "@/lib/creem/client";
import { isCreemError } from "@/lib/creem/errors";

const env = vi.hoisted(() => ({
  CREEM_API_KEY: "",
  CREEM_API_BASE_URL: undefined as string | undefined,
  CREEM_WEBHOOK_SECRET: "",
}));
vi.mock("@/lib/env", () => ({ env }));

beforeEach(() => {
  vi.resetModules();
  env.CREEM_API_KEY = "";
  env.CREEM_API_BASE_URL = undefined;
});

describe("lib/creem/server", () => {
  it("imports without reading the key, and fails with a typed error when it is not set", async () => {
    // Imported after resetModules, so the class is the one server.ts sees.
    const { CreemError } = await import("@/lib/creem/errors");
    const { creem, getCreem } = await import("@/lib/creem/server");
    expect(() => getCreem()).toThrow(CreemError);
    const error = (() => {
      try {
        return creem.subscriptions;
      } catch (e) {
        return e;
      }
    })() as InstanceType<typeof CreemError>;
    expect(error.code).toBe("not_configured");
    // A second copy of the errors module (here: after resetModules) is still recognised.
    expect(isCreemError(error)).toBe(true);
    expect(error.message).toContain("CREEM_API_KEY");
    expect(error.userMessage).not.toContain("CREEM_API_KEY");
  });

  it("builds one client from the environment on first use", async () => {
    env.CREEM_API_KEY = "creem_test_abc";
    const { creem, getCreem } = await import("@/lib/creem/server");
    expect(getCreem()).toBe(getCreem());
    expect(creem.baseUrl).toBe(CREEM_TEST_URL);
    expect(creem.checkouts).toBe(getCreem().checkouts);
  });

  it("uses CREEM_API_BASE_URL (the emulator) when set", async () => {
    env.CREEM_API_KEY = "creem_test_abc";
    env.CREEM_API_BASE_URL = "http://localhost:4010";
    const { getCreem } = await import("@/lib/creem/server");
    expect(getCreem().baseUrl).toBe("http://localhost:4010");
  });
});
