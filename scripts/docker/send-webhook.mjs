// Sends one signed CREEM `subscription.active` webhook (and one with a wrong signature) to a running app,
// for checking a container by hand. Plain Node, no dependencies:
//   CREEM_WEBHOOK_SECRET=... node scripts/docker/send-webhook.mjs http://127.0.0.1:3000
// Prints each status and body, and the event and subscription ids to look up in the database.
import { createHmac, randomUUID } from "node:crypto";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const secret = process.env.CREEM_WEBHOOK_SECRET;
if (!secret) throw new Error("set CREEM_WEBHOOK_SECRET to the app's webhook secret");

const now = Date.now();
const sub = `sub_docker_${now}`;
const body = JSON.stringify({
  id: `evt_${randomUUID()}`,
  eventType: "subscription.active",
  created_at: now,
  object: {
    id: sub,
    object: "subscription",
    mode: "test",
    status: "active",
    product: { id: "prod_local_pro_monthly", object: "product", name: "Pro", price: 1900, currency: "USD" },
    customer: {
      id: `cust_docker_${now}`,
      object: "customer",
      mode: "test",
      email: "docker-check@example.com",
    },
    items: [{ id: `sitem_${now}`, product_id: "prod_local_pro_monthly", units: 1 }],
    collection_method: "charge_automatically",
    current_period_start_date: new Date(now).toISOString(),
    current_period_end_date: new Date(now + 30 * 86_400_000).toISOString(),
    canceled_at: null,
    created_at: new Date(now).toISOString(),
    updated_at: new Date(now).toISOString(),
  },
});

async function post(signature) {
  const res = await fetch(`${base}/api/webhooks/creem`, {
    method: "POST",
    headers: { "content-type": "application/json", "creem-signature": signature },
    body,
  });
  return `${res.status} ${await res.text()}`;
}

console.log("signed:   ", await post(createHmac("sha256", secret).update(body).digest("hex")));
console.log("bad sig:  ", await post(createHmac("sha256", "wrong").update(body).digest("hex")));
console.log("event:    ", JSON.parse(body).id, "subscription:", sub);
