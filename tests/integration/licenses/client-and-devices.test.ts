import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main as cli } from "@/examples/license-client/cli";
import { LicenseClient, LicenseError } from "@/examples/license-client/license-client";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { form, newUser, setUpBillingActions, signInAs } from "../billing-actions/support";
import { APP, appFetch, lifetimeBuyer, loadRoutes, type Routes } from "./support";

// The example client against the app's license routes (in-process) and the local CREEM: two devices
// activate, both show on the billing page, the owner deactivates one there (nobody else can), and that
// device's next validate fails with instance_deactivated while the other keeps working, offline too.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();
let routes: Routes;
const dir = mkdtempSync(path.join(os.tmpdir(), "license-client-"));

beforeAll(async () => {
  routes = await loadRoutes();
});
beforeEach(async () => {
  await db.rateLimit.deleteMany({ where: { rule: { startsWith: "license-api" } } });
});

const client = (name: string, fetch: typeof globalThis.fetch = appFetch(routes)) =>
  new LicenseClient({ server: APP, stateFile: path.join(dir, `${name}.json`), fetch });

describe("examples/license-client with device management on the billing page", () => {
  it("activate twice, list both, deactivate one from the billing page, its next validate fails", async () => {
    const { user, license } = await lifetimeBuyer(db, h.creem);
    const laptop = client("laptop");
    const desktop = client("desktop");
    await laptop.activate(license.key, "Laptop");
    const desktopState = await desktop.activate(license.key, "Desktop");

    const offline = await laptop.verifyOffline();
    expect(offline.ok && offline.payload).toMatchObject({ lid: license.id, plan: "lifetime" });
    expect(await cli(["verify", "--state", path.join(dir, "laptop.json"), "--server", APP], () => {})).toBe(
      0,
    );

    const { getBillingAccount } = await import("@/lib/billing/account/queries");
    const workspaceId = await personalWorkspaceId(db, user.id);
    const [view] = (await getBillingAccount(workspaceId, new Date(), { refreshLicenses: true })).licenseKeys;
    expect(view).toMatchObject({ activations: "2 of 3 devices" });
    expect(view!.devices.map((d) => d.name)).toEqual(["Laptop", "Desktop"]);

    // Someone else cannot deactivate it, and CREEM is not asked.
    const stranger = await newUser(db, "stranger");
    signInAs(stranger);
    const mark = h.creem.requests.length;
    const refused = await h.actions.deactivateDeviceAction(
      {},
      form({ licenseId: license.id, instanceId: desktopState.instanceId }),
    );
    expect(refused.error).toBe("That device is not one of your licenses' devices.");
    expect(h.creem.since(mark)).toEqual([]);

    signInAs(user);
    const done = await h.actions.deactivateDeviceAction(
      {},
      form({ licenseId: license.id, instanceId: desktopState.instanceId }),
    );
    expect(done).toEqual({ success: "“Desktop” was deactivated. It can no longer use this license." });
    const [after] = (await getBillingAccount(workspaceId, new Date(), { refreshLicenses: true })).licenseKeys;
    expect(after).toMatchObject({ activations: "1 of 3 devices" });
    expect(after!.devices.map((d) => d.name)).toEqual(["Laptop"]);

    const error = await desktop.validate().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LicenseError);
    expect(error).toMatchObject({ code: "instance_deactivated", status: 409 });
    expect((await laptop.validate()).ok).toBe(true);

    // The server is unreachable: the stored token still counts.
    const unreachable = client("laptop", () => Promise.reject(new TypeError("fetch failed")));
    const fallback = await new LicenseClient({
      server: APP,
      stateFile: path.join(dir, "laptop.json"),
      fetch: () => Promise.reject(new TypeError("fetch failed")),
      refreshBeforeSeconds: 10 * 365 * 86400,
    }).check();
    expect(fallback.ok).toBe(true);
    expect((await unreachable.verifyOffline()).ok).toBe(true);

    await laptop.deactivate();
    expect(existsSync(path.join(dir, "laptop.json"))).toBe(false);
    expect(await db.licenseInstance.count({ where: { licenseId: license.id, status: "active" } })).toBe(0);
  });

  it("a token signed with an unknown key is not accepted offline", async () => {
    const { license } = await lifetimeBuyer(db, h.creem);
    const device = new LicenseClient({
      server: APP,
      stateFile: path.join(dir, "pinned.json"),
      fetch: appFetch(routes),
      publicKeys: {
        keys: [
          { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", kid: "other" },
        ],
      },
    });
    await device.activate(license.key, "Pinned");
    expect(await device.verifyOffline()).toEqual({ ok: false, reason: "unknown_kid" });
  });
});
