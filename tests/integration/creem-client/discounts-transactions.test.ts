import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCOUNT_CODES, DISCOUNT_IDS, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { buy, expectCreemError, startCreem, type TestCreem } from "./helpers";

let creem: TestCreem;
beforeAll(async () => {
  creem = await startCreem();
});
afterAll(() => creem.close());

describe("discounts", () => {
  it("creates a percentage discount, gets it by id and code, counts redemptions, deletes it", async () => {
    const expiry = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    expiry.setMilliseconds(0);
    const discount = await creem.client.discounts.create({
      name: "Client ten",
      code: "CLIENT10",
      type: "percentage",
      percentage: 10,
      duration: "repeating",
      durationInMonths: 3,
      expiryDate: expiry,
      maxRedemptions: 5,
      appliesToProducts: [PRODUCT_IDS.proMonthly],
    });
    expect(discount).toEqual({
      id: expect.stringMatching(/^dis_/) as unknown,
      mode: "test",
      object: "discount",
      status: "active",
      name: "Client ten",
      code: "CLIENT10",
      type: "percentage",
      percentage: 10,
      expiryDate: expiry,
      maxRedemptions: 5,
      duration: "repeating",
      durationInMonths: 3,
      appliesToProducts: [PRODUCT_IDS.proMonthly],
      redeemCount: 0,
    });
    expect(await creem.client.discounts.get(discount.id)).toEqual(discount);
    expect(await creem.client.discounts.getByCode("CLIENT10")).toEqual(discount);

    const checkout = await creem.client.checkouts.create({
      productId: PRODUCT_IDS.proMonthly,
      discountCode: "CLIENT10",
    });
    expect(checkout.discount).toMatchObject({
      id: discount.id,
      discountCode: "CLIENT10",
      type: "percentage",
      duration: "repeating",
      durationInMonths: 3,
    });
    await creem.control("POST", `/checkouts/${checkout.id}/complete`, { email: "discounted@example.com" });
    expect((await creem.client.discounts.get(discount.id)).redeemCount).toBe(1);

    const deleted = await creem.client.discounts.delete(discount.id);
    expect(deleted).toMatchObject({ id: discount.id, status: "deleted" });
    expect((await creem.client.discounts.get(discount.id)).status).toBe("deleted");
    await expectCreemError(creem.client.discounts.getByCode("CLIENT10"), "not_found", 404);
    await expectCreemError(creem.client.discounts.delete(discount.id), "conflict", 409);
  });

  it("creates a fixed discount with a generated code", async () => {
    const discount = await creem.client.discounts.create({
      name: "Five off",
      type: "fixed",
      amount: 500,
      currency: "USD",
      duration: "once",
      appliesToProducts: [],
    });
    expect(discount).toMatchObject({ type: "fixed", amount: 500, currency: "USD", duration: "once" });
    expect(discount.code).toMatch(/\S+/);
    expect(discount.percentage).toBeUndefined();
    expect((await creem.client.discounts.getByCode(discount.code!)).id).toBe(discount.id);
  });

  it("reads the seeded discounts and maps errors", async () => {
    const launch = await creem.client.discounts.getByCode(DISCOUNT_CODES.launch20);
    expect(launch).toMatchObject({ id: DISCOUNT_IDS.launch20, percentage: 20, duration: "forever" });
    await expectCreemError(creem.client.discounts.get("dis_missing"), "not_found", 404);
    const duplicate = await expectCreemError(
      creem.client.discounts.create({
        name: "Again",
        code: DISCOUNT_CODES.save5,
        type: "percentage",
        percentage: 5,
        duration: "forever",
        appliesToProducts: [],
      }),
      "bad_request",
      400,
    );
    expect(duplicate.messages).toEqual([`Discount code ${DISCOUNT_CODES.save5} already exists`]);
    await expectCreemError(
      creem.client.discounts.create({
        name: "Unknown product",
        type: "percentage",
        percentage: 5,
        duration: "forever",
        appliesToProducts: ["prod_missing"],
      }),
      "not_found",
      404,
    );
  });
});

describe("transactions and refunds", () => {
  it("gets transactions, searches them page by page (newest first) and by order and product", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.proMonthly, "renewing@example.com");
    // Two renewals: three paid transactions for this customer.
    for (let i = 0; i < 2; i++)
      await creem.control("POST", `/subscriptions/${purchase.subscriptionId}/advance`);
    await buy(creem, PRODUCT_IDS.lifetime, "someone-else@example.com");

    const page1 = await creem.client.transactions.search({ customerId: purchase.customerId, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.pagination).toEqual({ totalRecords: 3, totalPages: 2, currentPage: 1, nextPage: 2 });
    const page2 = await creem.client.transactions.search({
      customerId: purchase.customerId,
      pageSize: 2,
      pageNumber: 2,
    });
    expect(page2.items).toHaveLength(1);
    expect(page2.pagination).toEqual({ totalRecords: 3, totalPages: 2, currentPage: 2, prevPage: 1 });

    const all = [...page1.items, ...page2.items];
    const times = all.map((t) => t.createdAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const transaction of all) {
      expect(transaction).toMatchObject({
        object: "transaction",
        mode: "test",
        amount: 1900,
        amountPaid: 1900,
        currency: "USD",
        status: "paid",
        subscription: purchase.subscriptionId,
        customer: purchase.customerId,
      });
      expect(transaction.periodStart).toBeInstanceOf(Date);
      expect(transaction.periodEnd).toBeInstanceOf(Date);
    }

    const first = all.at(-1)!;
    expect(first.order).toBe(purchase.orderId);
    expect(await creem.client.transactions.get(first.id)).toEqual(first);

    const byOrder = await creem.client.transactions.search({ orderId: purchase.orderId });
    expect(byOrder.items.map((t) => t.id)).toEqual([first.id]);
    const lifetime = await creem.client.transactions.search({ productId: PRODUCT_IDS.lifetime });
    expect(lifetime.items).toHaveLength(1);
    expect(lifetime.items[0]).toMatchObject({ amount: 29900, customer: expect.stringMatching(/^cust_/) });
    const everything = await creem.client.transactions.search({ pageSize: 100 });
    // Every transaction of this emulator, including the discounted purchase above.
    expect(everything.pagination?.totalRecords).toBe(everything.items.length);
    expect(everything.items.map((t) => t.id)).toEqual(
      expect.arrayContaining([...all, ...lifetime.items].map((t) => t.id)),
    );

    await expectCreemError(creem.client.transactions.get("tran_missing"), "not_found", 404);
  });

  it("refunds a transaction", async () => {
    const purchase = await buy(creem, PRODUCT_IDS.proMonthly, "refund@example.com");
    const [transaction] = (await creem.client.transactions.search({ orderId: purchase.orderId })).items;
    const result = await creem.client.refunds.create({ transactionId: transaction!.id });
    expect(result.status).toBe("succeeded");
    expect(await creem.client.transactions.get(transaction!.id)).toMatchObject({
      status: "refunded",
      refundedAmount: 1900,
    });
    await expectCreemError(creem.client.refunds.create({ transactionId: transaction!.id }), "conflict", 409);
    await expectCreemError(creem.client.refunds.create({ transactionId: "tran_missing" }), "not_found", 404);
  });
});
