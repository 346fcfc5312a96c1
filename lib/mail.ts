import "server-only";
import { createTransport } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/env.schema";
import { site } from "@/lib/site";

// The one way the app sends mail: through SMTP when EMAIL_SERVER is set, otherwise into the dev outbox
// (the DevMail table, shown at /dev/mail), exactly as the sign-in links do. `url` is the link the mail is
// about; the dev outbox shows it as a button.

export type Mail = { to: string; subject: string; text: string; html: string; url?: string };

export const mailFrom = () => env.EMAIL_FROM ?? `${site.name} <no-reply@localhost>`;

export async function sendMail({ to, subject, text, html, url }: Mail): Promise<void> {
  if (env.EMAIL_SERVER) {
    const result = await createTransport(env.EMAIL_SERVER).sendMail({
      to,
      from: mailFrom(),
      subject,
      text,
      html,
    });
    const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
    if (failed.length) throw new Error(`Email to ${failed.join(", ")} could not be sent`);
    return;
  }
  if (!devOutboxEnabled(env))
    throw new Error("No mail transport: set EMAIL_SERVER (or DEV_OUTBOX in development)");
  await db.devMail.create({ data: { to, subject, text, html, url: url ?? null } });
}

/** Escapes text for the HTML part of a mail. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
