"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { deleteAccount } from "@/lib/account/deletion";
import { requestEmailChange } from "@/lib/account/email-change";
import { setEmailPreferences } from "@/lib/account/email-preferences";
import { updateProfile } from "@/lib/account/profile";
import {
  clearSessionCookie,
  currentSessionToken,
  revokeOtherSessions,
  revokeSession,
} from "@/lib/account/sessions";
import { unlinkProvider } from "@/lib/account/sign-in-methods";
import { changeEmailSchema, deleteAccountSchema, profileSchema } from "@/lib/account/validation";
import { UserError } from "@/lib/user-error";

// The account page's server actions. Each validates its form with zod and acts on the signed-in user's
// own rows only (ids from the browser are matched against the user in lib/account).

const PAGE = "/dashboard/settings";

export const updateProfileAction = validatedActionWithUser(profileSchema, async (input, user) => {
  await updateProfile(user.id, input);
  revalidatePath("/dashboard", "layout");
  return { success: "Your profile was saved." };
});

export const requestEmailChangeAction = validatedActionWithUser(changeEmailSchema, async (input, user) => {
  await requestEmailChange(user, input.email);
  return {
    success: `We sent a confirmation link to ${input.email}. Open it within an hour while signed in to switch.`,
  };
});

const providerSchema = z.object({
  provider: z
    .string({ error: "Choose a sign-in method." })
    .trim()
    .min(1, "Choose a sign-in method.")
    .max(50, "That is not a sign-in method."),
});

export const unlinkProviderAction = validatedActionWithUser(providerSchema, async (input, user) => {
  const success = await unlinkProvider(user.id, input.provider);
  revalidatePath(PAGE);
  return { success };
});

const sessionSchema = z.object({
  sessionId: z
    .string({ error: "The session is missing. Reload the page." })
    .trim()
    .min(1, "The session is missing. Reload the page.")
    .max(100, "That is not a session."),
});

export const revokeSessionAction = validatedActionWithUser(sessionSchema, async (input, user) => {
  const result = await revokeSession(user.id, input.sessionId, await currentSessionToken());
  if (result === "current") throw new UserError("This is the session you are using. Use Sign out instead.");
  if (result === "not_found") throw new UserError("That session has already ended.");
  revalidatePath(PAGE);
  return { success: "The session was signed out." };
});

const scopeSchema = z.object({
  scope: z.enum(["others", "all"], { error: "Choose which sessions to sign out." }),
});

export const signOutSessionsAction = validatedActionWithUser(scopeSchema, async (input, user) => {
  if (input.scope === "all") {
    await revokeOtherSessions(user.id, null);
    await clearSessionCookie();
    redirect("/signin");
  }
  const count = await revokeOtherSessions(user.id, await currentSessionToken());
  revalidatePath(PAGE);
  return {
    success:
      count === 0
        ? "No other sessions were signed in."
        : `Signed out ${count} other session${count === 1 ? "" : "s"}.`,
  };
});

export const deleteAccountAction = validatedActionWithUser(deleteAccountSchema, async (input, user) => {
  await deleteAccount(user, input.confirmEmail);
  await clearSessionCookie();
  redirect("/?account=deleted");
});

const emailPreferencesSchema = z.object({
  // A checkbox: sent as "on" when ticked, absent when not.
  trialReminders: z.literal("on", { error: "That is not a valid choice." }).optional(),
});

export const updateEmailPreferencesAction = validatedActionWithUser(
  emailPreferencesSchema,
  async (input, user) => {
    await setEmailPreferences(user.id, { emailTrialReminders: input.trialReminders === "on" });
    revalidatePath(PAGE);
    return { success: "Your email preferences were saved." };
  },
);
