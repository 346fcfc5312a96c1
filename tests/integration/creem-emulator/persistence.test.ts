import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, buy, control, startTestEmulator } from "./helpers";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "creem-emulator-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("persistence", () => {
  it("keeps customers, subscriptions and events across a restart", async () => {
    const dataFile = path.join(dir, "state", "creem.json");
    const first = await startTestEmulator({ dataFile });
    const { subscriptionId, customerId } = await buy(first, PRODUCT_IDS.proMonthly, "persist@example.com");
    await control(first, "POST", `/subscriptions/${subscriptionId}/advance`, {});
    await first.close();

    expect(readdirSync(path.dirname(dataFile))).toEqual(["creem.json"]);
    const saved = JSON.parse(readFileSync(dataFile, "utf8")) as { version: number; events: unknown[] };
    expect(saved.version).toBe(1);
    expect(saved.events).toHaveLength(4);

    const second = await startTestEmulator({ dataFile });
    try {
      const subscription = await api(second, "GET", `/v1/subscriptions?subscription_id=${subscriptionId}`);
      expect(subscription.status).toBe(200);
      expect(subscription.body).toMatchObject({ status: "active", customer: { id: customerId } });
      const events = await control<{ items: unknown[] }>(second, "GET", "/events");
      expect(events.body.items).toHaveLength(4);
      const customer = await api(second, "GET", "/v1/customers?email=persist@example.com");
      expect(customer.body).toMatchObject({ id: customerId });
    } finally {
      await second.close();
    }
  });

  it("writes through on every change, so a reset is persisted too", async () => {
    const dataFile = path.join(dir, "creem.json");
    const emulator = await startTestEmulator({ dataFile });
    try {
      await buy(emulator, PRODUCT_IDS.lifetime, "write@example.com");
      const afterPurchase = JSON.parse(readFileSync(dataFile, "utf8")) as { customers: object };
      expect(Object.keys(afterPurchase.customers)).toHaveLength(1);
      await control(emulator, "POST", "/reset");
      const afterReset = JSON.parse(readFileSync(dataFile, "utf8")) as {
        customers: object;
        products: object;
      };
      expect(afterReset.customers).toEqual({});
      expect(Object.keys(afterReset.products)).toHaveLength(7);
    } finally {
      await emulator.close();
    }
  });

  it("starts empty again without a data file", async () => {
    const emulator = await startTestEmulator();
    await buy(emulator, PRODUCT_IDS.lifetime, "memory@example.com");
    expect(emulator.store.dataFile).toBeUndefined();
    await emulator.close();
    const fresh = await startTestEmulator();
    expect(fresh.store.state.customers).toEqual({});
    await fresh.close();
  });
});
