import { createHmac, timingSafeEqual } from "node:crypto";
import pg from "pg";

// The benchmark's yardstick (scripts/bench-webhooks.ts), never shipped: `.bench.ts` is a page extension
// only when BENCH_BUILD=1 (next.config.ts), so no other build has this route. The least a webhook route
// can do: verify the signature over the raw bytes and insert the event id with `pg`.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = Buffer.from(await request.arrayBuffer());
  const expected = createHmac("sha256", process.env.CREEM_WEBHOOK_SECRET ?? "")
    .update(body)
    .digest();
  const given = Buffer.from(request.headers.get("creem-signature") ?? "", "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ received: false }, { status: 401 });
  }
  const { id } = JSON.parse(body.toString("utf8")) as { id: string };
  await pool.query(
    `INSERT INTO "WebhookEvent" ("id", "type", "createdAt", "processedAt") VALUES ($1, 'bench.bare', now(), now())
     ON CONFLICT ("id") DO NOTHING`,
    [id],
  );
  return Response.json({ received: true });
}
