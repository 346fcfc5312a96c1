import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// Pure helpers (no server-only) so the webhook route, the emulator and unit tests can share them.

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Lowercase hex HMAC-SHA256 of the exact raw body, keyed with the webhook secret (the `creem-signature` header). */
export function signWebhookBody(rawBody: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/**
 * Checks a `creem-signature` header against the raw body. Verify before parsing: re-serialised JSON
 * would not match. Accepts an optional `sha256=` prefix and uppercase hex.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
): boolean {
  if (!secret) return false;
  const provided = normalizeHexSignature(signatureHeader, true);
  if (provided === undefined) return false;
  return constantTimeEqualHex(signWebhookBody(rawBody, secret), provided);
}

export type RedirectParams = URLSearchParams | Record<string, string | null | undefined>;

/**
 * `hex(SHA-256("k1=v1|...|kN=vN|salt=<API key>"))` over the success-URL params in their order,
 * leaving out `signature` and empty values. Plain SHA-256, not an HMAC: this is CREEM's scheme.
 */
export function computeRedirectSignature(params: RedirectParams, apiKey: string): string {
  const parts: string[] = [];
  for (const [key, value] of entriesOf(params)) {
    if (key === "signature" || value === null || value === undefined || value === "") continue;
    parts.push(`${key}=${value}`);
  }
  parts.push(`salt=${apiKey}`);
  return createHash("sha256").update(parts.join("|")).digest("hex");
}

/** Checks the `signature` query parameter CREEM adds to the success URL. */
export function verifyRedirectSignature(params: RedirectParams, apiKey: string): boolean {
  if (!apiKey) return false;
  const signature = params instanceof URLSearchParams ? params.get("signature") : params.signature;
  const provided = normalizeHexSignature(signature, false);
  if (provided === undefined) return false;
  return constantTimeEqualHex(computeRedirectSignature(params, apiKey), provided);
}

function entriesOf(params: RedirectParams): Iterable<[string, string | null | undefined]> {
  return params instanceof URLSearchParams ? params.entries() : Object.entries(params);
}

function normalizeHexSignature(value: string | null | undefined, allowPrefix: boolean): string | undefined {
  if (typeof value !== "string") return undefined;
  let hex = value.trim().toLowerCase();
  if (allowPrefix && hex.startsWith("sha256=")) hex = hex.slice("sha256=".length);
  return HEX_SHA256.test(hex) ? hex : undefined;
}

// Both inputs are validated 64-char hex, so the buffers always have equal length.
function constantTimeEqualHex(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(provided, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
