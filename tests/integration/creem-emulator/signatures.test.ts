import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PRODUCT_IDS,
  signedSuccessUrl,
  successUrlSignature,
  webhookSignature,
} from "../../../creem-emulator/src/index";
import { API_KEY, buy, startTestEmulator, type Emulator } from "./helpers";

describe("signature test vectors from the CREEM reference", () => {
  it("signs a webhook body as lowercase hex HMAC-SHA256 with the secret", () => {
    const body =
      '{"id":"evt_test","eventType":"checkout.completed","created_at":1728734325927,"object":{"id":"ch_test","object":"checkout"}}';
    expect(webhookSignature(body, "whsec_test_secret")).toBe(
      "905165f97d0851a7efa4aee92053b500f47d32a2b81f85cca0211d1f4745d230",
    );
  });

  it("signs return params as SHA-256 of k=v|...|salt=<api key>", () => {
    const params = [
      ["request_id", "req_123"],
      ["checkout_id", "ch_1"],
      ["order_id", "ord_1"],
      ["customer_id", "cust_1"],
      ["product_id", "prod_1"],
    ] as const;
    const expected = "67e0cc250d5f14cba78994c97f0fdc699077bffabe19300a52b6be9fd709cf89";
    expect(successUrlSignature(params, "creem_test_key")).toBe(expected);
    // Empty values are left out of the signed string.
    expect(successUrlSignature([...params, ["subscription_id", ""]], "creem_test_key")).toBe(expected);

    const url = signedSuccessUrl(
      "https://app.example.com/done?from=creem",
      {
        request_id: "req_123",
        checkout_id: "ch_1",
        order_id: "ord_1",
        customer_id: "cust_1",
        product_id: "prod_1",
      },
      "creem_test_key",
    );
    expect(url).toBe(
      "https://app.example.com/done?from=creem&request_id=req_123&checkout_id=ch_1&order_id=ord_1&customer_id=cust_1&product_id=prod_1&signature=" +
        expected,
    );
  });
});

describe("the return URL after a real checkout", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it("carries the params in the documented order with a signature an app can recompute", async () => {
    const { location } = await buy(emulator, PRODUCT_IDS.proMonthly, "sig@example.com", {
      request_id: "req_sig",
    });
    const url = new URL(location);
    const keys = [...url.searchParams.keys()];
    expect(keys).toEqual([
      "request_id",
      "checkout_id",
      "order_id",
      "customer_id",
      "subscription_id",
      "product_id",
      "signature",
    ]);
    const signed = [...url.searchParams].filter(([k]) => k !== "signature").map(([k, v]) => `${k}=${v}`);
    const recomputed = createHash("sha256")
      .update([...signed, `salt=${API_KEY}`].join("|"))
      .digest("hex");
    expect(url.searchParams.get("signature")).toBe(recomputed);
  });

  it("leaves out request_id and subscription_id when absent (one-time purchase)", async () => {
    const { location } = await buy(emulator, PRODUCT_IDS.lifetime, "sig-once@example.com");
    expect([...new URL(location).searchParams.keys()]).toEqual([
      "checkout_id",
      "order_id",
      "customer_id",
      "product_id",
      "signature",
    ]);
  });
});
