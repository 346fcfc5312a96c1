import { randomUUID } from "node:crypto";
import { receiveWebhook } from "@/lib/billing/webhooks/inbox";
import type { PrismaClient } from "@/lib/prisma";
import { sign, WEBHOOK_SECRET } from "../../support/creem-payloads";

/** Delivers a payload the way CREEM does: exact raw body, signed. */
export function deliver(
  db: PrismaClient,
  payload: unknown,
  options: { signature?: string | null; secret?: string } = {},
) {
  const rawBody = typeof payload === "string" ? payload : JSON.stringify(payload);
  return receiveWebhook({
    db,
    rawBody,
    signature: options.signature === undefined ? sign(rawBody) : options.signature,
    secret: options.secret ?? WEBHOOK_SECRET,
  });
}

export const uid = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
