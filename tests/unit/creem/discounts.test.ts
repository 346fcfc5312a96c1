import { describe, expect, it } from "vitest";
import { json, testClient } from "./fake-fetch";
import { discountWire } from "./fixtures";

describe("discounts", () => {
  it("create (percentage): POST /v1/discounts with a snake_case body and an ISO expiry", async () => {
    const { client, calls } = testClient(() => json(discountWire));
    await client.discounts.create({
      name: "Launch",
      code: "LAUNCH",
      type: "percentage",
      percentage: 20,
      expiryDate: new Date("2025-12-31T23:59:59.000Z"),
      maxRedemptions: 100,
      duration: "repeating",
      durationInMonths: 3,
      appliesToProducts: ["prod_1"],
    });
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/discounts");
    expect(calls[0]?.body).toEqual({
      name: "Launch",
      code: "LAUNCH",
      type: "percentage",
      percentage: 20,
      expiry_date: "2025-12-31T23:59:59.000Z",
      max_redemptions: 100,
      duration: "repeating",
      duration_in_months: 3,
      applies_to_products: ["prod_1"],
    });
  });

  it("create (fixed): sends amount and currency, not percentage", async () => {
    const { client, calls } = testClient(() =>
      json({ ...discountWire, type: "fixed", amount: 500, currency: "EUR" }),
    );
    const discount = await client.discounts.create({
      name: "Five off",
      type: "fixed",
      amount: 500,
      currency: "EUR",
      duration: "once",
      appliesToProducts: ["prod_1", "prod_2"],
    });
    expect(calls[0]?.body).toEqual({
      name: "Five off",
      type: "fixed",
      amount: 500,
      currency: "EUR",
      duration: "once",
      applies_to_products: ["prod_1", "prod_2"],
    });
    expect(discount.amount).toBe(500);
  });

  it("get: GET /v1/discounts?discount_id= and maps the discount", async () => {
    const { client, calls } = testClient(() => json(discountWire));
    const discount = await client.discounts.get("dis_1");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/discounts");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ discount_id: "dis_1" });
    expect(discount).toEqual({
      id: "dis_1",
      mode: "test",
      object: "discount",
      status: "active",
      name: "Launch",
      code: "LAUNCH",
      type: "percentage",
      percentage: 20,
      expiryDate: new Date("2025-12-31T23:59:59.000Z"),
      maxRedemptions: 100,
      duration: "repeating",
      durationInMonths: 3,
      appliesToProducts: ["prod_1"],
      redeemCount: 7,
    });
  });

  it("getByCode: GET /v1/discounts?discount_code=", async () => {
    const { client, calls } = testClient(() => json(discountWire));
    await client.discounts.getByCode("LAUNCH");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ discount_code: "LAUNCH" });
  });

  it("delete: DELETE /v1/discounts/{id}/delete", async () => {
    const { client, calls } = testClient(() => json({ ...discountWire, status: "deleted" }));
    const discount = await client.discounts.delete("dis_1");
    expect(calls[0]?.method).toBe("DELETE");
    expect(calls[0]?.url.pathname).toBe("/v1/discounts/dis_1/delete");
    expect(calls[0]?.body).toBeUndefined();
    expect(discount.status).toBe("deleted");
  });
});
