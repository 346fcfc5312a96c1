import { createHash } from "node:crypto";
import { decodeWebhookBody, parseWebhookEvent, verifyWebhookSignature } from "@/lib/creem";
import { WEBHOOK_TYPE_PATTERN } from "@/lib/creem/webhook-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { poolOf, type PrismaClient } from "@/lib/prisma";
import { applyFacts, subscriptionRow, type ApplyOutcome } from "./apply";
import { eventFacts, type BillingFacts, type SubscriptionFact } from "./facts";
import { invalidReason, MAX_FUTURE_SKEW_MS } from "./validate";

// The webhook inbox. One transaction stores the event (keyed by CREEM's event id), applies it, and
// marks it processed; a duplicate waits on the row lock and then sees it processed. A failure rolls all
// of it back and is recorded separately, so CREEM's retry applies it again.
//
// The rule for a signed request: a 2xx when it was applied, or recorded as invalid (unparseable, out of
// range, nonsense: see validate.ts) for inspection and replay, with no effect on billing state; a 5xx only
// for a real transient fault (the database), which CREEM's retry or the replay job gets past.

export type WebhookResult = { status: number; body: { received: boolean; outcome?: string; error?: string } };

export const MAX_WEBHOOK_BYTES = 1024 * 1024;
const MAX_ERROR_CHARS = 2000;
const RETRYABLE_CODES = new Set(["P2034", "40001", "40P01"]); // write conflict, serialization, deadlock

function retryable(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return (
    RETRYABLE_CODES.has(e.code ?? "") ||
    RETRYABLE_CODES.has(e.meta?.code ?? "") ||
    /deadlock detected/.test(e.message ?? "")
  );
}

// Errors that the same event meets on every attempt: it contradicts stored state (a license key or a
// transaction id already stored under another id: class 23) or holds a value PostgreSQL refuses (class 22).
// Retrying cannot help, so the event is recorded as invalid instead of answered 5xx forever.
const DETERMINISTIC_PRISMA_CODES = new Set(["P2000", "P2002", "P2003", "P2011", "P2020"]);

function deterministic(error: unknown): boolean {
  const e = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  const sqlState = e.meta?.driverAdapterError?.cause?.originalCode ?? e.meta?.code ?? "";
  return DETERMINISTIC_PRISMA_CODES.has(e.code ?? "") || /^2[23]/.test(sqlState);
}

/** A fact to record in the inbox and apply: a CREEM webhook event, or an object fetched by a sync. */
export type InboxRecord = {
  id: string;
  type: string;
  createdAt: Date;
  /** Storable JSON (no NUL, no lone surrogates: see decodeWebhookBody). */
  payload: Prisma.InputJsonValue;
  /** The exact signed bytes of a webhook; syncs have none. */
  rawBody?: Uint8Array;
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

const bytesOf = (raw: Uint8Array | undefined) =>
  raw ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) : null;

/** Facts that are one subscription state and nothing else: every subscription.* event, most of the traffic. */
function subscriptionOnly(facts: BillingFacts) {
  return facts.subscription &&
    !facts.purchase &&
    !facts.reversal &&
    facts.licenses.length === 0 &&
    !facts.checkout
    ? facts.subscription
    : undefined;
}

// The hot path: the whole event in one statement and one round trip (webhook_subscription_event, migration
// workspace_billing): inbox insert or duplicate check, user and workspace lookup, state upsert, user and
// workspace link, processed mark.
// One statement is one transaction, so the guarantees are those of processOnce below. It goes straight to
// the client's node-postgres pool (poolOf): Prisma's query pipeline cost more CPU than the statement.
// Times are sent as UTC ISO strings: node-postgres would send a Date in the process's local time zone, and
// the timestamp(3) parameters would keep that wall-clock time.
const SUBSCRIPTION_EVENT_SQL = `SELECT webhook_subscription_event(${Array.from(
  { length: 28 },
  (_, i) => `$${i + 1}`,
).join(", ")}) AS outcome`;

const utc = (date: Date | null | undefined) => (date ? date.toISOString() : null);

async function processSubscriptionEvent(db: PrismaClient, record: InboxRecord, fact: SubscriptionFact) {
  const s = subscriptionRow(fact, record.facts);
  const hints = record.facts.hints;
  const { rows } = await poolOf(db).query<{ outcome: string }>(SUBSCRIPTION_EVENT_SQL, [
    record.id,
    record.type,
    utc(record.createdAt),
    JSON.stringify(record.payload),
    bytesOf(record.rawBody),
    hints.userId ?? null,
    hints.workspaceId ?? null,
    hints.customerId ?? null,
    hints.email ?? null,
    fact.id,
    fact.customerId,
    fact.customerEmail ?? null,
    s.productId,
    s.status,
    s.units,
    utc(s.currentPeriodStart),
    utc(s.currentPeriodEnd),
    s.cancelAtPeriodEnd,
    utc(s.canceledAt),
    utc(s.trialEnd),
    utc(s.pastDueSince),
    s.discount, // JSON text already (subscriptionState)
    utc(s.startedAt),
    utc(s.trialStartedAt),
    s.cancelIntent,
    utc(s.cancelIntentAt),
    utc(s.stateAt),
    s.stateSource,
  ]);
  const outcome = rows[0]!.outcome;
  return outcome.startsWith("duplicate:")
    ? { duplicate: true, outcome: outcome.slice("duplicate:".length) }
    : { duplicate: false, outcome };
}

