import { expect, test, type Page } from "@playwright/test";
import { createHmac, randomUUID } from "node:crypto";
import pg from "pg";
import { E2E_ADMIN_EMAIL, E2E_CREEM_WEBHOOK_SECRET } from "../../scripts/lib/e2e-env";
import { ADMIN_DATABASE_URL } from "../../scripts/lib/test-database";
import { applyDiscount } from "./support/billing";
import { outboxOf, signIn, uniqueEmail } from "./support/auth";
import { SCREENSHOTS, snap } from "./support/screens";

// Issue 12 end to end: the operator finds a customer, replays an event that failed (after its cause is
// gone), creates a discount that then works on the pricing page; a past_due webhook produces exactly one
// rendered email in the outbox. Screenshots of the console go to E2E_SCREENS_DIR (default screenshots/).

const SCREENS = process.env.E2E_SCREENS_DIR ?? "screenshots";
const DAY = 86_400_000;

/** The e2e server's database (scripts/e2e-server.ts creates one per run; e2e runs one at a time). */
async function e2eDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'starter_e2e_%' ORDER BY oid DESC LIMIT 1",
  );
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${rows[0]!.datname}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function subscriptionEvent(type: string, subId: string, email: string, status: string, at: number) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const cust = { id: `cust_${subId}`, object: "customer", email, created_at: iso(0), updated_at: iso(0) };
  return {
    id: `evt_${randomUUID().replace(/-/g, "")}`,
    eventType: type,
    created_at: at,
    object: {
      id: subId,
      object: "subscription",
      mode: "test",
      product: {
        id: "prod_local_pro_monthly",
        object: "product",
        price: 1900,
        currency: "USD",
        billing_type: "recurring",
        billing_period: "every-month",
      },
      customer: cust,
      items: [
        { id: `sitem_${subId}`, object: "subscription_item", product_id: "prod_local_pro_monthly", units: 1 },
      ],
      status,
      collection_method: "charge_automatically",
      current_period_start_date: iso(at - (status === "past_due" ? 30 * DAY : 1000)),
      current_period_end_date: iso(status === "past_due" ? at - 1000 : at + 30 * DAY),
      canceled_at: null,
      metadata: {},
      created_at: iso(at - 1000),
      updated_at: iso(at),
    },
  };
}

async function postWebhook(page: Page, payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = createHmac("sha256", E2E_CREEM_WEBHOOK_SECRET).update(body).digest("hex");
  return page.request.post("/api/webhooks/creem", {
    data: body,
    headers: { "content-type": "application/json", "creem-signature": signature },
    failOnStatusCode: false,
  });
}

async function shot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await snap(page, { path: `${SCREENS}/${name}-1280.png`, fullPage: true });
}

