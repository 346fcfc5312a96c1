import "server-only";
import { createTransport } from "nodemailer";
import type { EmailConfig } from "next-auth/providers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { site } from "@/lib/site";

function signInMail(url: string) {
  const subject = `Sign in to ${site.name}`;
  const text = `Sign in to ${site.name} by opening this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this mail.\n`;
  const html = `<p>Sign in to <strong>${site.name}</strong>:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this mail.</p>`;
  return { subject, text, html };
}

// Magic-link sign-in. With SMTP configured the link is mailed; in development (and e2e tests, which
// enable DEV_OUTBOX explicitly) it is stored in the DevMail table and shown at /dev/mail.
export function emailProvider(): EmailConfig | null {
  if (!env.EMAIL_SERVER && !env.DEV_OUTBOX) return null;
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: env.EMAIL_FROM ?? `${site.name} <no-reply@localhost>`,
    maxAge: 24 * 60 * 60, // keep in step with lib/auth-rate-limit.ts
    async sendVerificationRequest({ identifier, url, provider }) {
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
