import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LIFETIME_ACTIVATION_LIMIT, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { createCreemClient } from "@/lib/creem";
import { verifyLicenseToken } from "@/lib/licenses/tokens";
import { testDb } from "../support/db";
import { API_KEY, setUpBillingActions } from "../billing-actions/support";
import { licenseRequest, lifetimeBuyer, loadRoutes, unknownKey, type Routes } from "./support";

// Every endpoint and error code of the public license API against the local CREEM: the activation limit
// (4 devices, limit 3), deactivation, revocation after a refund or dispute, expiry, CREEM down, rate
// limits, and that unknown and malformed keys get the same answer without any CREEM call.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));

const db = testDb();
const h = setUpBillingActions();
let routes: Routes;
let http: typeof import("@/lib/licenses/http");

beforeAll(async () => {
  routes = await loadRoutes();
  http = await import("@/lib/licenses/http");
});
beforeEach(async () => {
  await db.rateLimit.deleteMany({ where: { rule: { startsWith: "license-api" } } });
});
afterEach(() => vi.restoreAllMocks());

type Answer = {
  error?: { code: string; message: string };
  license: { id: string; status: string; activations: number; activationLimit: number | null; plan: string };
  instance: { id: string; name: string; status: string };
  token?: string;
  source?: string;
  asOf?: string;
};

async function call(action: "activate" | "validate" | "deactivate", body: unknown, headers = {}) {
  const response = await routes[action].POST(licenseRequest(action, body, headers));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
}

const verify = (token: string) => verifyLicenseToken(token, http.licenseKeyring().publicKeys);

describe("POST /api/v1/licenses/activate", () => {
  it("activates with a signed offline token, mirrors the device, and refuses a 4th device (limit 3) with 403", async () => {
    const { license } = await lifetimeBuyer(db, h.creem);
    const devices = [];
    for (const name of ["laptop", "desktop", "server"]) {
      const answer = await call("activate", { key: license.key, instanceName: name });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      devices.push(answer.body);
    }
    const first = devices[0]!;
    expect(first).toMatchObject({
      license: { id: license.id, status: "active", plan: "lifetime", activations: 1, activationLimit: 3 },
      instance: { name: "laptop", status: "active" },
      source: "creem",
    });
    expect(devices[2]!.license.activations).toBe(LIFETIME_ACTIVATION_LIMIT);

    const checked = verify(first.token!);
    if (!checked.ok) throw new Error(`token rejected: ${checked.reason}`);
    expect(checked.payload).toMatchObject({
      lid: license.id,
      iid: first.instance.id,
      pid: PRODUCT_IDS.lifetime,
      plan: "lifetime",
      features: expect.arrayContaining(["license", "api"]),
      grace: 14 * 86400,
      lexp: null,
    });
    expect(checked.payload.exp - checked.payload.iat).toBe(14 * 86400);

    const fourth = await call("activate", { key: license.key, instanceName: "one too many" });
    expect(fourth.status).toBe(403);
    expect(fourth.body).toEqual({
      error: { code: "activation_limit_reached", message: expect.stringMatching(/as many devices/) },
    });

    const mirrored = await db.licenseInstance.findMany({ where: { licenseId: license.id } });
    expect(mirrored.map((d) => [d.name, d.status]).sort()).toEqual([
      ["desktop", "active"],
      ["laptop", "active"],
      ["server", "active"],
    ]);
    expect(mirrored.every((d) => d.lastValidatedAt !== null)).toBe(true);
    expect(await db.licenseKey.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({
      activations: 3,
      status: "active",
    });
  });

  it("answers unknown and malformed keys the same (404, same body) and never asks CREEM about them", async () => {
    const mark = h.creem.requests.length;
    const unknown = await call("activate", { key: unknownKey(), instanceName: "x" });
    const malformed = await call("activate", { key: "%%% not a key %%%", instanceName: "x" });
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(malformed.body).toEqual(unknown.body);
    expect(unknown.body).toEqual({
      error: { code: "license_not_found", message: "No license matches this key." },
    });
    expect(h.creem.since(mark)).toEqual([]);
  });

  it("400 invalid_request for input that is not a license call", async () => {
    for (const body of [
      "not json",
      { key: "k" },
      { instanceName: "x" },
      { key: "k".repeat(300), instanceName: "x" },
    ]) {
      const answer = await call("activate", body);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe("invalid_request");
    }
    expect((await call("validate", { key: "k" })).body.error?.code).toBe("invalid_request");
  });

  it("answers the CORS preflight", async () => {
    const response = routes.activate.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });
});

describe("validate and deactivate", () => {
  it("validates with a fresh token; deactivates; then 409 on both for that device; 404 for another instance", async () => {
    const { license } = await lifetimeBuyer(db, h.creem);
    const activated = await call("activate", { key: license.key, instanceName: "laptop" });
    const instanceId = activated.body.instance.id;

    const valid = await call("validate", { key: license.key, instanceId });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ instance: { id: instanceId, status: "active" }, source: "creem" });
    expect(verify(valid.body.token!).ok).toBe(true);

    const unknownInstance = await call("validate", { key: license.key, instanceId: "inst_nope" });
    expect(unknownInstance.status).toBe(404);
    expect(unknownInstance.body.error?.code).toBe("instance_not_found");

    const deactivated = await call("deactivate", { key: license.key, instanceId });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({
      instance: { status: "deactivated" },
      license: { activations: 0 },
    });
    expect(deactivated.body.token).toBeUndefined();
    expect(await db.licenseInstance.findUniqueOrThrow({ where: { id: instanceId } })).toMatchObject({
      status: "deactivated",
      deactivatedAt: expect.any(Date),
    });

    for (const action of ["deactivate", "validate"] as const) {
      const again = await call(action, { key: license.key, instanceId });
      expect(again.status).toBe(409);
      expect(again.body.error?.code).toBe("instance_deactivated");
    }
  });
});

