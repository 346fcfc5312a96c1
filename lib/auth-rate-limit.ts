import "server-only";
import { db } from "@/lib/db";

const WINDOW_MS = 10 * 60 * 1000;
const MAX_MAILS = 5;
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000; // maxAge of the email provider (lib/auth-email.ts)

/**
 * True when `email` already got MAX_MAILS sign-in links in the last 10 minutes. Counted from the
 * verification tokens in the database (a token's creation time is its expiry minus its lifetime), so
 * the limit holds across any number of app instances.
 */
export async function tooManySignInMails(email: string, now = Date.now()): Promise<boolean> {
  const recent = await db.verificationToken.count({
    where: { identifier: email, expires: { gt: new Date(now - WINDOW_MS + TOKEN_LIFETIME_MS) } },
  });
  return recent >= MAX_MAILS;
}
