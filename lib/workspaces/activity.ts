import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The workspace activity log (owners and admins read it): one function writes every entry, so the list
// of actions below is the whole vocabulary. Pass the transaction of the change itself when there is one,
// so the entry exists exactly when the change does.

export type ActivityAction =
  | "member.signed_in"
  | "member.invited"
  | "member.invitation_resent"
  | "member.invitation_revoked"
  | "member.joined"
  | "member.removed"
  | "member.left"
  | "member.role_changed"
  | "workspace.created"
  | "workspace.renamed"
  | "workspace.ownership_transferred"
  | "billing.checkout_started"
  | "billing.plan_changed"
  | "billing.seats_changed"
  | "billing.canceled"
  | "billing.resumed"
  | "billing.paused"
  | "billing.seat_drift_corrected";

export type ActivityEntry = {
  workspaceId: string;
  actorId: string | null;
  action: ActivityAction;
  details?: Prisma.InputJsonValue;
};

type Db = Pick<PrismaClient, "activityLog"> | Prisma.TransactionClient;

export async function recordActivity(client: Db, entry: ActivityEntry): Promise<void> {
  await client.activityLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actorId,
      action: entry.action,
      details: entry.details,
    },
  });
}
