// License keys as a license API built on the local CREEM sees them: every answer parsed by the official
// SDK, every error with CREEM's body and status, and the control API that puts a key in a given state.
import type { Creem } from "creem";
import { CreemError } from "creem/models/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LIFETIME_ACTIVATION_LIMIT, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, buy, control, sdkFor, startTestEmulator, type Emulator } from "./helpers";

let emulator: Emulator;
let creem: Creem;

beforeAll(async () => {
  emulator = await startTestEmulator();
  creem = sdkFor(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.reset());

interface ErrorBody {
  trace_id: string;
  status: number;
  error: string;
  message: string[];
  timestamp: number;
}

/** The call fails with CREEM's error body: that status, its reason phrase and exactly these messages. */
async function expectCreemError(call: Promise<unknown>, status: number, error: string, message: string) {
  try {
    await call;
  } catch (thrown) {
    if (!(thrown instanceof CreemError)) throw thrown;
    expect(thrown.statusCode).toBe(status);
    const body = JSON.parse(thrown.body) as ErrorBody;
    expect(Object.keys(body).sort()).toEqual(["error", "message", "status", "timestamp", "trace_id"]);
    expect(body).toMatchObject({ status, error, message: [message] });
    return;
  }
  throw new Error("expected the call to fail");
}

async function lifetimeLicense(email = "keys@example.com") {
  const { orderId } = await buy(emulator, PRODUCT_IDS.lifetime, email);
  const license = Object.values(emulator.store.state.licenses).find((l) => l.order_id === orderId)!;
  const transactionId = emulator.store.state.orders[orderId]?.transaction_id ?? "";
  return { key: license.key, id: license.id, transactionId };
}

interface LicenseSummary {
  id: string;
  key: string;
  status: string;
  activation: number;
  activation_limit: number | null;
  expires_at: string | null;
  customer_email: string | null;
  instances: Array<{ name: string; status: string }>;
}

describe("activate, validate, deactivate", () => {
  it("counts active instances, answers with the instance, and enforces the activation limit (403)", async () => {
    const { key } = await lifetimeLicense();
    const first = await creem.licenses.activate({ key, instanceName: "laptop" });
    expect(first).toMatchObject({
      object: "license",
      status: "active",
      activation: 1,
      activationLimit: LIFETIME_ACTIVATION_LIMIT,
      expiresAt: null,
      instance: { object: "license-instance", name: "laptop", status: "active" },
    });
    expect(first.instance?.id).toMatch(/^inst_/);
    await creem.licenses.activate({ key, instanceName: "desktop" });
    const third = await creem.licenses.activate({ key, instanceName: "tablet" });
    expect(third.activation).toBe(3);
    await expectCreemError(
      creem.licenses.activate({ key, instanceName: "phone" }),
      403,
      "Forbidden",
      "Activation limit of 3 reached",
    );
    expect((await creem.licenses.validate({ key, instanceId: first.instance!.id })).activation).toBe(3);

    const released = await creem.licenses.deactivate({ key, instanceId: first.instance!.id });
    expect(released).toMatchObject({ activation: 2, status: "active", instance: { status: "deactivated" } });
    // A deactivated instance still validates, reported as deactivated; its slot is free again.
    const stale = await creem.licenses.validate({ key, instanceId: first.instance!.id });
    expect(stale.instance).toMatchObject({ id: first.instance!.id, status: "deactivated" });
    expect((await creem.licenses.activate({ key, instanceName: "phone" })).activation).toBe(3);
  });

  it("goes back to inactive when the last instance is deactivated; 409 on a second deactivation", async () => {
    const { key } = await lifetimeLicense();
    const { instance } = await creem.licenses.activate({ key, instanceName: "only" });
    const done = await creem.licenses.deactivate({ key, instanceId: instance!.id });
    expect(done).toMatchObject({ status: "inactive", activation: 0 });
    await expectCreemError(
      creem.licenses.deactivate({ key, instanceId: instance!.id }),
      409,
      "Conflict",
      "License instance is already deactivated",
    );
  });

  it("answers 404 for an unknown key, an unknown instance and another key's instance", async () => {
    const mine = await lifetimeLicense("mine@example.com");
    const theirs = await lifetimeLicense("theirs@example.com");
    const { instance } = await creem.licenses.activate({ key: theirs.key, instanceName: "theirs" });
    const unknownKey = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE";
    await expectCreemError(
      creem.licenses.activate({ key: unknownKey, instanceName: "x" }),
      404,
      "Not Found",
      "License key not found",
    );
    await expectCreemError(
      creem.licenses.validate({ key: unknownKey, instanceId: instance!.id }),
      404,
      "Not Found",
      "License key not found",
    );
    await expectCreemError(
      creem.licenses.validate({ key: mine.key, instanceId: "inst_missing" }),
      404,
      "Not Found",
      "License instance not found",
    );
    await expectCreemError(
      creem.licenses.deactivate({ key: mine.key, instanceId: instance!.id }),
      404,
      "Not Found",
      "License instance not found",
    );
  });

  it("validates input with 400", async () => {
    const missing = await api<ErrorBody>(emulator, "POST", "/v1/licenses/activate", { key: "K" });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(["instance_name must be a string"]);
    const empty = await api<ErrorBody>(emulator, "POST", "/v1/licenses/validate", {
      key: "",
      instance_id: "i",
    });
    expect(empty.body.message).toEqual(["key should not be empty"]);
  });
});

describe("revoked and expired keys", () => {
  it("a full refund of the one-time order disables its key: 410 on activate, validate and deactivate", async () => {
    const { key, transactionId } = await lifetimeLicense();
    const { instance } = await creem.licenses.activate({ key, instanceName: "laptop" });
    await creem.transactions.refund({ transactionId });
    const listed = await creem.customers.listLicenses(emulator.store.licenseByKey(key)!.customer_id);
    expect(listed.items[0]?.status).toBe("disabled");
    for (const call of [
      creem.licenses.activate({ key, instanceName: "desktop" }),
      creem.licenses.validate({ key, instanceId: instance!.id }),
      creem.licenses.deactivate({ key, instanceId: instance!.id }),
    ]) {
      await expectCreemError(call, 410, "Gone", "License key has been revoked");
    }
  });

  it("control: revoke a key", async () => {
    const { key, id } = await lifetimeLicense();
    const { instance } = await creem.licenses.activate({ key, instanceName: "laptop" });
    const revoked = await control<LicenseSummary>(emulator, "POST", `/licenses/${id}/revoke`);
    expect(revoked.body).toMatchObject({
      id,
      key,
      status: "disabled",
      activation: 1,
      customer_email: "keys@example.com",
    });
    await expectCreemError(
      creem.licenses.validate({ key, instanceId: instance!.id }),
      410,
      "Gone",
      "License key has been revoked",
    );
  });

  it("control: expire a key now, at a date, or never", async () => {
    const { key } = await lifetimeLicense();
    const { instance } = await creem.licenses.activate({ key, instanceName: "laptop" });
    const expired = await control<LicenseSummary>(emulator, "POST", `/licenses/${key}/expire`);
    expect(expired.body.status).toBe("expired");
    expect(Date.parse(expired.body.expires_at ?? "")).toBeLessThan(Date.now());
    await expectCreemError(
      creem.licenses.validate({ key, instanceId: instance!.id }),
      410,
      "Gone",
      "License key has expired",
    );
    await expectCreemError(
      creem.licenses.activate({ key, instanceName: "x" }),
      410,
      "Gone",
      "License key has expired",
    );
    expect((await api(emulator, "GET", `/v1/licenses/${key}/instances`)).status).toBe(200);

    const later = await control<LicenseSummary>(emulator, "POST", `/licenses/${key}/expire`, {
      expires_at: "2099-01-01T00:00:00+02:00",
    });
    expect(later.body).toMatchObject({ status: "active", expires_at: "2098-12-31T22:00:00.000Z" });
    const valid = await creem.licenses.validate({ key, instanceId: instance!.id });
    expect(valid.expiresAt).toEqual(new Date("2098-12-31T22:00:00.000Z"));

    const never = await control<LicenseSummary>(emulator, "POST", `/licenses/${key}/expire`, {
      expires_at: null,
    });
    expect(never.body).toMatchObject({ status: "active", expires_at: null });
    expect((await control(emulator, "POST", `/licenses/${key}/expire`, { expires_at: "soon" })).status).toBe(
      400,
    );
  });

  it("control: set the activation limit; active instances above a lowered limit stay", async () => {
    const { key, id } = await lifetimeLicense();
    const a = await creem.licenses.activate({ key, instanceName: "a" });
    await creem.licenses.activate({ key, instanceName: "b" });
    const lowered = await control<LicenseSummary>(emulator, "POST", `/licenses/${id}/limit`, {
      activation_limit: 1,
    });
    expect(lowered.body).toMatchObject({ activation: 2, activation_limit: 1 });
    expect((await creem.licenses.validate({ key, instanceId: a.instance!.id })).activationLimit).toBe(1);
    await expectCreemError(
      creem.licenses.activate({ key, instanceName: "c" }),
      403,
      "Forbidden",
      "Activation limit of 1 reached",
    );

    const unlimited = await control<LicenseSummary>(emulator, "POST", `/licenses/${id}/limit`, {
      activation_limit: null,
    });
    expect(unlimited.body.activation_limit).toBeNull();
    for (const name of ["c", "d", "e", "f"]) await creem.licenses.activate({ key, instanceName: name });
    expect((await creem.licenses.listInstances(id, 1, 100)).result.items).toHaveLength(6);

    expect((await control(emulator, "POST", `/licenses/${id}/limit`, { activation_limit: 0 })).status).toBe(
      400,
    );
    expect((await control(emulator, "POST", `/licenses/${id}/limit`, {})).status).toBe(400);
    expect(
      (await control(emulator, "POST", "/licenses/lic_missing/limit", { activation_limit: 2 })).status,
    ).toBe(404);
  });

  it("control: lists licenses with their instances, optionally for one customer", async () => {
    const mine = await lifetimeLicense("list-a@example.com");
    await lifetimeLicense("list-b@example.com");
    await creem.licenses.activate({ key: mine.key, instanceName: "laptop" });
    const all = await control<{ items: LicenseSummary[] }>(emulator, "GET", "/licenses");
    expect(all.body.items).toHaveLength(2);
    const one = await control<{ items: LicenseSummary[] }>(
      emulator,
      "GET",
      "/licenses?customer_email=LIST-A@example.com",
    );
    expect(one.body.items).toEqual([
      expect.objectContaining({
        key: mine.key,
        status: "active",
        instances: [expect.objectContaining({ name: "laptop" })],
      }),
    ]);
    const nobody = await control<{ items: LicenseSummary[] }>(
      emulator,
      "GET",
      "/licenses?customer_email=x@y.z",
    );
    expect(nobody.body.items).toEqual([]);
  });
});
