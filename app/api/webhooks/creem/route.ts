import { after } from "next/server";
import { MAX_WEBHOOK_BYTES, receiveWebhook, type AppliedEvent } from "@/lib/billing/webhooks/inbox";
import { db } from "@/lib/db";
import { EMAIL_EVENT_TYPES, wakeLifecycleEmail } from "@/lib/email/events";
import { env } from "@/lib/env";
import { readBytesWithLimit } from "@/lib/read-body";

export const dynamic = "force-dynamic";

// no-transform: a 40-byte acknowledgement is not worth gzipping on the hot path.
const headers = { "cache-control": "no-store, no-transform" };

// The few events that may make a lifecycle email due (payment failed, cancellation, a lifetime key) wake the
// job worker after the response; it decides, renders and sends them (lib/email/lifecycle.ts). Every other
// event costs nothing extra, and this process never renders an email.
function onApplied(event: AppliedEvent) {
  if (!EMAIL_EVENT_TYPES.has(event.type)) return;
  const wake = () =>
    wakeLifecycleEmail(db).catch((error: unknown) =>
      console.error(
        `[email] wake after ${event.type}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  try {
    after(wake);
  } catch {
    // Called outside a request (a test calling the handler directly): run it without waiting.
    void wake();
  }
}

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
    onApplied,
  });
  return Response.json(result.body, { status: result.status, headers });
}