async function processOnce(db: PrismaClient, record: InboxRecord) {
  const fact = subscriptionOnly(record.facts);
  if (fact && !record.facts.hints.requestId) return processSubscriptionEvent(db, record, fact);
  return db.$transaction(async (tx) => {
    const payload = JSON.stringify(record.payload);
    const inserted = await tx.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "type", "createdAt", "payload", "rawBody")
      VALUES (${record.id}, ${record.type}, ${record.createdAt}, ${payload}::jsonb, ${bytesOf(record.rawBody)})
      ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) {
      // Seen before: wait for any delivery still applying it, then look at what it did. A row recorded
      // as invalid (or failed) is not processed: this delivery, valid now, is applied and replaces it.
      const [row] = await tx.$queryRaw<Array<{ processedAt: Date | null; outcome: string | null }>>`
        SELECT "processedAt", "outcome" FROM "WebhookEvent" WHERE id = ${record.id} FOR UPDATE`;
      if (row?.processedAt) return { duplicate: true, outcome: row.outcome ?? "applied" };
      if (row?.outcome === "invalid") {
        await tx.$executeRaw`
          UPDATE "WebhookEvent" SET "type" = ${record.type}, "createdAt" = ${record.createdAt},
            "payload" = ${payload}::jsonb, "rawBody" = COALESCE(${bytesOf(record.rawBody)}, "rawBody")
          WHERE id = ${record.id}`;
      }
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

/** A failed attempt at a valid event: kept unprocessed with its error, so a retry or the replay job applies it. */
async function recordFailure(db: PrismaClient, record: InboxRecord, error: string) {
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" AS w ("id", "type", "createdAt", "payload", "rawBody", "attempts", "lastError")
    VALUES (${record.id}, ${record.type}, ${record.createdAt}, ${JSON.stringify(record.payload)}::jsonb,
      ${bytesOf(record.rawBody)}, 1, ${error.slice(0, MAX_ERROR_CHARS)})
    ON CONFLICT ("id") DO UPDATE SET "attempts" = w."attempts" + 1, "lastError" = EXCLUDED."lastError"
    WHERE w."processedAt" IS NULL`;
}

/** What cannot be applied, and why; `id` is CREEM's event id, or `invalid:<sha256>` when it has none. */
export type InvalidDelivery = {
  id: string;
  type: string;
  createdAt: Date;
  payload: Prisma.InputJsonValue | null;
  rawBody?: Uint8Array;
  receivedAt: Date;
  reason: string;
};

/**
 * Records a signed delivery that cannot be applied: unprocessed, outcome "invalid", the reason in
 * lastError. It changes no billing state. A row already applied under this id is left as it is.
 */
async function recordInvalid(db: PrismaClient, invalid: InvalidDelivery) {
  const payload = invalid.payload === null ? null : JSON.stringify(invalid.payload);
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" AS w ("id", "type", "createdAt", "payload", "rawBody", "receivedAt", "attempts",
      "outcome", "lastError")
    VALUES (${invalid.id}, ${invalid.type}, ${invalid.createdAt}, ${payload}::jsonb, ${bytesOf(invalid.rawBody)},
      ${invalid.receivedAt}, 1, 'invalid', ${invalid.reason.slice(0, MAX_ERROR_CHARS)})
    ON CONFLICT ("id") DO UPDATE SET "attempts" = w."attempts" + 1, "outcome" = 'invalid',
      "lastError" = EXCLUDED."lastError"
    WHERE w."processedAt" IS NULL`;
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

function typeOf(payload: unknown): string {
  const type = (payload as { eventType?: unknown } | null)?.eventType;
  return typeof type === "string" && WEBHOOK_TYPE_PATTERN.test(type) ? type : "unknown";
}

/**
 * What a signed delivery is: a record to apply, or an invalid one to record. Pure. `receivedAt` bounds
 * CREEM's times (a replay passes the original time of receipt, so the verdict does not drift).
 */
export function evaluateDelivery(
  source: { rawBody: Uint8Array } | { payload: unknown },
  receivedAt: Date,
): { ok: true; record: InboxRecord } | { ok: false; invalid: InvalidDelivery } {
  const rawBody = "rawBody" in source ? source.rawBody : undefined;
  const decoded =
    "rawBody" in source
      ? decodeWebhookBody(source.rawBody)
      : { ok: true as const, payload: source.payload, sanitized: false };
  const fallbackId = () =>
    `invalid:${createHash("sha256")
      .update(rawBody ?? JSON.stringify(decoded.ok ? decoded.payload : null) ?? "")
      .digest("hex")}`;
  if (!decoded.ok) {
    return {
      ok: false,
      invalid: {
        id: fallbackId(),
        type: "unknown",
        createdAt: receivedAt,
        payload: null,
        rawBody,
        receivedAt,
        reason: decoded.reason,
      },
    };
  }
  const payload = (decoded.payload ?? null) as Prisma.InputJsonValue | null;
  const parsed = parseWebhookEvent(decoded.payload);
  const invalid = (id: string, reason: string, createdAt?: Date) => ({
    ok: false as const,
    invalid: {
      id,
      type: typeOf(decoded.payload),
      // Only a plausible CREEM time orders the inbox; anything else is filed at the time of receipt.
      createdAt:
        createdAt &&
        createdAt.getTime() <= receivedAt.getTime() + MAX_FUTURE_SKEW_MS &&
        createdAt.getUTCFullYear() >= 2000
          ? createdAt
          : receivedAt,
      payload,
      rawBody,
      receivedAt,
      reason,
    },
  });
  if (!parsed.ok) {
    return parsed.envelope
      ? invalid(parsed.envelope.id, parsed.reason, parsed.envelope.createdAt)
      : invalid(fallbackId(), parsed.reason);
  }
  const event = parsed.event;
  const facts = eventFacts(event);
  const reason = invalidReason(event, facts, receivedAt);
  if (reason) return invalid(event.id, `invalid ${event.eventType}: ${reason}`, event.createdAt);
  return {
    ok: true,
    record: {
      id: event.id,
      type: event.eventType,
      createdAt: event.createdAt!,
      payload: payload as Prisma.InputJsonValue,
      rawBody,
      facts,
    },
  };
}

/** What was just applied (not a duplicate): for follow-ups outside the hot path, such as lifecycle email. */
export type AppliedEvent = { type: string; subscriptionId?: string; orderId?: string };

/** Records, applies and answers one signature-verified delivery. Throws only on a database fault. */
async function acceptDelivery(
  db: PrismaClient,
  rawBody: Uint8Array,
  receivedAt: Date,
  onApplied?: (event: AppliedEvent) => void,
): Promise<WebhookResult> {
  const verdict = evaluateDelivery({ rawBody }, receivedAt);
  if (!verdict.ok) {
    await recordInvalid(db, verdict.invalid);
    console.warn(
      `[webhook] ${verdict.invalid.id.slice(0, 80)} recorded as invalid: ${verdict.invalid.reason}`,
    );
    return { status: 200, body: { received: true, outcome: "invalid", error: verdict.invalid.reason } };
  }
  const record = verdict.record;
  try {
    const result = await processRecord(db, record);
    if (!result.duplicate && onApplied) {
      // A follow-up never turns an applied event into a failure.
      try {
        onApplied({
          type: record.type,
          subscriptionId: record.facts.subscription?.id,
          orderId: record.facts.purchase?.id,
        });
      } catch (error) {
        console.error(`[webhook] ${record.id} follow-up failed: ${(error as Error).message}`);
      }
    }
    return {
      status: 200,
      body: { received: true, outcome: result.duplicate ? "duplicate" : result.outcome },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (deterministic(error)) {
      const reason = `conflicts with stored state: ${message.split("\n").filter(Boolean).at(-1) ?? message}`;
      await recordInvalid(db, { ...record, receivedAt, reason });
      console.warn(`[webhook] ${record.id} recorded as invalid: ${reason}`);
      return { status: 200, body: { received: true, outcome: "invalid", error: reason } };
    }
    console.error(`[webhook] ${record.id} ${record.type} failed: ${message}`);
    await recordFailure(db, record, message).catch(() => undefined);
    return { status: 500, body: { received: false, error: "processing failed; retry later" } };
  }
}

export async function receiveWebhook(input: {
  db: PrismaClient;
  /** The exact bytes received (a string is taken as its UTF-8 encoding). */
  rawBody: string | Uint8Array;
  signature: string | null;
  secret: string;
  receivedAt?: Date;
  /** Called (synchronously) once the event's effects are committed, unless it was a duplicate. */
  onApplied?: (event: AppliedEvent) => void;
}): Promise<WebhookResult> {
  const rawBody = typeof input.rawBody === "string" ? Buffer.from(input.rawBody, "utf8") : input.rawBody;
  if (rawBody.byteLength > MAX_WEBHOOK_BYTES) {
    return { status: 413, body: { received: false, error: "body too large" } };
  }
  if (!input.secret || !verifyWebhookSignature(rawBody, input.signature, input.secret)) {
    return { status: 401, body: { received: false, error: "invalid signature" } };
  }
  try {
    return await acceptDelivery(input.db, rawBody, input.receivedAt ?? new Date(), input.onApplied);
  } catch (error) {
    // Recording itself failed (the database is down): nothing was kept, so CREEM must retry.
    console.error(
      `[webhook] could not record a delivery: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { status: 503, body: { received: false, error: "temporarily unavailable; retry later" } };
  }
}
