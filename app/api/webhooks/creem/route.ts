import { MAX_WEBHOOK_BYTES, receiveWebhook } from "@/lib/billing/webhooks/inbox";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readBytesWithLimit } from "@/lib/read-body";

export const dynamic = "force-dynamic";

// no-transform: a 40-byte acknowledgement is not worth gzipping on the hot path.
const headers = { "cache-control": "no-store, no-transform" };

// CREEM webhooks: verified against the exact bytes received, stored once, applied in order; a signed body
// that cannot be applied is recorded as invalid and acknowledged (lib/billing/webhooks/inbox.ts).
export async function POST(request: Request) {
  const rawBody = await readBytesWithLimit(request, MAX_WEBHOOK_BYTES);
  if (rawBody === null) {
    return Response.json({ received: false, error: "body too large" }, { status: 413, headers });
  }
  const result = await receiveWebhook({
    db,
    rawBody,
    signature: request.headers.get("creem-signature"),
    secret: env.CREEM_WEBHOOK_SECRET,
  });
  return Response.json(result.body, { status: result.status, headers });
}
