import { localProductId } from "@/lib/billing/plans";
import type { PrismaClient } from "@/lib/prisma";
import { uid, type TestUser } from "../account/support";

// Shared by the team-* tests: team workspaces are created straight in the database (the "create team
// workspace" button belongs to another change), and a Team subscription is a stored row unless a test
// needs CREEM itself.

export async function newTeam(db: PrismaClient, owner: TestUser, name = `Team ${uid("t")}`) {
  const workspace = await db.workspace.create({ data: { name } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: owner.id, role: "owner" } });
  return workspace;
}

export async function addMember(db: PrismaClient, workspaceId: string, user: TestUser, role: string) {
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
}

/** A running Team (per-seat) subscription of `units` seats for the workspace, as the webhooks store it. */
export async function giveSeats(db: PrismaClient, workspaceId: string, units: number, id = uid("sub")) {
  const now = Date.now();
  await db.subscription.create({
    data: {
      id,
      workspaceId,
      customerId: uid("cust"),
      productId: localProductId("teamMonthly"),
      status: "active",
      units,
      currentPeriodStart: new Date(now - 86_400_000),
      currentPeriodEnd: new Date(now + 29 * 86_400_000),
      startedAt: new Date(now - 86_400_000),
      stateAt: new Date(now),
      stateSource: "test",
    },
  });
  return id;
}

/** The token of the newest invitation mail to `email` in the dev outbox. */
export async function invitationToken(db: PrismaClient, email: string): Promise<string> {
  const mail = await db.devMail.findFirstOrThrow({
    where: { to: email.toLowerCase(), subject: { contains: "invited you" } },
    orderBy: { createdAt: "desc" },
  });
  const token = new URL(mail.url!).pathname.split("/").pop()!;
  return token;
}

export const activityOf = (db: PrismaClient, workspaceId: string) =>
  db.activityLog.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
