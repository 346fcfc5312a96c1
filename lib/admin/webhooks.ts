import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { replayFailedEvents, type ReplayResult } from "@/lib/billing/webhooks/reconcile";
import type { CurrentUser } from "@/lib/auth";
import { recordAudit } from "./audit";

// The webhook inbox as the operator sees it: every stored event (and sync) with what applying it did,
// filtered and searched; replaying goes through the same function as `npm run webhooks -- replay` and the
// replay job (lib/billing/webhooks/reconcile.ts), so the console can do nothing the pipeline would not.

export const INBOX_OUTCOMES = ["applied", "stale", "ignored", "invalid", "failed", "pending"] as const;
export type InboxOutcome = (typeof INBOX_OUTCOMES)[number];
export const INBOX_PAGE_SIZE = 50;

export type InboxFilter = { outcome?: InboxOutcome; type?: string; q?: string; page?: number };

/** Not applied and not a sync: what replay works on, and the count in the console's nav. */
const NOT_APPLIED: Prisma.WebhookEventWhereInput = {
  processedAt: null,
  NOT: { type: { startsWith: "sync." } },
};

function outcomeWhere(outcome: InboxOutcome | undefined): Prisma.WebhookEventWhereInput {
  switch (outcome) {
    case undefined:
      return {};
    case "failed":
      return {
        ...NOT_APPLIED,
        OR: [{ outcome: null }, { outcome: { not: "invalid" } }],
        lastError: { not: null },
      };
    case "pending":
      return { ...NOT_APPLIED, outcome: null, lastError: null };
    case "invalid":
      return { processedAt: null, outcome: "invalid" };
    default:
      return { processedAt: { not: null }, outcome };
  }
}

export function inboxWhere(filter: InboxFilter): Prisma.WebhookEventWhereInput {
  const q = filter.q?.trim();
  return {
    AND: [
      outcomeWhere(filter.outcome),
      filter.type ? { type: filter.type } : {},
      q
        ? {
            OR: [
              { id: q },
              { subscriptionId: q },
              { orderId: q },
              { customerId: q },
              { id: { startsWith: q } },
              // An event not applied has no ids stored yet: look into what CREEM sent.
              { payload: { path: ["object", "id"], equals: q } },
              { payload: { path: ["object", "customer", "id"], equals: q } },
            ],
          }
        : {},
    ],
  };
}

export type InboxRow = {
  id: string;
  type: string;
  outcome: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  receivedAt: Date;
  processedAt: Date | null;
  subscriptionId: string | null;
  orderId: string | null;
  customerId: string | null;
};

/** What the inbox shows as the outcome of a row. */
export function outcomeOf(row: {
  processedAt: Date | null;
  outcome: string | null;
  lastError: string | null;
}) {
  if (row.processedAt) return row.outcome ?? "applied";
  if (row.outcome === "invalid") return "invalid";
  return row.lastError ? "failed" : "pending";
}

export async function listInbox(db: PrismaClient, filter: InboxFilter) {
  const page = Math.max(1, filter.page ?? 1);
  const where = inboxWhere(filter);
  const [rows, total, types] = await db.$transaction([
    db.webhookEvent.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        outcome: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        receivedAt: true,
        processedAt: true,
        subscriptionId: true,
        orderId: true,
        customerId: true,
      },
    }),
    db.webhookEvent.count({ where }),
    db.webhookEvent.groupBy({ by: ["type"], orderBy: { type: "asc" } }),
  ]);
  return {
    rows: rows.map((row): InboxRow => ({ ...row, outcome: outcomeOf(row) })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
    types: types.map((t) => t.type),
  };
}

/** Events not applied (failed or recorded as invalid), for the nav badge. */
export function notAppliedCount(db: PrismaClient): Promise<number> {
  return db.webhookEvent.count({ where: NOT_APPLIED });
}

export type InboxEvent = InboxRow & { payload: unknown; rawBody: string | null };

export async function getInboxEvent(db: PrismaClient, id: string): Promise<InboxEvent | null> {
  const row = await db.webhookEvent.findUnique({ where: { id } });
  if (!row) return null;
  return {
    ...row,
    outcome: outcomeOf(row),
    payload: row.payload,
    // The exact signed bytes, as text (CREEM sends UTF-8 JSON; anything else shows replacement marks).
    rawBody: row.rawBody ? Buffer.from(row.rawBody).toString("utf8") : null,
  };
}

/**
 * Replays one event (`ids`) or every event not applied (no ids) and writes the audit row with what each
 * looked like before and what the replay did. The replay commits per event (the pipeline's own
 * transactions), so the audit row follows it.
 */
export async function replayEvents(
  db: PrismaClient,
  admin: Pick<CurrentUser, "id" | "email">,
  ids?: string[],
): Promise<ReplayResult & { log: string[] }> {
  const where = ids ? { ...NOT_APPLIED, id: { in: ids } } : NOT_APPLIED;
  const before = await db.webhookEvent.findMany({
    where,
    select: { id: true, outcome: true, attempts: true, lastError: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const log: string[] = [];
  const result = await replayFailedEvents(db, (line) => log.push(line), ids ? { ids } : {});
  await recordAudit(db, admin, {
    action: ids ? "webhook.replay" : "webhook.replay_all",
    target: ids?.length === 1 ? ids[0] : null,
    before,
    after: { ...result, log },
  });
  return { ...result, log };
}
