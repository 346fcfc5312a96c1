import { createHmac } from "node:crypto";
import { WEBHOOK_SECRET } from "../../support/creem-payloads";

// The real route handler (app/api/webhooks/creem/route.ts), called with a Request as Next.js would.
process.env.CREEM_WEBHOOK_SECRET = WEBHOOK_SECRET;
const { POST } = await import("@/app/api/webhooks/creem/route");

/** HMAC-SHA256 over the exact bytes, as CREEM signs. */
export const signBytes = (body: string | Uint8Array) =>
  createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex");

export async function postWebhook(body: string | Uint8Array, signature = signBytes(body)) {
  const response = await POST(
    new Request("http://localhost/api/webhooks/creem", {
      method: "POST",
      headers: { "content-type": "application/json", "creem-signature": signature },
      body: typeof body === "string" ? body : Buffer.from(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
