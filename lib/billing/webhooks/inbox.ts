import { parseWebhookBody, verifyWebhookSignature, type CreemWebhookEvent } from "@/lib/creem";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { applyFacts, type ApplyOutcome } from "@/lib/billing/webhooks/apply";
import { eventFacts } from "@/lib/billing/webhooks/facts";

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

async function processOnce(db: PrismaClient, event: CreemWebhookEvent, payload: Prisma.InputJsonValue) {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "type", "createdAt", "payload")
      VALUES (${event.id}, ${event.eventType}, ${event.createdAt ?? new Date(0)}, ${JSON.stringify(payload)}::jsonb)
      ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) {
      // Seen before: wait for any delivery still applying it, then look at what it did.
      const [row] = await tx.$queryRaw<Array<{ processedAt: Date | null; outcome: string | null }>>`
        SELECT "processedAt", "outcome" FROM "WebhookEvent" WHERE id = ${event.id} FOR UPDATE`;
      if (row?.processedAt) return { duplicate: true, outcome: row.outcome ?? "applied" };
    }
    const outcome: ApplyOutcome = await applyFacts(tx, eventFacts(event));
    await tx.$executeRaw`
      UPDATE "WebhookEvent" SET "processedAt" = now(), "attempts" = "attempts" + 1, "outcome" = ${outcome},
        "lastError" = NULL
      WHERE id = ${event.id}`;
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

/** Applies a stored event again (the reconcile command uses this for events whose processing failed). */
export async function processEvent(
  db: PrismaClient,
  event: CreemWebhookEvent,
  payload: Prisma.InputJsonValue,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await processOnce(db, event, payload);
    } catch (error) {
      if (attempt < 3 && retryable(error)) continue;
      throw error;
    }
  }
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
