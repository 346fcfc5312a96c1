import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIFETIME_ACTIVATION_LIMIT, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { buy, expectCreemError, startCreem, type TestCreem } from "./helpers";

let creem: TestCreem;
beforeAll(async () => {
  creem = await startCreem();
});
afterAll(() => creem.close());

/** Buys the lifetime product and returns its license key and the paid transaction. */
async function buyLicense(email: string) {
  const purchase = await buy(creem, PRODUCT_IDS.lifetime, email);
  const checkout = await creem.client.checkouts.get(purchase.checkoutId);
  const key = checkout.licenseKeys?.[0]?.key;
  if (!key) throw new Error("the lifetime checkout has no license key");
  const order = checkout.order;
  if (typeof order !== "object" || !order.transaction) throw new Error("expected an expanded order");
  return { key, transactionId: order.transaction };
}

describe("licenses", () => {
  it("activates up to the limit, validates, deactivates, and maps 403/404/409", async () => {
    const { key } = await buyLicense("licenses@example.com");

    const activated = await creem.client.licenses.activate({ key, instanceName: "laptop" });
    expect(activated).toMatchObject({
      object: "license",
      mode: "test",
      productId: PRODUCT_IDS.lifetime,
      status: "active",
      key,
      activation: 1,
      activationLimit: LIFETIME_ACTIVATION_LIMIT,
      expiresAt: null,
      instance: { object: "license-instance", name: "laptop", status: "active" },
    });
    expect(activated.createdAt).toBeInstanceOf(Date);
    const instance = activated.instance;
    if (!instance) throw new Error("no instance");
    expect(instance.id).toEqual(expect.any(String));
    expect(instance.createdAt).toBeInstanceOf(Date);

    const validated = await creem.client.licenses.validate({ key, instanceId: instance.id });
    expect(validated).toMatchObject({ status: "active", activation: 1, instance: { id: instance.id } });

    await creem.client.licenses.activate({ key, instanceName: "desktop" });
    const third = await creem.client.licenses.activate({ key, instanceName: "server" });
    expect(third.activation).toBe(LIFETIME_ACTIVATION_LIMIT);

    const limit = await expectCreemError(
      creem.client.licenses.activate({ key, instanceName: "one too many" }),
      "forbidden",
      403,
    );
    expect(limit.userMessage).toBe("This license key has reached its activation limit.");
    expect(limit.messages).toEqual([`Activation limit of ${LIFETIME_ACTIVATION_LIMIT} reached`]);

    const deactivated = await creem.client.licenses.deactivate({ key, instanceId: instance.id });
    expect(deactivated).toMatchObject({
      activation: LIFETIME_ACTIVATION_LIMIT - 1,
      instance: { id: instance.id, status: "deactivated" },
    });
    // The freed slot can be used again.
    await creem.client.licenses.activate({ key, instanceName: "new laptop" });

    const again = await expectCreemError(
      creem.client.licenses.deactivate({ key, instanceId: instance.id }),
      "conflict",
      409,
    );
    expect(again.userMessage).toBe("This activation has already been deactivated.");

    const unknownInstance = await expectCreemError(
      creem.client.licenses.validate({ key, instanceId: "inst_missing" }),
      "not_found",
      404,
    );
    expect(unknownInstance.userMessage).toBe("This license key or activation was not found.");
    await expectCreemError(
      creem.client.licenses.activate({ key: "NOT-A-REAL-KEY", instanceName: "x" }),
      "not_found",
      404,
    );
  });

  it("maps a revoked key (refunded order) to gone (410)", async () => {
    const { key, transactionId } = await buyLicense("revoked@example.com");
    const { instance } = await creem.client.licenses.activate({ key, instanceName: "laptop" });
    expect(await creem.client.refunds.create({ transactionId })).toMatchObject({ status: "succeeded" });

    for (const call of [
      creem.client.licenses.activate({ key, instanceName: "desktop" }),
      creem.client.licenses.validate({ key, instanceId: instance!.id }),
      creem.client.licenses.deactivate({ key, instanceId: instance!.id }),
    ]) {
      const error = await expectCreemError(call, "gone", 410);
      expect(error.userMessage).toBe("This license key has been revoked or has expired.");
    }
  });

  it("rejects empty input before sending anything", async () => {
    await expect(creem.client.licenses.activate({ key: "", instanceName: "x" })).rejects.toThrow(TypeError);
    await expect(creem.client.licenses.validate({ key: "k", instanceId: " " })).rejects.toThrow(TypeError);
  });
});