describe("revoked and expired keys (410)", () => {
  it("a refund at CREEM revokes the key: 410 license_revoked, stored as disabled", async () => {
    const { license, checkoutId } = await lifetimeBuyer(db, h.creem);
    const activated = await call("activate", { key: license.key, instanceName: "laptop" });
    const checkout = await h.creem.client.checkouts.get(checkoutId);
    const order = checkout.order;
    if (typeof order !== "object" || !order.transaction) throw new Error("no transaction");
    await h.creem.control("POST", `/transactions/${order.transaction}/refund`);

    const answer = await call("validate", { key: license.key, instanceId: activated.body.instance.id });
    expect(answer.status).toBe(410);
    expect(answer.body.error?.code).toBe("license_revoked");
    expect((await db.licenseKey.findUniqueOrThrow({ where: { id: license.id } })).status).toBe("disabled");
  });

  it("a dispute stored by the app revokes the key before CREEM is asked", async () => {
    const { license } = await lifetimeBuyer(db, h.creem);
    await db.paymentReversal.create({
      data: {
        id: `disp_${license.id}`,
        kind: "dispute",
        status: "open",
        orderId: license.orderId,
        createdAt: new Date(),
      },
    });
    const mark = h.creem.requests.length;
    const answer = await call("activate", { key: license.key, instanceName: "laptop" });
    expect(answer.status).toBe(410);
    expect(answer.body.error).toEqual({
      code: "license_revoked",
      message: expect.stringMatching(/refunded or disputed/),
    });
    expect(h.creem.since(mark)).toEqual([]);
  });

  it("an expired key: 410 license_expired", async () => {
    const { license } = await lifetimeBuyer(db, h.creem);
    await h.creem.control("POST", `/licenses/${license.id}/expire`, {});
    const answer = await call("activate", { key: license.key, instanceName: "laptop" });
    expect(answer.status).toBe(410);
    expect(answer.body.error?.code).toBe("license_expired");
  });
});

describe("CREEM unavailable", () => {
  const down = () =>
    createCreemClient({ apiKey: API_KEY, baseUrl: "http://127.0.0.1:9", maxRetries: 0, timeoutMs: 300 });

  it("activate and deactivate answer 503; validate answers from the mirror, marked cache and as of then", async () => {
    const { license } = await lifetimeBuyer(db, h.creem);
    const activated = await call("activate", { key: license.key, instanceName: "laptop" });
    const instanceId = activated.body.instance.id;
    const stored = await db.licenseInstance.findUniqueOrThrow({ where: { id: instanceId } });
    vi.spyOn(console, "error").mockImplementation(() => {});

    const offline = (action: "activate" | "validate" | "deactivate", body: unknown) =>
      http.handleLicenseRequest(action, licenseRequest(action, body), { creem: down });

    const activate = await offline("activate", { key: license.key, instanceName: "desktop" });
    expect(activate.status).toBe(503);
    expect(await activate.json()).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
    expect((await offline("deactivate", { key: license.key, instanceId })).status).toBe(503);

    const cached = await offline("validate", { key: license.key, instanceId });
    expect(cached.status).toBe(200);
    const body = (await cached.json()) as Answer;
    expect(body).toMatchObject({ source: "cache", asOf: stored.lastValidatedAt!.toISOString() });
    const checked = verify(body.token!);
    if (!checked.ok) throw new Error(checked.reason);
    // The outage does not extend the grace: the token runs from when CREEM last confirmed the device.
    expect(checked.payload.exp).toBe(Math.floor(stored.lastValidatedAt!.getTime() / 1000) + 14 * 86400);

    // Not valid at last check (revoked in the mirror): 503, no token.
    await db.licenseKey.update({ where: { id: license.id }, data: { status: "disabled" } });
    expect((await offline("validate", { key: license.key, instanceId })).status).toBe(503);
  });
});

describe("rate limits", () => {
  it("per key: the 21st call in a minute is 429 with Retry-After", async () => {
    const key = unknownKey();
    for (let i = 0; i < 20; i++)
      expect((await call("validate", { key, instanceId: "inst_x" })).status).toBe(404);
    const limited = await call("validate", { key, instanceId: "inst_x" });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("access-control-expose-headers")).toContain("retry-after");
  });

  it("per IP (behind a trusted proxy): the 61st call in a minute is 429, whatever the key", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" };
    const send = () =>
      http.handleLicenseRequest(
        "validate",
        licenseRequest("validate", { key: unknownKey(), instanceId: "i" }, headers),
        {
          trustProxy: true,
        },
      );
    for (let i = 0; i < 60; i++) expect((await send()).status).toBe(404);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("GET /.well-known/license-keys.json", () => {
  it("publishes the current public key as a JWK with the kid tokens carry", async () => {
    const response = routes.keys.GET();
    const set = (await response.json()) as { keys: { kid: string; kty: string; crv: string; alg: string }[] };
    expect(set.keys[0]).toMatchObject({
      kty: "OKP",
      crv: "Ed25519",
      alg: "EdDSA",
      kid: http.licenseKeyring().current.kid,
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
