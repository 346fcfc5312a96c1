import { describe, expect, it } from "vitest";
import { json, testClient } from "./fake-fetch";
import { customerWire, pagination } from "./fixtures";

describe("customers", () => {
  it("get: GET /v1/customers?customer_id= and maps the customer", async () => {
    const { client, calls } = testClient(() => json(customerWire));
    const customer = await client.customers.get("cust_1");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/customers");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ customer_id: "cust_1" });
    expect(customer).toEqual({
      id: "cust_1",
      mode: "test",
      object: "customer",
      email: "buyer@example.com",
      name: "Buyer",
      country: "DE",
      metadata: { user_id: "user_42" },
      createdAt: new Date("2025-01-01T10:00:00.000Z"),
      updatedAt: new Date("2025-01-01T11:00:00.000Z"),
    });
  });

  it("getByEmail: GET /v1/customers?email= with the address encoded", async () => {
    const { client, calls } = testClient(() => json({ ...customerWire, country: null, name: null }));
    const customer = await client.customers.getByEmail("a+b@example.com");
    expect(calls[0]?.url.searchParams.get("email")).toBe("a+b@example.com");
    expect(calls[0]?.url.search).toBe("?email=a%2Bb%40example.com");
    expect(customer.country).toBeNull();
    expect(customer.name).toBeNull();
  });

  it("list: GET /v1/customers/list with page parameters", async () => {
    const { client, calls } = testClient(() =>
      json({ items: [customerWire], pagination: { ...pagination, next_page: 2 } }),
    );
    const page = await client.customers.list({ pageNumber: 1, pageSize: 50 });
    expect(calls[0]?.url.pathname).toBe("/v1/customers/list");
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      page_number: "1",
      page_size: "50",
    });
    expect(page.items[0]?.email).toBe("buyer@example.com");
    expect(page.pagination?.nextPage).toBe(2);
  });

  it("createBillingPortalLink: POST /v1/customers/billing {customer_id}", async () => {
    const link = "https://creem.io/my-orders/login/abc";
    const { client, calls } = testClient(() => json({ customer_portal_link: link }));
    const result = await client.customers.createBillingPortalLink("cust_1");
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/customers/billing");
    expect(calls[0]?.body).toEqual({ customer_id: "cust_1" });
    expect(result).toEqual({ customerPortalLink: link });
  });

  it("createBillingPortalLink: a response without the link is an invalid response", async () => {
    const { client } = testClient(() => json({ url: "x" }));
    await expect(client.customers.createBillingPortalLink("cust_1")).rejects.toMatchObject({
      code: "invalid_response",
      status: 200,
    });
  });
});
