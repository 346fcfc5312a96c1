import { describe, expect, it } from "vitest";
import { json, TEST_KEY, testClient } from "./fake-fetch";
import { licenseWire } from "./fixtures";

describe("licenses", () => {
  it("activate: POST /v1/licenses/activate {key, instance_name} with x-api-key; maps the new instance", async () => {
    const { client, calls } = testClient(() => json(licenseWire));
    const license = await client.licenses.activate({ key: "ABC-123", instanceName: "laptop" });
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/v1/licenses/activate");
    expect(calls[0]?.headers.get("x-api-key")).toBe(TEST_KEY);
    expect(calls[0]?.body).toEqual({ key: "ABC-123", instance_name: "laptop" });
    expect(license).toEqual({
      id: "lic_1",
      mode: "test",
      object: "license",
      productId: "prod_1",
      status: "active",
      key: "ABC-123",
      activation: 1,
      activationLimit: null,
      expiresAt: null,
      createdAt: new Date("2025-01-01T10:00:00.000Z"),
      instance: {
        id: "inst_1",
        mode: "test",
        object: "license-instance",
        name: "laptop",
        status: "active",
        createdAt: new Date("2025-01-03T10:00:00.000Z"),
      },
    });
  });

  it("validate: POST /v1/licenses/validate {key, instance_id}", async () => {
    const { client, calls } = testClient(() =>
      json({ ...licenseWire, activation_limit: 3, expires_at: "2026-01-01T00:00:00.000Z" }),
    );
    const license = await client.licenses.validate({ key: "ABC-123", instanceId: "inst_1" });
    expect(calls[0]?.url.pathname).toBe("/v1/licenses/validate");
    expect(calls[0]?.body).toEqual({ key: "ABC-123", instance_id: "inst_1" });
    expect(license.activationLimit).toBe(3);
    expect(license.expiresAt).toEqual(new Date("2026-01-01T00:00:00.000Z"));
  });

  it("deactivate: POST /v1/licenses/deactivate {key, instance_id}; instance deactivated", async () => {
    const { client, calls } = testClient(() =>
      json({ ...licenseWire, activation: 0, instance: { ...licenseWire.instance, status: "deactivated" } }),
    );
    const license = await client.licenses.deactivate({ key: "ABC-123", instanceId: "inst_1" });
    expect(calls[0]?.url.pathname).toBe("/v1/licenses/deactivate");
    expect(calls[0]?.body).toEqual({ key: "ABC-123", instance_id: "inst_1" });
    expect(license.instance?.status).toBe("deactivated");
  });

  it("tolerates a null instance", async () => {
    const { client } = testClient(() => json({ ...licenseWire, instance: null }));
    const license = await client.licenses.validate({ key: "ABC-123", instanceId: "inst_1" });
    expect(license.instance).toBeNull();
  });
});

describe("license instances", () => {
  it("instances: GET /v1/licenses/{id}/instances with paging; maps each instance", async () => {
    const { client, calls } = testClient(() =>
      json({
        items: [licenseWire.instance],
        pagination: { total_records: 1, total_pages: 1, current_page: 1 },
      }),
    );
    const page = await client.licenses.instances("lic_1", { pageSize: 50 });
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.url.pathname).toBe("/v1/licenses/lic_1/instances");
    expect(calls[0]?.url.searchParams.get("page_size")).toBe("50");
    expect(page.items).toEqual([
      {
        id: "inst_1",
        mode: "test",
        object: "license-instance",
        name: "laptop",
        status: "active",
        createdAt: new Date("2025-01-03T10:00:00.000Z"),
      },
    ]);
  });

  it("refuses an empty license id before calling CREEM", async () => {
    const { client, calls } = testClient(() => json({ items: [] }));
    await expect(client.licenses.instances(" ")).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});
