"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { mailLimitMessage, mailLimitOf } from "@/lib/auth-rate-limit";
import { safeCallbackUrl } from "@/lib/safe-callback-url";

export type SignInState = { error?: string; email?: string };

const emailSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address, like you@example.com." })),
  callbackUrl: z.string().optional(),
});

export async function signInWithEmail(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = emailSchema.safeParse({
    email: formData.get("email") ?? "",
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  const typed = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email: typed };
  try {
    await signIn("email", {
      email: parsed.data.email,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
      redirect: false,
    });
  } catch (error) {
    // Limits are enforced where the mail is sent (lib/auth-email.ts), atomically, for every way in.
    const minutes = mailLimitOf(error);
    if (minutes !== null) return { error: mailLimitMessage(minutes), email: typed };
    if (error instanceof AuthError) {
      return { error: "We could not send the sign-in link. Please try again in a minute.", email: typed };
    }
    throw error;
  }
  // Straight to the page (Auth.js would detour through /api/auth/verify-request, which the URL bar keeps).
  redirect("/signin/check-email");
}

export async function signInWithOAuth(formData: FormData) {
  const provider = z.enum(["github", "google"]).parse(formData.get("provider"));
  await signIn(provider, { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
