import { MAIL_LIMIT_ERROR_CODE, mailLimitMessage } from "@/lib/auth-rate-limit";

// Auth.js reports failures as an `error` query parameter on the sign-in page; these are the messages
// users see. Unknown codes fall back to a generic message rather than echoing the parameter.
const messages: Record<string, string> = {
  Verification: "This sign-in link has expired or was already used. Enter your email to get a new one.",
  EmailSignin: "We could not send the sign-in email. Please try again.",
  OAuthSignin: "Could not start sign-in with that provider. Please try again.",
  OAuthCallbackError: "Sign-in with that provider was cancelled or failed. Please try again.",
  OAuthAccountNotLinked:
    "That email is already linked to another sign-in method. Sign in the way you did the first time.",
  AccessDenied: "You do not have access to this app.",
  Configuration: "Sign-in is not configured correctly on the server.",
  SessionRequired: "Please sign in to continue.",
};

/** The message for `?error=code`; `retryIn` is the minutes to wait after too many sign-in mails. */
export function authErrorMessage(code: string | undefined, retryIn?: string): string | null {
  if (!code) return null;
  if (code === MAIL_LIMIT_ERROR_CODE) {
    const minutes = Number(retryIn);
    return mailLimitMessage(Number.isInteger(minutes) && minutes >= 1 && minutes <= 60 ? minutes : 10);
  }
  return messages[code] ?? "Sign-in failed. Please try again.";
}
