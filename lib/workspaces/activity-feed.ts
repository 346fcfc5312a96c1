import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "./activity";
import { describeActivity } from "./activity-text";

// Reading the activity log (the activity page, newest first, a page at a time) and the one entry written
// outside a workspace change: a sign-in, recorded in every workspace of the user (Auth.js `events.signIn`).

export const ACTIVITY_PAGE_SIZE = 25;

export type ActivityItem = { id: string; at: Date; line: string };

export async function listActivity(
  workspaceId: string,
  page: number,
): Promise<{ items: ActivityItem[]; page: number; pages: number; total: number }> {
  const total = await db.activityLog.count({ where: { workspaceId } });
  const pages = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.activityLog.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * ACTIVITY_PAGE_SIZE,
    take: ACTIVITY_PAGE_SIZE,
    include: { actor: { select: { name: true, email: true } } },
  });
  const items = rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    line: describeActivity({
      action: row.action,
      actorName: row.actor?.name ?? row.actor?.email ?? null,
      details: row.details,
    }),
  }));
  return { items, page: current, pages, total };
}

/** One "signed in" entry in each workspace the user belongs to. */
export async function recordSignIn(userId: string): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { workspaceId: true } });
  await db.$transaction(async (tx) => {
    for (const { workspaceId } of memberships) {
      await recordActivity(tx, { workspaceId, actorId: userId, action: "member.signed_in" });
    }
  });
}
