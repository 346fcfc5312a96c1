"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
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
    await signIn("email", { email: parsed.data.email, redirectTo: safeCallbackUrl(parsed.data.callbackUrl) });
  } catch (error) {
    // signIn ends in a redirect (to the check-email page), which Next implements by throwing.
    if (error instanceof AuthError) {
      return { error: "We could not send the sign-in link. Please try again in a minute.", email: typed };
    }
    throw error;
  }
  return {};
}

export async function signInWithOAuth(formData: FormData) {
  const provider = z.enum(["github", "google"]).parse(formData.get("provider"));
  await signIn(provider, { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
