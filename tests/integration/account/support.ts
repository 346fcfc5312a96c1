import { randomUUID } from "node:crypto";
import { vi } from "vitest";
import { configuredProviders, getCurrentUser } from "@/lib/auth";
import type { PrismaClient } from "@/lib/prisma";

// Shared by the account integration tests. The tests mock `@/lib/auth` (who is signed in), `next/headers`
// (this request's cookie and User-Agent, through `request` below) and `next/cache`, then call the
// server actions and route handlers directly.

export const request = { cookies: new Map<string, string>(), userAgent: "Mozilla/5.0 Firefox/133.0" };

export function headersMock() {
  return {
    cookies: async () => ({
      get: (name: string) => {
        const value = request.cookies.get(name);
        return value === undefined ? undefined : { name, value };
      },
      set: (name: string, value: string, options?: { maxAge?: number }) => {
        if (options?.maxAge === 0) request.cookies.delete(name);
        else request.cookies.set(name, value);
      },
    }),
    headers: async () => new Headers({ "user-agent": request.userAgent }),
  };
}

export type TestUser = { id: string; email: string; name: string | null };

export const uid = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

export async function newUser(db: PrismaClient, label = "user"): Promise<TestUser> {
  return db.user.create({
    data: { email: `${uid(label)}@example.com`, name: `Name ${uid(label)}`, emailVerified: new Date() },
    select: { id: true, email: true, name: true },
  });
}

/** Makes `user` the signed-in user (or nobody), with `sessionToken` as this browser's cookie. */
export function signInAs(user: TestUser | null, sessionToken?: string) {
  vi.mocked(getCurrentUser).mockResolvedValue(
    user ? { id: user.id, email: user.email, name: user.name, image: null } : null,
  );
  request.cookies.clear();
  if (sessionToken) request.cookies.set("authjs.session-token", sessionToken);
}

export function configure(...providers: Array<"email" | "github" | "google">) {
  const names = { email: "Email", github: "GitHub", google: "Google" };
  vi.mocked(configuredProviders).mockReturnValue(
    providers.map((id) => ({ id, name: names[id], type: id === "email" ? "email" : "oauth" })),
  );
}

export async function newSession(db: PrismaClient, userId: string, userAgent: string | null = null) {
  return db.session.create({
    data: {
      sessionToken: `tok_${randomUUID()}`,
      userId,
      userAgent,
      expires: new Date(Date.now() + 86_400_000),
    },
  });
}

export async function linkAccount(db: PrismaClient, userId: string, provider: string) {
  return db.account.create({
    data: {
      userId,
      type: "oauth",
      provider,
      providerAccountId: uid(provider),
      access_token: `secret_access_${randomUUID()}`,
      refresh_token: `secret_refresh_${randomUUID()}`,
      id_token: `secret_id_${randomUUID()}`,
    },
  });
}

export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** Runs an action that ends in redirect(); returns where it went. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("expected a redirect");
}
