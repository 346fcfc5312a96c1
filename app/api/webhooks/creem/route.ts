import { receiveWebhook } from "@/lib/billing/inbox";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// CREEM webhooks: verified against the raw body, stored once, applied in order (lib/billing/inbox.ts).
export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 1024 * 1024)
    return Response.json({ received: false, error: "body too large" }, { status: 413 });
  const result = await receiveWebhook({
    db,
    rawBody: await request.text(),
    signature: request.headers.get("creem-signature"),
    secret: env.CREEM_WEBHOOK_SECRET,
  });
  // no-transform: a 40-byte acknowledgement is not worth gzipping on the hot path.
  return Response.json(result.body, {
    status: result.status,
    headers: { "cache-control": "no-store, no-transform" },
  });
}
