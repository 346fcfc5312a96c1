import { db } from "@/lib/db";

// Which non-essential emails a user receives. Only the trial reminder can be turned off; payment
// problems, cancellations, the end of a subscription and license keys always go (lib/email/render.ts).

export async function getEmailPreferences(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailTrialReminders: true } });
}

export async function setEmailPreferences(userId: string, prefs: { emailTrialReminders: boolean }) {
  await db.user.update({ where: { id: userId }, data: { emailTrialReminders: prefs.emailTrialReminders } });
}
