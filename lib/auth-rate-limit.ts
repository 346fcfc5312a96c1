import { AuthError } from "@auth/core/errors";
import { consumeRateLimit, retryMinutes, type RateLimitRule } from "@/lib/rate-limit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Limits on sign-in mails, enforced where the mail is sent (the email provider's sendVerificationRequest,
// lib/auth-email.ts), so the sign-in form and a direct POST to /api/auth/signin/email are limited alike,
// atomically in PostgreSQL (lib/rate-limit.ts).

export const SIGNIN_MAILS_PER_ADDRESS: RateLimitRule = {
  name: "signin-mail:address",
  limit: 5,
  windowMs: 10 * 60_000,
};

/** Only applied when the client IP is known (TRUST_PROXY, lib/client-ip.ts). */
export const SIGNIN_MAILS_PER_IP: RateLimitRule = {
  name: "signin-mail:ip",
  limit: 20,
  windowMs: 10 * 60_000,
};

/** The sign-in page's `?error=` code for a refused mail; `retryIn` carries the minutes. */
export const MAIL_LIMIT_ERROR_CODE = "TooManyEmails";

export function mailLimitMessage(minutes: number): string {
  return `Too many sign-in emails, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/**
 * Thrown from sendVerificationRequest when a limit is reached. An AuthError, so Auth.js hands it back to
 * the server action (which shows the message) instead of turning it into a "Configuration" error.
 */
export class SignInMailLimitError extends AuthError {
  static type = "EmailSignInError" as const;
  constructor(readonly retryAfterMinutes: number) {
    super(mailLimitMessage(retryAfterMinutes));
    this.name = "SignInMailLimitError";
  }
}

/** The minutes to wait when `error` (or its cause) is a refused sign-in mail, else null. */
export function mailLimitOf(error: unknown): number | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SignInMailLimitError) return e.retryAfterMinutes;
  }
  return null;
}

/**
 * Counts one sign-in mail to `email` (and from `ip`, when known), or throws SignInMailLimitError. The IP
 * is checked first, so one client cannot use up the allowance of many addresses.
 */
export async function limitSignInMail(
  db: Pick<PrismaClient, "$queryRaw">,
  { email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date },
): Promise<void> {
  if (ip) {
    const byIp = await consumeRateLimit(db, SIGNIN_MAILS_PER_IP, ip, now);
    if (!byIp.ok) throw new SignInMailLimitError(retryMinutes(byIp.retryAfterMs));
  }
  const byAddress = await consumeRateLimit(db, SIGNIN_MAILS_PER_ADDRESS, email.toLowerCase(), now);
  if (!byAddress.ok) throw new SignInMailLimitError(retryMinutes(byAddress.retryAfterMs));
}
