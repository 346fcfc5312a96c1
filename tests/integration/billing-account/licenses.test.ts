import { describe, expect, it, vi } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { createCreemClient } from "@/lib/creem";
import { syncCheckout } from "@/lib/billing/webhooks/sync";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { API_KEY, newUser, setUpBillingActions, subscribe } from "../billing-actions/support";

// License status and activations follow the local CREEM when the billing page loads; when CREEM does not
// answer, the stored values are shown "as of" their time. And a paused subscription is found to resume.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();

async function lifetimeBuyer() {
  const user = await newUser(db, "licenses");
  const checkout = await h.creem.client.checkouts.create({
    productId: PRODUCT_IDS.lifetime,
    customer: { email: user.email },
  });
  await h.creem.control("POST", `/checkouts/${checkout.id}/complete`, { email: user.email });
  await syncCheckout(db, h.creem.client, checkout.id);
  const key = await db.licenseKey.findFirstOrThrow({ where: { userId: user.id } });
  const workspaceId = await personalWorkspaceId(db, user.id);
  expect(key.workspaceId).toBe(workspaceId);
  return { user, key, workspaceId };
}

describe("licenses on the billing page", () => {
  it("one device activated at CREEM: '1 of 3 devices', Active, and stored", async () => {
    const { workspaceId, key } = await lifetimeBuyer();
    const { getBillingAccount } = await import("@/lib/billing/account/queries");
    expect(
      (await getBillingAccount(workspaceId, new Date(), { refreshLicenses: true })).licenseKeys[0],
    ).toMatchObject({
      activations: "0 of 3 devices",
      asOf: null,
    });

    await h.creem.client.licenses.activate({ key: key.key, instanceName: "laptop" });
    const [view] = (await getBillingAccount(workspaceId, new Date(), { refreshLicenses: true })).licenseKeys;
    expect(view).toMatchObject({ activations: "1 of 3 devices", statusLabel: "Active", asOf: null });
    expect(await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      activations: 1,
      activationLimit: 3,
      status: "active",
    });
  });

  it("CREEM unreachable: the stored values stay and the key is not current (the page shows it 'as of')", async () => {
    const { workspaceId, key } = await lifetimeBuyer();
    const { refreshLicenses } = await import("@/lib/billing/account/licenses");
    const down = createCreemClient({
      apiKey: API_KEY,
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      timeoutMs: 300,
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fresh = await refreshLicenses(workspaceId, new Set(), down);
    expect(fresh.has(key.id)).toBe(false);
    expect(await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      activations: 0,
    });
  });

  it("only the workspace's own keys are refreshed", async () => {
    const a = await lifetimeBuyer();
    const b = await lifetimeBuyer();
    const { refreshLicenses } = await import("@/lib/billing/account/licenses");
    const fresh = await refreshLicenses(a.workspaceId, new Set(), h.creem.client);
    expect([...fresh]).toEqual([a.key.id]);
    expect(fresh.has(b.key.id)).toBe(false);
  });
});

describe("pausedPlanOf", () => {
  it("nothing while the subscription runs; the paused subscription to resume once it is paused", async () => {
    const user = await newUser(db, "paused");
    const id = await subscribe(h.creem, db, user.email, PRODUCT_IDS.proMonthly);
    const { pausedPlanOf } = await import("@/lib/billing/account/paused");
    const workspaceId = await personalWorkspaceId(db, user.id);
    expect(await pausedPlanOf(workspaceId)).toBeNull();
    await db.subscription.update({ where: { id }, data: { status: "paused" } });
    expect(await pausedPlanOf(workspaceId)).toMatchObject({
      subscriptionId: id,
      plan: "pro",
      planName: "Pro",
      interval: "month",
    });
  });
});
