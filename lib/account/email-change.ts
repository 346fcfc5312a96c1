import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { escapeHtml, sendMail } from "@/lib/mail";
import { publicEnv } from "@/lib/public-env";
import { site } from "@/lib/site";
import { UserError } from "@/lib/user-error";

// Changing a user's email: a one-time link goes to the NEW address (only its hash is stored); opening it
// while signed in as the same user switches the address, and the old address is told. Requests are
// counted in PostgreSQL (the token rows themselves), so every app instance sees the same limit.

export const EMAIL_CHANGE_TTL_MS = 60 * 60 * 1000;
export const EMAIL_CHANGES_PER_HOUR = 3;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function confirmUrl(token: string): string {
  return new URL(`/api/account/email/confirm?token=${token}`, publicEnv.NEXT_PUBLIC_APP_URL).href;
}

/** Mails a confirmation link to `newEmail`; the address changes only when the link is opened. */
export async function requestEmailChange(
  user: { id: string; email: string },
  newEmail: string,
  now = new Date(),
): Promise<void> {
  if (newEmail === user.email.toLowerCase()) throw new UserError("That is already your email address.");
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    // One request at a time per user, so the count below cannot be raced past the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`email-change:${user.id}`}))`;
    const recent = await tx.emailChangeToken.count({
      where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
    });
    if (recent >= EMAIL_CHANGES_PER_HOUR) {
      throw new UserError("You asked to change your email several times this hour. Try again later.");
    }
    const taken = await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } });
    if (taken) throw new UserError("That email address belongs to another account.");
    // A new link replaces any earlier one that was not used.
    await tx.emailChangeToken.updateMany({
      where: { userId: user.id, usedAt: null, expires: { gt: now } },
      data: { expires: now },
    });
    await tx.emailChangeToken.create({
      data: {
        userId: user.id,
        newEmail,
        tokenHash: hashToken(token),
        expires: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
        createdAt: now,
      },
    });
  });
  const url = confirmUrl(token);
  await sendMail({
    to: newEmail,
    subject: `Confirm your new email for ${site.name}`,
    text: `Someone (hopefully you) asked to use this address for a ${site.name} account. Confirm it by opening this link while signed in:\n\n${url}\n\nThe link works once and expires in 1 hour. If you did not ask for it, ignore this mail.\n`,
    html: `<p>Someone (hopefully you) asked to use this address for a <strong>${escapeHtml(site.name)}</strong> account.</p><p><a href="${escapeHtml(url)}">Confirm this email address</a> (open it while signed in).</p><p>The link works once and expires in 1 hour. If you did not ask for it, ignore this mail.</p>`,
    url,
  });
}

export type EmailChangeOutcome = "changed" | "invalid" | "expired" | "used" | "wrong_user" | "taken";

/** What the settings page says after a confirmation link was opened. */
export const EMAIL_CHANGE_MESSAGES: Record<EmailChangeOutcome, string> = {
  changed: "Your email address was changed.",
  invalid: "That confirmation link is not valid. Request a new one below.",
  expired: "That confirmation link has expired. Request a new one below.",
  used: "That confirmation link was already used.",
  wrong_user: "That confirmation link belongs to another account. Sign in as the account that asked for it.",
  taken: "That email address now belongs to another account, so yours was not changed.",
};

/** Applies the change the link stands for, if it is still valid and the signed-in user asked for it. */
export async function confirmEmailChange(
  userId: string,
  token: string,
  now = new Date(),
): Promise<EmailChangeOutcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "invalid";
  const result = await db
    .$transaction(async (tx) => {
      const row = await tx.emailChangeToken.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!row) return { outcome: "invalid" as const };
      if (row.userId !== userId) return { outcome: "wrong_user" as const };
      if (row.usedAt) return { outcome: "used" as const };
      if (row.expires <= now) return { outcome: "expired" as const };
      // Claim the token first: of two concurrent openings only one gets here with count 1.
      const claimed = await tx.emailChangeToken.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return { outcome: "used" as const };
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      const taken = await tx.user.findFirst({
        where: { email: row.newEmail, NOT: { id: userId } },
        select: { id: true },
      });
      if (taken) return { outcome: "taken" as const };
      await tx.user.update({ where: { id: userId }, data: { email: row.newEmail, emailVerified: now } });
      // Sign-in links still pending for the old address must not open the account any more.
      await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
      return { outcome: "changed" as const, oldEmail: user.email, newEmail: row.newEmail };
    })
    .catch((error: unknown) => {
      // Another user took the address between the check and the update (unique email).
      if ((error as { code?: string }).code === "P2002") return { outcome: "taken" as const };
      throw error;
    });
  if (result.outcome === "changed") await notifyOldAddress(result.oldEmail, result.newEmail);
  return result.outcome;
}

async function notifyOldAddress(oldEmail: string, newEmail: string) {
  try {
    await sendMail({
      to: oldEmail,
      subject: `Your ${site.name} email address was changed`,
      text: `The email address of your ${site.name} account was changed from ${oldEmail} to ${newEmail}. If you did not do this, contact us right away.\n`,
      html: `<p>The email address of your <strong>${escapeHtml(site.name)}</strong> account was changed from ${escapeHtml(oldEmail)} to ${escapeHtml(newEmail)}.</p><p>If you did not do this, contact us right away.</p>`,
    });
  } catch (error) {
    // The change is done; a notice that could not be sent is logged, not shown as a failure.
    console.error("[account] could not send the email-change notice", error);
  }
}
