import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth";
import { env } from "@/lib/env";

// Who may use the operator console: the users whose email is in ADMIN_EMAILS. Checked on the server by
// the /admin layout AND by every admin page, action and route (a layout does not protect a server action
// or a route handler). Everyone else, signed in or not, gets the same 404 as a page that does not exist.

/** Whether this (verified, sign-in) email is an operator's. */
export function isAdminEmail(email: string | null | undefined): boolean {
  if (!email) return false;
  // Under SKIP_ENV_VALIDATION the raw string is there instead of the parsed list: nobody is an admin.
  const admins: unknown = env.ADMIN_EMAILS;
  return Array.isArray(admins) && admins.includes(email.toLowerCase());
}

/** The signed-in operator, or notFound(). */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !isAdminEmail(user.email)) notFound();
  return user;
}

/** The signed-in operator, or null (for showing the console link). */
export async function currentAdmin(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && isAdminEmail(user.email) ? user : null;
}
