import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// A license client for the seller's desktop app, CLI or self-hosted server, to copy into it. It talks to
// the starter's public license API (never to CREEM: the API key stays on the server), keeps the signed
// offline token in a JSON file, and verifies that token offline with the server's Ed25519 public key, so
// the app works without a network for the grace period. No dependencies beyond Node (crypto, fetch).

export type TokenPayload = {
  iss: string;
  lid: string;
  iid: string;
  pid: string;
  plan: string;
  features: string[];
  iat: number;
  exp: number;
  grace: number;
  lexp: number | null;
};

export type Jwk = { kty: string; crv: string; x: string; kid: string };
export type JwkSet = { keys: Jwk[] };

/** What the client keeps between runs (the state file). */
export type StoredLicense = {
  server: string;
  key: string;
  instanceId: string;
  instanceName: string;
  token: string;
  /** The server's public keys as last fetched (used when `publicKeys` is not built into the app). */
  keys?: JwkSet;
};

export type Verified = { ok: true; payload: TokenPayload } | { ok: false; reason: VerifyFailure };
export type VerifyFailure = "no_license" | "malformed" | "unknown_kid" | "bad_signature" | "expired";

/** A refusal from the license API, with its stable code (license_not_found, instance_deactivated, …). */
export class LicenseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "LicenseError";
  }
}

export type LicenseClientOptions = {
  /** The starter's URL, e.g. https://app.example.com */
  server: string;
  /** Where the license and token are kept, e.g. ~/.config/your-app/license.json */
  stateFile: string;
  /** Public keys built into the app (safest); otherwise fetched from the server and kept in the state file. */
  publicKeys?: JwkSet;
  /** Re-validate online once the token is this close to expiring (seconds). Default: half the grace period. */
  refreshBeforeSeconds?: number;
  fetch?: typeof fetch;
  now?: () => number;
};

const TOKEN_TYPE = "license+jwt";

export class LicenseClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: LicenseClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => Date.now());
  }

  /** Activates this device and stores its token. */
  async activate(key: string, instanceName: string): Promise<StoredLicense> {
    const answer = await this.call("activate", { key, instanceName });
    const stored: StoredLicense = {
      server: this.options.server,
      key,
      instanceId: answer.instance.id,
      instanceName: answer.instance.name,
      token: answer.token!,
      keys: await this.keys(undefined),
    };
    await this.save(stored);
    return stored;
  }

  /** Asks the server whether this device may still use the license; stores the fresh token. */
  async validate(): Promise<Verified> {
    const stored = await this.load();
    if (!stored) return { ok: false, reason: "no_license" };
    const answer = await this.call("validate", { key: stored.key, instanceId: stored.instanceId });
    await this.save({ ...stored, token: answer.token! });
    return this.verifyOffline();
  }

  /** Frees this device's activation and forgets the license. */
  async deactivate(): Promise<void> {
    const stored = await this.load();
    if (!stored) return;
    await this.call("deactivate", { key: stored.key, instanceId: stored.instanceId });
    await rm(this.options.stateFile, { force: true });
  }

  /** Checks the stored token with the public key only: signature, kid, expiry. No network. */
  async verifyOffline(): Promise<Verified> {
    const stored = await this.load();
    if (!stored) return { ok: false, reason: "no_license" };
    const keys = this.options.publicKeys ?? stored.keys;
    return verifyToken(stored.token, keys ?? { keys: [] }, Math.floor(this.now() / 1000));
  }

  /**
   * What an app calls at start-up: the offline token while it is fresh; else re-validates online; when
   * the server cannot be reached, the token still counts until it expires. A refusal (deactivated,
   * revoked, …) throws a LicenseError and the stored license should be treated as gone.
   */
  async check(): Promise<Verified> {
    const offline = await this.verifyOffline();
    if (!offline.ok && offline.reason !== "expired") return offline;
    const nowSeconds = Math.floor(this.now() / 1000);
    const refreshBefore = this.options.refreshBeforeSeconds ?? (offline.ok ? offline.payload.grace / 2 : 0);
    if (offline.ok && offline.payload.exp - nowSeconds > refreshBefore) return offline;
    try {
      return await this.validate();
    } catch (error) {
      if (error instanceof LicenseError && error.status !== 503 && error.status !== 429) throw error;
      if (error instanceof LicenseError || error instanceof TypeError) return offline; // offline or busy
      throw error;
    }
  }

  async load(): Promise<StoredLicense | undefined> {
    try {
      return JSON.parse(await readFile(this.options.stateFile, "utf8")) as StoredLicense;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  private async save(stored: StoredLicense): Promise<void> {
    await mkdir(path.dirname(this.options.stateFile), { recursive: true });
    await writeFile(this.options.stateFile, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }

  private async keys(current: JwkSet | undefined): Promise<JwkSet | undefined> {
    if (this.options.publicKeys) return undefined;
    const response = await this.fetch(new URL("/.well-known/license-keys.json", this.options.server));
    if (!response.ok) return current;
    return (await response.json()) as JwkSet;
  }

  private async call(action: string, body: Record<string, string>) {
    const response = await this.fetch(new URL(`/api/v1/licenses/${action}`, this.options.server), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as {
      error?: { code: string; message: string };
      instance: { id: string; name: string };
      token?: string;
    };
    if (!response.ok || json.error) {
      throw new LicenseError(
        json.error?.code ?? "http_error",
        json.error?.message ?? `HTTP ${response.status}`,
        response.status,
      );
    }
    // A token signed with a key this client has not seen yet: fetch the key set again (rotation).
    if (json.token && !this.options.publicKeys) {
      const stored = await this.load();
      const kid = headerOf(json.token)?.kid;
      if (stored && kid && !stored.keys?.keys.some((k) => k.kid === kid)) {
        await this.save({ ...stored, keys: await this.keys(stored.keys) });
      }
    }
    return json;
  }
}

function headerOf(token: string): { alg?: string; kid?: string; typ?: string } | undefined {
  try {
    return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as {
      kid?: string;
    };
  } catch {
    return undefined;
  }
}

/** Verifies a compact EdDSA token against a JWK set: the kid must be in the set, then signature, then expiry. */
export function verifyToken(token: string, keys: JwkSet, nowSeconds: number): Verified {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const header = headerOf(token);
  if (!header || header.alg !== "EdDSA" || header.typ !== TOKEN_TYPE || !header.kid)
    return { ok: false, reason: "malformed" };
  const jwk = keys.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { ok: false, reason: "unknown_kid" };
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
  } catch {
    return { ok: false, reason: "unknown_kid" };
  }
  const signed = verify(
    null,
    Buffer.from(`${parts[0]}.${parts[1]}`),
    publicKey,
    Buffer.from(parts[2]!, "base64url"),
  );
  if (!signed) return { ok: false, reason: "bad_signature" };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as TokenPayload;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof payload.exp !== "number" || payload.exp <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}
