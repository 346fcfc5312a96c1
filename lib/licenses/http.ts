import "server-only";
import { createCreemClient, type CreemClient } from "@/lib/creem";
import { catalog } from "@/lib/billing/catalog";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publicEnv } from "@/lib/public-env";
import { readBodyWithLimit } from "@/lib/read-body";
import { licenseCall, type LicenseAction, type LicenseDeps } from "./api";
import { LicenseApiError } from "./errors";
import { keyringFrom, type LicenseKeyring } from "./signing-keys";

// HTTP glue of the public license API: open CORS (desktop apps, CLIs and other sites call it; no cookie
// or session is ever read, so there is nothing for another origin to ride on), JSON in and out, and the
// stable error body `{ error: { code, message } }` with Retry-After on 429.

export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "content-type",
  "access-control-expose-headers": "retry-after",
  "access-control-max-age": "86400",
} as const;

/** Requests are a few short strings. */
const MAX_BODY_BYTES = 4096;
/** A slow CREEM fails the call (503; validate falls back to the mirror) instead of holding the app. */
const CREEM_TIMEOUT_MS = 5000;

let creemClient: CreemClient | undefined;
let keyring: LicenseKeyring | undefined;

/** The signing keys from the environment, parsed once. */
export function licenseKeyring(): LicenseKeyring {
  return (keyring ??= keyringFrom(env));
}

function defaultDeps(): LicenseDeps {
  return {
    db,
    // Its own client: no retries (an activation must not be sent twice) and a short timeout.
    creem: () =>
      (creemClient ??= createCreemClient({
        apiKey: env.CREEM_API_KEY,
        baseUrl: env.CREEM_API_BASE_URL,
        timeoutMs: CREEM_TIMEOUT_MS,
        maxRetries: 0,
      })),
    keyring: licenseKeyring,
    catalog,
    trustProxy: env.TRUST_PROXY,
    issuer: publicEnv.NEXT_PUBLIC_APP_URL,
    graceDays: env.LICENSE_OFFLINE_GRACE_DAYS,
  };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, {
    status,
    headers: { ...CORS_HEADERS, "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(error: LicenseApiError): Response {
  return jsonResponse(
    { error: { code: error.code, message: error.message } },
    error.status,
    error.retryAfterSeconds !== undefined ? { "retry-after": String(error.retryAfterSeconds) } : {},
  );
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** One route handler: body -> licenseCall -> JSON. `deps` replaces parts of the defaults (tests). */
export async function handleLicenseRequest(
  action: LicenseAction,
  request: Request,
  deps: Partial<LicenseDeps> = {},
): Promise<Response> {
  try {
    const text = await readBodyWithLimit(request, MAX_BODY_BYTES);
    if (text === null) throw new LicenseApiError("invalid_request", "The request body is too large.");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new LicenseApiError("invalid_request", "The request body must be JSON.");
    }
    return jsonResponse(await licenseCall(action, body, request.headers, { ...defaultDeps(), ...deps }));
  } catch (error) {
    if (error instanceof LicenseApiError) return errorResponse(error);
    console.error(`[licenses] ${action} failed`, error);
    return jsonResponse({ error: { code: "internal_error", message: "Something went wrong." } }, 500);
  }
}
