import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyringFrom } from "@/lib/licenses/signing-keys";
import {
  jwkSet,
  keyId,
  signingKeyFrom,
  signLicenseToken,
  verifyLicenseToken,
  type LicenseTokenPayload,
} from "@/lib/licenses/tokens";
import { verifyToken } from "@/examples/license-client/license-client";

// Offline tokens: the server's verifier and the example client's must agree on every case — a good token,
// a tampered one, one signed by another key, an expired one, and tokens across a key rotation.

const NOW = 1_800_000_000;
const payload: LicenseTokenPayload = {
  iss: "https://app.example.com",
  lid: "lic_1",
  iid: "inst_1",
  pid: "prod_local_lifetime",
  plan: "lifetime",
  features: ["dashboard", "license"],
  iat: NOW,
  exp: NOW + 3600,
  grace: 3600,
  lexp: null,
};

const newPrivateKey = () => generateKeyPairSync("ed25519").privateKey;
const base64Der = (key: ReturnType<typeof newPrivateKey>) =>
  key.export({ format: "der", type: "pkcs8" }).toString("base64");
const spkiDer = (key: ReturnType<typeof newPrivateKey>) =>
  signingKeyFrom(key).publicKey.export({ format: "der", type: "spki" }).toString("base64");

/** Both verifiers, so a case that passes one and fails the other shows up. */
function check(token: string, ring: ReturnType<typeof keyringFrom>, now = NOW) {
  const server = verifyLicenseToken(token, ring.publicKeys, now);
  const client = verifyToken(token, jwkSet(ring.published), now);
  expect(client.ok ? "ok" : client.reason).toBe(server.ok ? "ok" : server.reason);
  return server.ok ? "ok" : server.reason;
}

describe("license tokens", () => {
  const ring = keyringFrom({ LICENSE_SIGNING_KEY: base64Der(newPrivateKey()) });

  it("a token the server signed verifies, with its kid in the header and the payload intact", () => {
    const token = signLicenseToken(payload, ring.current);
    expect(check(token, ring)).toBe("ok");
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as object;
    expect(header).toEqual({ alg: "EdDSA", kid: ring.current.kid, typ: "license+jwt" });
    const result = verifyLicenseToken(token, ring.publicKeys, NOW);
    expect(result.ok && result.payload).toEqual(payload);
  });

  it("a tampered payload (another plan, a later exp) fails the signature", () => {
    const [h, , s] = signLicenseToken(payload, ring.current).split(".");
    for (const change of [{ plan: "team" }, { exp: NOW + 10 * 365 * 86400 }]) {
      const forged = Buffer.from(JSON.stringify({ ...payload, ...change })).toString("base64url");
      expect(check(`${h}.${forged}.${s}`, ring)).toBe("bad_signature");
    }
  });

  it("a token signed with another key: unknown kid, or a bad signature when it claims our kid", () => {
    const other = signingKeyFrom(newPrivateKey());
    expect(check(signLicenseToken(payload, other), ring)).toBe("unknown_kid");
    expect(check(signLicenseToken(payload, { ...other, kid: ring.current.kid }), ring)).toBe("bad_signature");
  });

  it("expired at exp (not a second later), and garbage is malformed", () => {
    const token = signLicenseToken(payload, ring.current);
    expect(check(token, ring, payload.exp - 1)).toBe("ok");
    expect(check(token, ring, payload.exp)).toBe("expired");
    expect(check("a.b", ring)).toBe("malformed");
    expect(check("e30.e30.AAAA", ring)).toBe("malformed");
  });

  it("kid rotation: old tokens verify while the old key is published as previous, and not after", () => {
    const oldKey = newPrivateKey();
    const before = keyringFrom({ LICENSE_SIGNING_KEY: base64Der(oldKey) });
    const oldToken = signLicenseToken(payload, before.current);

    const newKey = newPrivateKey();
    const rotated = keyringFrom({
      LICENSE_SIGNING_KEY: base64Der(newKey),
      LICENSE_SIGNING_KEYS_PREVIOUS: spkiDer(oldKey),
    });
    expect(rotated.published.map(keyId)).toEqual([rotated.current.kid, before.current.kid]);
    expect(check(oldToken, rotated)).toBe("ok");
    const newToken = signLicenseToken(payload, rotated.current);
    expect(rotated.current.kid).not.toBe(before.current.kid);
    expect(check(newToken, rotated)).toBe("ok");

    const retired = keyringFrom({ LICENSE_SIGNING_KEY: base64Der(newKey) });
    expect(check(oldToken, retired)).toBe("unknown_kid");
    expect(check(newToken, retired)).toBe("ok");
  });

  it("without a configured key a process key is made once (tests, bare next dev)", () => {
    expect(keyringFrom({}).current.kid).toBe(keyringFrom({}).current.kid);
  });
});
