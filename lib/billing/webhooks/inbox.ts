import { parseWebhookBody, verifyWebhookSignature, type CreemWebhookEvent } from "@/lib/creem";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { applyFacts, type ApplyOutcome } from "./apply";
import { eventFacts, type BillingFacts } from "./facts";

// The webhook inbox. One transaction stores the event (keyed by CREEM's event id), applies it, and
// marks it processed; a duplicate waits on the row lock and then sees it processed. A failure rolls all
// of it back and is recorded separately, so CREEM's retry applies it again.

export type WebhookResult = { status: number; body: { received: boolean; outcome?: string; error?: string } };

export const MAX_WEBHOOK_BYTES = 1024 * 1024;
const RETRYABLE_CODES = new Set(["P2034", "40001", "40P01"]); // write conflict, serialization, deadlock

function retryable(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return (
    RETRYABLE_CODES.has(e.code ?? "") ||
    RETRYABLE_CODES.has(e.meta?.code ?? "") ||
    /deadlock detected/.test(e.message ?? "")
  );
}

/** A fact to record in the inbox and apply: a CREEM webhook event, or an object fetched by a sync. */
export type InboxRecord = {
  id: string;
  type: string;
  createdAt: Date;
  payload: Prisma.InputJsonValue;
  facts: BillingFacts;
};

function objectIds(facts: BillingFacts) {
  return {
    subscriptionId: facts.subscription?.id ?? facts.reversal?.subscriptionId ?? null,
    orderId: facts.purchase?.id ?? facts.reversal?.orderId ?? null,
    customerId:
      facts.hints.customerId ?? facts.subscription?.customerId ?? facts.reversal?.customerId ?? null,
  };
}

async function processOnce(db: PrismaClient, record: InboxRecord) {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "type", "createdAt", "payload")
      VALUES (${record.id}, ${record.type}, ${record.createdAt}, ${JSON.stringify(record.payload)}::jsonb)
      ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) {
      // Seen before: wait for any delivery still applying it, then look at what it did.
      const [row] = await tx.$queryRaw<Array<{ processedAt: Date | null; outcome: string | null }>>`
        SELECT "processedAt", "outcome" FROM "WebhookEvent" WHERE id = ${record.id} FOR UPDATE`;
      if (row?.processedAt) return { duplicate: true, outcome: row.outcome ?? "applied" };
    }
    const outcome: ApplyOutcome = await applyFacts(tx, record.facts);
    const ids = objectIds(record.facts);
    await tx.$executeRaw`
      UPDATE "WebhookEvent" SET "processedAt" = now(), "attempts" = "attempts" + 1, "outcome" = ${outcome},
        "lastError" = NULL, "subscriptionId" = ${ids.subscriptionId}, "orderId" = ${ids.orderId},
        "customerId" = ${ids.customerId}
      WHERE id = ${record.id}`;
    return { duplicate: false, outcome };
  });
}

async function recordFailure(
  db: PrismaClient,
  event: { id: string; eventType: string; createdAt?: Date },
  payload: Prisma.InputJsonValue,
  error: string,
) {
  await db.webhookEvent.upsert({
    where: { id: event.id },
    create: {
      id: event.id,
      type: event.eventType,
      createdAt: event.createdAt ?? new Date(0),
      payload,
      attempts: 1,
      lastError: error,
    },
    update: { attempts: { increment: 1 }, lastError: error },
  });
}

/** Records and applies one fact, retrying a transaction that lost a deadlock or serialization race. */
export async function processRecord(db: PrismaClient, record: InboxRecord) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await processOnce(db, record);
    } catch (error) {
      if (attempt < 3 && retryable(error)) continue;
      throw error;
    }
  }
}

/** Applies a webhook event (the route, and the reconcile command for events whose processing failed). */
export async function processEvent(
  db: PrismaClient,
  event: CreemWebhookEvent,
  payload: Prisma.InputJsonValue,
) {
  return processRecord(db, {
    id: event.id,
    type: event.eventType,
    createdAt: event.createdAt ?? new Date(0),
    payload,
    facts: eventFacts(event),
  });
}

export async function receiveWebhook(input: {
  db: PrismaClient;
  rawBody: string;
  signature: string | null;
  secret: string;
}): Promise<WebhookResult> {
  if (Buffer.byteLength(input.rawBody) > MAX_WEBHOOK_BYTES) {
    return { status: 413, body: { received: false, error: "body too large" } };
  }
  if (!input.secret || !verifyWebhookSignature(input.rawBody, input.signature, input.secret)) {
    return { status: 401, body: { received: false, error: "invalid signature" } };
  }
  const parsed = parseWebhookBody(input.rawBody);
  if (!parsed.ok) {
    if (parsed.envelope) {
      // Signed by CREEM but unreadable to us: keep it for inspection and replay after a fix.
      await recordFailure(
        input.db,
        parsed.envelope,
        JSON.parse(input.rawBody) as Prisma.InputJsonValue,
        parsed.reason,
      );
    }
    return { status: 400, body: { received: false, error: parsed.reason } };
  }
  const event = parsed.event;
  if (event.object === undefined || event.object === null) {
    return { status: 400, body: { received: false, error: "invalid envelope: object is missing" } };
  }
  const payload = JSON.parse(input.rawBody) as Prisma.InputJsonValue;
  try {
    const result = await processEvent(input.db, event, payload);
    return {
      status: 200,
      body: { received: true, outcome: result.duplicate ? "duplicate" : result.outcome },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[webhook] ${event.id} ${event.eventType} failed: ${message}`);
    await recordFailure(input.db, event, payload, message.slice(0, 2000)).catch(() => undefined);
    return { status: 500, body: { received: false, error: "processing failed; retry later" } };
  }
}