test("the operator finds a customer, replays a failed event, creates a discount that works on pricing", async ({
  page,
  browser,
}) => {
  const customerEmail = uniqueEmail("console-customer");
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, customerEmail);

  // A customer is not an operator: the console does not exist for them.
  expect((await customer.goto("/admin/webhooks"))?.status()).toBe(404);

  // An event that fails while the database refuses its subscription (an outage), then the cause is gone.
  const subId = `sub_console_${Date.now().toString(36)}`;
  await e2eDatabase((db) =>
    db.query(`
      CREATE OR REPLACE FUNCTION e2e_console_fail() RETURNS trigger AS $$
      BEGIN IF NEW.id = '${subId}' THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER e2e_console_fail BEFORE INSERT ON "Subscription" FOR EACH ROW EXECUTE FUNCTION e2e_console_fail();`),
  );
  const started = subscriptionEvent("subscription.active", subId, customerEmail, "active", Date.now());
  expect((await postWebhook(page, started)).status()).toBe(500);
  await e2eDatabase((db) => db.query(`DROP TRIGGER e2e_console_fail ON "Subscription"`));

  await signIn(page, E2E_ADMIN_EMAIL);
  await page.getByRole("link", { name: "Console" }).click();
  await expect(page).toHaveURL(/\/admin\/webhooks$/);
  await expect(page.getByTestId("failed-count")).toBeVisible();
  await page.getByLabel("Outcome").selectOption("failed");
  await page.getByLabel("Event, subscription, order or customer id").fill(subId);
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row").filter({ hasText: started.id });
  await expect(row).toContainText("failed");
  await expect(row).toContainText("simulated outage");
  await shot(page, "console-inbox");

  await row.getByRole("link", { name: started.id }).click();
  await expect(page.getByText("failed", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Replay this event" }).click();
  // The page re-renders with the event applied (the replay form, and its message, leave with the failure).
  await expect(page.getByText("applied", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Replay this event" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("applied", { exact: true }).first()).toBeVisible();

  // The customer, found by email: the replayed subscription is there.
  await page.goto("/admin/customers");
  await page.getByLabel("Email or CREEM id").fill(customerEmail);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("row").filter({ hasText: customerEmail }).getByRole("link").click();
  await expect(page.getByRole("table", { name: "Subscriptions" })).toContainText(subId);
  await expect(page.getByRole("table", { name: "Subscriptions" })).toContainText("Active");
  await expect(page.getByRole("table", { name: "Events" })).toContainText(started.id);
  await expect(page.getByRole("list", { name: "Access timeline" })).toContainText("Subscription started");
  await shot(page, "console-customer");

  // A discount created in the console works on the pricing page.
  const code = `OPS${Date.now().toString(36).toUpperCase()}`;
  await page.goto("/admin/discounts");
  await page.getByLabel("Name", { exact: true }).fill("Console e2e");
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Percent off").fill("30");
  await page.getByRole("button", { name: "Create discount" }).click();
  await expect(page.getByRole("status")).toContainText(`Created ${code}`);
  await customer.goto("/pricing");
  await expect(await applyDiscount(customer, code)).toHaveText(
    `${code} takes 30% off every payment. It is applied when you check out.`,
  );

  await page.goto("/admin/revenue");
  await expect(page.getByTestId("stat-MRR")).toHaveText(/\$\d/);
  await shot(page, "console-revenue");
  await customerContext.close();
});

test("a past_due webhook produces exactly one email in the outbox, rendered", async ({ page }) => {
  const email = uniqueEmail("console-pastdue");
  await signIn(page, email);
  const subId = `sub_pastdue_${Date.now().toString(36)}`;
  const event = subscriptionEvent("subscription.past_due", subId, email, "past_due", Date.now());
  expect((await postWebhook(page, event)).status()).toBe(200);
  // CREEM retries a delivery it thinks failed: the retry is a duplicate and mails nothing more.
  expect((await postWebhook(page, event)).status()).toBe(200);

  const mails = page
    .getByRole("listitem")
    .filter({ hasText: `To ${email}` })
    .filter({ hasText: "payment failed" });
  await expect(async () => {
    await page.goto(outboxOf(email));
    await expect(mails).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(mails).toContainText("Action needed: your Pro payment failed");
  await expect(mails).toContainText("You keep full access until");
  await mails.getByText("HTML version").click();
  const html = mails.frameLocator("iframe");
  await expect(html.getByRole("link", { name: "Update payment method" })).toHaveAttribute(
    "href",
    /\/dashboard\/billing\/portal$/,
  );
});

test("the Jobs page shows the running worker and Run now runs a job at once", async ({ page }) => {
  await signIn(page, E2E_ADMIN_EMAIL);
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  await expect(page.getByText("1 worker running")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "rate-limit-prune" });
  await expect(row).toContainText("41 3 * * *");
  await row.getByRole("button", { name: "Run now" }).click();
  await expect(row.getByRole("status")).toHaveText("rate-limit-prune is queued; a worker starts it now.");
  const recent = page.getByRole("table", { name: "Recent runs" });
  await expect(async () => {
    await page.reload();
    await expect(recent.getByRole("row").filter({ hasText: "rate-limit-prune" }).first()).toContainText(
      "completed",
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
  await shot(page, "console-jobs");
  if (SCREENSHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, { path: `${SCREENS}/console-jobs-390.png`, fullPage: true });
  }
});
