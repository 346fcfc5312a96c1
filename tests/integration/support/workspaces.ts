import { vi } from "vitest";
import type { PrismaClient } from "@/lib/prisma";

// Workspaces in integration tests: the personal workspace the database gives every user, team workspaces
// with chosen members, and the workspace cookie a request carries (for files that mock "next/headers").

/** The personal workspace of `userId` (made by the trigger user_personal_workspace). */
export async function personalWorkspaceId(db: PrismaClient, userId: string): Promise<string> {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { personalOwnerId: userId },
    select: { id: true },
  });
  return workspace.id;
}

/** A team workspace with the given members and roles. */
export async function teamWorkspace(
  db: PrismaClient,
  members: Array<{ userId: string; role: "owner" | "admin" | "member" }>,
  name = "Team",
): Promise<string> {
  const workspace = await db.workspace.create({
    data: { name, memberships: { create: members } },
    select: { id: true },
  });
  return workspace.id;
}

let cookieWorkspace: string | undefined;

/** The workspace the next request names in its cookie (undefined: none, so the personal one is used). */
export function actInWorkspace(workspaceId: string | undefined) {
  cookieWorkspace = workspaceId;
}

/**
 * A stand-in for "next/headers" reading the workspace cookie set by actInWorkspace; use as
 * `vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock())`.
 */
export function nextHeadersMock() {
  return {
    cookies: vi.fn(async () => ({
      get: (name: string) =>
        name === "workspace" && cookieWorkspace ? { name, value: cookieWorkspace } : undefined,
      set: vi.fn((name: string, value: string) => {
        if (name === "workspace") cookieWorkspace = value;
      }),
    })),
    headers: vi.fn(async () => new Headers()),
  };
}
