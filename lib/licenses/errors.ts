import { isCreemError } from "@/lib/creem";

// The license API's answers when it cannot grant use: a stable code (apps switch on it), the HTTP status
// and a message a person can read. Codes are part of the public API (README "License API"): add, never
// rename.

export const LICENSE_ERRORS = {
  invalid_request: { status: 400, message: "The request is not valid." },
  license_not_found: { status: 404, message: "No license matches this key." },
  instance_not_found: { status: 404, message: "This device is not activated for this license." },
  activation_limit_reached: {
    status: 403,
    message: "This license is active on as many devices as it allows. Deactivate one first.",
  },
  instance_deactivated: {
    status: 409,
    message: "This device was deactivated. Activate the license again to use it here.",
  },
  license_revoked: { status: 410, message: "This license has been revoked." },
  license_expired: { status: 410, message: "This license has expired." },
  rate_limited: { status: 429, message: "Too many requests. Try again later." },
  unavailable: { status: 503, message: "The license service is unavailable right now. Try again later." },
} as const;

export type LicenseErrorCode = keyof typeof LICENSE_ERRORS;

export class LicenseApiError extends Error {
  override readonly name = "LicenseApiError";
  readonly status: number;
  constructor(
    readonly code: LicenseErrorCode,
    message: string = LICENSE_ERRORS[code].message,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = LICENSE_ERRORS[code].status;
  }
}

/**
 * What a CREEM failure on a license call means for the app calling us. CREEM answers 403 both for an
 * activation limit and for a bad API key, so only a 403 that says "limit" is the caller's problem; a
 * misconfigured server is "unavailable" to them (and logged). Anything else that is not a CREEM answer
 * about the key is "unavailable" too: the caller may retry.
 */
export function licenseErrorFromCreem(error: unknown): LicenseApiError | undefined {
  if (!isCreemError(error)) return undefined;
  const said = error.messages.join(" ");
  switch (error.status) {
    case 404:
      return new LicenseApiError(/instance/i.test(said) ? "instance_not_found" : "license_not_found");
    case 403:
      return /limit/i.test(said) ? new LicenseApiError("activation_limit_reached") : undefined;
    case 409:
      return new LicenseApiError("instance_deactivated");
    case 410:
      return new LicenseApiError(/expir/i.test(said) ? "license_expired" : "license_revoked");
    default:
      return undefined;
  }
}
