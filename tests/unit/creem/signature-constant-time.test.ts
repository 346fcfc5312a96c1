import { describe, expect, it, vi } from "vitest";

const timingSafeEqual = vi.hoisted(() => vi.fn());

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  timingSafeEqual.mockImplementation(actual.timingSafeEqual);
  return { ...actual, default: actual, timingSafeEqual };
});

const { signWebhookBody, verifyRedirectSignature, verifyWebhookSignature, computeRedirectSignature } =
  await import("@/lib/creem/signature");

describe("signature comparison", () => {
  it("compares webhook signatures with timingSafeEqual on 32-byte buffers, matching or not", () => {
    const good = signWebhookBody("{}", "whsec_x");
    const bad = `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`;
    timingSafeEqual.mockClear();

    expect(verifyWebhookSignature("{}", good, "whsec_x")).toBe(true);
    expect(verifyWebhookSignature("{}", bad, "whsec_x")).toBe(false);

    expect(timingSafeEqual).toHaveBeenCalledTimes(2);
    for (const [a, b] of timingSafeEqual.mock.calls as [Buffer, Buffer][]) {
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
  });

  it("compares redirect signatures with timingSafeEqual", () => {
    const params = new URLSearchParams("checkout_id=ch_1");
    params.set("signature", computeRedirectSignature(params, "creem_test_k"));
    timingSafeEqual.mockClear();

    expect(verifyRedirectSignature(params, "creem_test_k")).toBe(true);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });
});
