import { randomUUID } from "node:crypto";
import { vi } from "vitest";
import { getCurrentUser, requireUser } from "@/lib/auth";
import type { PrismaClient } from "@/lib/prisma";

// Shared by the operator console tests. They mock `@/lib/auth` (who is signed in) and `next/cache`, set
// ADMIN_EMAILS before the app's env is first read, then call pages, actions and lib/admin directly.

export const ADMIN_EMAIL = `ops_${randomUUID().slice(0, 8)}@example.com`;
process.env.ADMIN_EMAILS = ` Someone@Example.com , ${ADMIN_EMAIL.toUpperCase()} `;

export const uid = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 14)}`;

export type TestUser = { id: string; email: string; name: string | null };

export function newUser(db: PrismaClient, email = `${uid("user")}@example.com`): Promise<TestUser> {
  return db.user.create({
    data: { email, name: "Test User" },
    select: { id: true, email: true, name: true },
  });
}

export function signInAs(user: TestUser | null) {
  const current = user ? { id: user.id, email: user.email, name: user.name, image: null } : null;
  vi.mocked(getCurrentUser).mockResolvedValue(current);
  if (current) vi.mocked(requireUser).mockResolvedValue(current);
}

export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** Runs `run` and says whether it ended in notFound() (the console's answer to everyone but operators). */
export async function isNotFound(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return true;
    throw error;
  }
}
