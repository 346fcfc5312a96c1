import { describe, expect, it } from "vitest";
import { json, testClient } from "./fake-fetch";
import { refundWire } from "./fixtures";

describe("refunds.create", () => {
  it("POSTs /v1/refunds {transaction_id} and returns the status", async () => {
    const { client, calls } = testClient(() => json({ status: "pending" }));
    const result = await client.refunds.create({ transactionId: "tran_1" });
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/refunds");
    expect(calls[0]?.body).toEqual({ transaction_id: "tran_1" });
    expect(result).toEqual({ status: "pending" });
  });

  it("reads the refund id and amount when CREEM returns the whole refund", async () => {
    const { client } = testClient(() => json(refundWire));
    const result = await client.refunds.create({ transactionId: "tran_1" });
    expect(result).toEqual({ status: "succeeded", id: "ref_1", refundAmount: 2261, refundCurrency: "USD" });
  });

  it("treats a response without a status as invalid", async () => {
    const { client } = testClient(() => json({ ok: true }));
    await expect(client.refunds.create({ transactionId: "tran_1" })).rejects.toMatchObject({
      code: "invalid_response",
    });
  });
});
