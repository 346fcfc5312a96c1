import { describe, expect, it } from "vitest";
import { json, testClient } from "./fake-fetch";
import { pagination, transactionWire } from "./fixtures";

describe("transactions", () => {
  it("get: GET /v1/transactions?transaction_id= and converts epoch-ms timestamps", async () => {
    const { client, calls } = testClient(() => json(transactionWire));
    const tx = await client.transactions.get("tran_1");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/transactions");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ transaction_id: "tran_1" });
    expect(tx).toEqual({
      id: "tran_1",
      mode: "test",
      object: "transaction",
      amount: 1900,
      amountPaid: 2261,
      discountAmount: 0,
      currency: "USD",
      type: "invoice",
      taxCountry: "DE",
      taxAmount: 361,
      status: "paid",
      refundedAmount: undefined,
      order: "ord_1",
      subscription: "sub_1",
      customer: "cust_1",
      description: "Subscription payment",
      periodStart: new Date(1735725600000),
      periodEnd: new Date(1738404000000),
      createdAt: new Date(1735725600000),
    });
  });

  it("search: GET /v1/transactions/search with filters and pagination", async () => {
    const { client, calls } = testClient(() =>
      json({
        items: [transactionWire, { ...transactionWire, id: "tran_2", status: "refunded" }],
        pagination,
      }),
    );
    const page = await client.transactions.search({
      customerId: "cust_1",
      orderId: "ord_1",
      productId: "prod_1",
      pageNumber: 3,
      pageSize: 20,
    });
    expect(calls[0]?.url.pathname).toBe("/v1/transactions/search");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      customer_id: "cust_1",
      order_id: "ord_1",
      product_id: "prod_1",
      page_number: "3",
      page_size: "20",
    });
    expect(page.items.map((t) => [t.id, t.status])).toEqual([
      ["tran_1", "paid"],
      ["tran_2", "refunded"],
    ]);
    expect(page.pagination?.totalRecords).toBe(2);
  });

  it("search: only the given filters are sent", async () => {
    const { client, calls } = testClient(() => json({ items: [], pagination }));
    await client.transactions.search({ customerId: "cust_1" });
    expect(calls[0]?.url.search).toBe("?customer_id=cust_1");
  });
});
