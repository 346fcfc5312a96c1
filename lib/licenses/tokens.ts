import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

// Offline license tokens: a compact JWS (`base64url(header).base64url(payload).base64url(signature)`)
// signed with Ed25519 (alg "EdDSA"), so the seller's app can check a license without asking the server.
// The header's `kid` names the public key (its RFC 7638 thumbprint); /.well-known/license-keys.json
// publishes the current and previous public keys. Pure: keys come in as arguments.

export const TOKEN_TYPE = "license+jwt";

export type LicenseTokenPayload = {
  /** Who issued it: the app's public URL. */
  iss: string;
  /** CREEM license id (`lic_…`). */
  lid: string;
  /** CREEM instance (device) id. */
  iid: string;
  /** CREEM product id of the license. */
  pid: string;
  /** Plan key (lib/billing/plans.ts) and its features, for gating features offline. */
  plan: string;
  features: string[];
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Valid until (seconds): the app must re-validate online before then; never past the license's expiry. */
  exp: number;
  /** The offline grace period in seconds: how long a token is valid after the license was last confirmed. */
  grace: number;
  /** When the license itself expires (seconds), or null for never. */
  lexp: number | null;
};

export type SigningKey = { kid: string; privateKey: KeyObject; publicKey: KeyObject };

export type TokenCheck =
  | { ok: true; payload: LicenseTokenPayload; kid: string }
  | { ok: false; reason: "malformed" | "unknown_kid" | "bad_signature" | "expired" };

const b64 = (value: Buffer | string) => Buffer.from(value).toString("base64url");
const json64 = (value: unknown) => b64(JSON.stringify(value));

/** RFC 7638 JWK thumbprint of an Ed25519 public key, base64url: a stable `kid`. */
export function keyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash("sha256").update(canonical).digest("base64url");
}

/** A private Ed25519 key from PKCS8 PEM (literal `\n` allowed, as in one-line env files) or base64 DER. */
export function parsePrivateKey(text: string): KeyObject {
  const value = text.trim().replace(/\\n/g, "\n");
  const key = value.startsWith("-----BEGIN")
    ? createPrivateKey(value)
    : createPrivateKey({ key: Buffer.from(value, "base64"), format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/** A public Ed25519 key from SPKI PEM, base64 DER, or a private key (its public half). */
export function parsePublicKey(text: string): KeyObject {
  const value = text.trim().replace(/\\n/g, "\n");
  if (value.includes("PRIVATE KEY")) return createPublicKey(parsePrivateKey(value));
  const key = value.startsWith("-----BEGIN")
    ? createPublicKey(value)
    : createPublicKey({ key: Buffer.from(value, "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return { kid: keyId(publicKey), privateKey, publicKey };
}

export function signLicenseToken(payload: LicenseTokenPayload, key: SigningKey): string {
  const input = `${json64({ alg: "EdDSA", kid: key.kid, typ: TOKEN_TYPE })}.${json64(payload)}`;
  return `${input}.${b64(sign(null, Buffer.from(input), key.privateKey))}`;
}

/**
 * Checks a token against the published public keys (by kid): signature first, then expiry. The server
 * uses it in tests and tooling; the seller's app does the same in examples/license-client.
 */
export function verifyLicenseToken(
  token: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
  nowSeconds = Math.floor(Date.now() / 1000),
): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: { alg?: unknown; kid?: unknown; typ?: unknown };
  let payload: LicenseTokenPayload;
  try {
    header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8")) as typeof header;
    payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")) as LicenseTokenPayload;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (header.alg !== "EdDSA" || header.typ !== TOKEN_TYPE || typeof header.kid !== "string")
    return { ok: false, reason: "malformed" };
  const publicKey = publicKeys.get(header.kid);
  if (!publicKey) return { ok: false, reason: "unknown_kid" };
  const signed = verify(
    null,
    Buffer.from(`${headerPart}.${payloadPart}`),
    publicKey,
    Buffer.from(signaturePart, "base64url"),
  );
  if (!signed) return { ok: false, reason: "bad_signature" };
  if (typeof payload.exp !== "number" || payload.exp <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, payload, kid: header.kid };
}

/** The public keys as a JWK set (`{keys: [{kty, crv, x, kid, alg, use}]}`), current key first. */
export function jwkSet(publicKeys: readonly KeyObject[]) {
  return {
    keys: publicKeys.map((key) => {
      const jwk = key.export({ format: "jwk" });
      return { kty: "OKP", crv: "Ed25519", x: jwk.x ?? "", kid: keyId(key), alg: "EdDSA", use: "sig" };
    }),
  };
}
