import "server-only";
import NextAuth from "next-auth";
import { redirect } from "next/navigation";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { emailProvider } from "@/lib/auth-email";
import { mailLimitOf } from "@/lib/auth-rate-limit";
import { linkOrphans } from "@/lib/billing/webhooks/link-workspace";
import { safeCallbackUrl, sameOriginRedirect } from "@/lib/safe-callback-url";
import { isDeletedEmail, publicSession } from "@/lib/account/session-payload";
import { touchSession } from "@/lib/account/sessions";
import { recordSignIn } from "@/lib/workspaces/activity-feed";

function providers(): Provider[] {
  const list: Provider[] = [];
  const email = emailProvider();
  if (email) list.push(email);
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return list;
}

// Database sessions: signing out (or deleting a user) ends the session everywhere at once, and the
// session row is the one place a billing change can be checked against. The proxy only looks for the
// cookie; pages and actions validate it against the database through `requireUser()`.
const prismaAdapter = PrismaAdapter(db);
// Emails are stored lower-case (magic links already are), so billing can match CREEM customers exactly.
const adapter: Adapter = {
  ...prismaAdapter,
  createUser: (user) => prismaAdapter.createUser!({ ...user, email: user.email.toLowerCase() }),
  getUserByEmail: (email) => prismaAdapter.getUserByEmail!(email.toLowerCase()),
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter,
  providers: providers(),
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  logger: {
    // An expired or reused magic link is a user mistake with a friendly message, not a server error.
    // So is a sign-in mail refused by the rate limit (lib/auth-rate-limit.ts).
    error(error) {
      if ((error as { type?: string }).type === "Verification" || mailLimitOf(error) !== null)
        console.warn(`[auth] ${error.name}: ${error.message.split("\n")[0]}`);
      else console.error("[auth]", error);
    },
  },
  events: {
    // Purchases made before sign-up (same email) belong to the new user from the first page view.
    async createUser({ user }) {
      if (user.id && user.email) {
        const { id } = user;
        await db.$transaction((tx) => linkOrphans(tx, { id }));
      }
    },
    // Each workspace's activity log shows its members' sign-ins; a failure to log never blocks a sign-in.
    async signIn({ user }) {
      if (!user.id) return;
      try {
        await recordSignIn(user.id);
      } catch (error) {
        console.error("[auth] could not record the sign-in in the activity log", error);
      }
    },
  },
  callbacks: {
    // Every redirect Auth.js makes (after sign-in, sign-out, errors) stays on this site, checked on the
    // normalised URL: the default callback accepts any string starting with "/", such as "/.//evil.com".
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
    // A deleted account's anonymised row can never be signed in to again (lib/account/deletion.ts).
    signIn({ user }) {
      return !isDeletedEmail(user.email);
    },
    // Records "last seen" for the sessions list (throttled), and hands out only what the browser may see.
    async session({ session, user }) {
      await touchSession(session);
      return publicSession(session, user);
    },
  },
});

export type AuthProviderInfo = { id: string; name: string; type: "email" | "oauth" };

export function configuredProviders(): AuthProviderInfo[] {
  return providers().map((p) => {
    const resolved = typeof p === "function" ? p() : p;
    return { id: resolved.id, name: resolved.name, type: resolved.type === "email" ? "email" : "oauth" };
  });
}

export type CurrentUser = { id: string; email: string; name: string | null; image: string | null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, image: user.image ?? null };
}

/** For server components, server actions and route handlers: the signed-in user, or a redirect to sign-in. */
export async function requireUser(returnTo = "/dashboard"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackUrl(returnTo))}`);
  return user;
}
