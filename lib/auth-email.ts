import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createTransport } from "nodemailer";
import type { EmailConfig } from "next-auth/providers";
import { limitSignInMail, SignInMailLimitError } from "@/lib/auth-rate-limit";
import { clientIp } from "@/lib/client-ip";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/env.schema";
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
// enable DEV_OUTBOX explicitly) it is stored in the DevMail table and shown at /dev/mail. Every mail is
// counted against the per-address and per-IP limits first (lib/auth-rate-limit.ts).
export function emailProvider(): EmailConfig | null {
  const outbox = devOutboxEnabled(env);
  if (!env.EMAIL_SERVER && !outbox) return null;
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: env.EMAIL_FROM ?? `${site.name} <no-reply@localhost>`,
    maxAge: 24 * 60 * 60,
    async sendVerificationRequest({ identifier, url, provider, request }) {
      try {
        await limitSignInMail(db, { email: identifier, ip: clientIp(request.headers, env.TRUST_PROXY) });
      } catch (error) {
        const scope = mailLimitScope.getStore();
        if (scope && error instanceof SignInMailLimitError) scope.retryAfterMinutes = error.retryAfterMinutes;
        throw error;
      }
      const mail = signInMail(url);
      if (env.EMAIL_SERVER) {
        const result = await createTransport(env.EMAIL_SERVER).sendMail({
          to: identifier,
          from: provider.from,
          ...mail,
        });
        const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
        if (failed.length) throw new Error(`Sign-in email to ${failed.join(", ")} could not be sent`);
        return;
      }
      await db.devMail.create({ data: { to: identifier, url, ...mail } });
    },
  };
}
