import { describe, expect, it } from "vitest";
import {
  computeRedirectSignature,
  signWebhookBody,
  verifyRedirectSignature,
  verifyWebhookSignature,
} from "@/lib/creem/signature";

const SECRET = "whsec_test_secret";
const BODY =
  '{"id":"evt_test","eventType":"checkout.completed","created_at":1728734325927,"object":{"id":"ch_test","object":"checkout"}}';
const SIGNATURE = "905165f97d0851a7efa4aee92053b500f47d32a2b81f85cca0211d1f4745d230";

describe("webhook signature", () => {
  it("matches the reference test vector", () => {
    expect(signWebhookBody(BODY, SECRET)).toBe(SIGNATURE);
    expect(verifyWebhookSignature(BODY, SIGNATURE, SECRET)).toBe(true);
  });

  it("signs and verifies raw bytes the same as the string", () => {
    const bytes = new TextEncoder().encode(BODY);
    expect(signWebhookBody(bytes, SECRET)).toBe(SIGNATURE);
    expect(verifyWebhookSignature(bytes, SIGNATURE, SECRET)).toBe(true);
  });

  it("accepts a sha256= prefix, uppercase hex and surrounding whitespace", () => {
    expect(verifyWebhookSignature(BODY, `sha256=${SIGNATURE}`, SECRET)).toBe(true);
    expect(verifyWebhookSignature(BODY, SIGNATURE.toUpperCase(), SECRET)).toBe(true);
    expect(verifyWebhookSignature(BODY, ` ${SIGNATURE}\n`, SECRET)).toBe(true);
  });

  it("rejects a missing, empty or malformed header", () => {
    for (const header of [
      undefined,
      null,
      "",
      "sha256=",
      "not-hex",
      SIGNATURE.slice(0, 63),
      `${SIGNATURE}00`,
    ]) {
      expect(verifyWebhookSignature(BODY, header, SECRET)).toBe(false);
    }
    expect(verifyWebhookSignature(BODY, `md5=${SIGNATURE}`, SECRET)).toBe(false);
  });

  it("rejects a signature with one character changed", () => {
    const last = SIGNATURE.at(-1) === "0" ? "1" : "0";
    expect(verifyWebhookSignature(BODY, `${SIGNATURE.slice(0, -1)}${last}`, SECRET)).toBe(false);
  });

  it("rejects a body with one byte changed, including re-serialised JSON", () => {
    expect(verifyWebhookSignature(BODY.replace("ch_test", "ch_tesu"), SIGNATURE, SECRET)).toBe(false);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(BODY), null, 1), SIGNATURE, SECRET)).toBe(false);
    expect(verifyWebhookSignature(`${BODY} `, SIGNATURE, SECRET)).toBe(false);
  });

  it("rejects the wrong secret and an empty secret", () => {
    expect(verifyWebhookSignature(BODY, SIGNATURE, "whsec_other")).toBe(false);
    expect(verifyWebhookSignature(BODY, signWebhookBody(BODY, ""), "")).toBe(false);
  });
});

const KEY = "creem_test_key";
const REDIRECT_SIGNATURE = "67e0cc250d5f14cba78994c97f0fdc699077bffabe19300a52b6be9fd709cf89";
const redirectQuery =
  "request_id=req_123&checkout_id=ch_1&order_id=ord_1&customer_id=cust_1&product_id=prod_1";

describe("redirect signature", () => {
  it("matches the reference test vector from URLSearchParams and from a record", () => {
    expect(computeRedirectSignature(new URLSearchParams(redirectQuery), KEY)).toBe(REDIRECT_SIGNATURE);
    expect(
      computeRedirectSignature(
        {
          request_id: "req_123",
          checkout_id: "ch_1",
          order_id: "ord_1",
          customer_id: "cust_1",
          product_id: "prod_1",
        },
        KEY,
      ),
    ).toBe(REDIRECT_SIGNATURE);
  });

  it("verifies the signature parameter, ignoring it in the signed string", () => {
    const params = new URLSearchParams(`${redirectQuery}&signature=${REDIRECT_SIGNATURE}`);
    expect(computeRedirectSignature(params, KEY)).toBe(REDIRECT_SIGNATURE);
    expect(verifyRedirectSignature(params, KEY)).toBe(true);
    expect(verifyRedirectSignature(Object.fromEntries(params), KEY)).toBe(true);
  });

  it("leaves out empty values", () => {
    const withEmpty = new URLSearchParams(
      `request_id=req_123&checkout_id=ch_1&order_id=ord_1&customer_id=cust_1&subscription_id=&product_id=prod_1`,
    );
    expect(computeRedirectSignature(withEmpty, KEY)).toBe(REDIRECT_SIGNATURE);
  });

  it("depends on parameter order", () => {
    const reordered = new URLSearchParams(
      "checkout_id=ch_1&request_id=req_123&order_id=ord_1&customer_id=cust_1&product_id=prod_1",
    );
    expect(computeRedirectSignature(reordered, KEY)).not.toBe(REDIRECT_SIGNATURE);
    reordered.set("signature", REDIRECT_SIGNATURE);
    expect(verifyRedirectSignature(reordered, KEY)).toBe(false);
  });

  it("rejects tampered values, a wrong key, an empty key and a missing or malformed signature", () => {
    const tampered = new URLSearchParams(`${redirectQuery}&signature=${REDIRECT_SIGNATURE}`);
    tampered.set("product_id", "prod_2");
    expect(verifyRedirectSignature(tampered, KEY)).toBe(false);

    const valid = new URLSearchParams(`${redirectQuery}&signature=${REDIRECT_SIGNATURE}`);
    expect(verifyRedirectSignature(valid, "creem_test_other")).toBe(false);
    expect(verifyRedirectSignature(valid, "")).toBe(false);
    expect(verifyRedirectSignature(new URLSearchParams(redirectQuery), KEY)).toBe(false);
    expect(verifyRedirectSignature(new URLSearchParams(`${redirectQuery}&signature=zz`), KEY)).toBe(false);
  });

  it("accepts an uppercase signature", () => {
    const params = new URLSearchParams(`${redirectQuery}&signature=${REDIRECT_SIGNATURE.toUpperCase()}`);
    expect(verifyRedirectSignature(params, KEY)).toBe(true);
  });
});
