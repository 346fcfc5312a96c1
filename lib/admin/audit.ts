import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth";

// The operator console's audit log: who did what to which object, with the state before and after.
// Written with the transaction client of the effect where the effect is in this database, so an action
// and its audit row commit (or roll back) together.

type AuditWriter = { adminAudit: Prisma.TransactionClient["adminAudit"] };

export type AuditEntry = {
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy (Dates as ISO strings, undefined dropped); null stays SQL NULL. */
function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(
  db: AuditWriter,
  admin: Pick<CurrentUser, "id" | "email">,
  entry: AuditEntry,
) {
  await db.adminAudit.create({
    data: {
      adminId: admin.id,
      adminEmail: admin.email,
      action: entry.action,
      target: entry.target ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
