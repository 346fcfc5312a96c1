import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { EmailConfig } from "next-auth/providers";
import { limitSignInMail, SignInMailLimitError } from "@/lib/auth-rate-limit";
import { clientIp } from "@/lib/client-ip";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/env.schema";
import { mailFrom, sendMail } from "@/lib/mail";
import { site } from "@/lib/site";

function signInMail(url: string) {
  const subject = `Sign in to ${site.name}`;
  const text = `Sign in to ${site.name} by opening this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this mail.\n`;
  const html = `<p>Sign in to <strong>${site.name}</strong>:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this mail.</p>`;
  return { subject, text, html };
}

/**
 * Per-request note of a refused sign-in mail. Auth.js turns errors thrown while sending into a redirect
 * to `?error=Configuration` for direct requests; the auth route reads this to answer with the real reason.
 */
export const mailLimitScope = new AsyncLocalStorage<{ retryAfterMinutes?: number }>();

// Magic-link sign-in. With SMTP configured the link is mailed; in development (and e2e tests, which
// enable DEV_OUTBOX explicitly) it is stored in the DevMail table and shown at /dev/mail (lib/mail.ts). Every mail is
// counted against the per-address and per-IP limits first (lib/auth-rate-limit.ts).
export function emailProvider(): EmailConfig | null {
  const outbox = devOutboxEnabled(env);
  if (!env.EMAIL_SERVER && !outbox) return null;
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: mailFrom(),
    maxAge: 24 * 60 * 60,
    async sendVerificationRequest({ identifier, url, request }) {
      try {
        await limitSignInMail(db, { email: identifier, ip: clientIp(request.headers, env.TRUST_PROXY) });
      } catch (error) {
        const scope = mailLimitScope.getStore();
        if (scope && error instanceof SignInMailLimitError) scope.retryAfterMinutes = error.retryAfterMinutes;
        throw error;
      }
      await sendMail({ to: identifier, url, ...signInMail(url) });
    },
  };
}
