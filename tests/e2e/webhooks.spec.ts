import { expect, test, type Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import {
  E2E_BASE_URL,
  E2E_CREEM_API_KEY,
  E2E_CREEM_URL,
  E2E_CREEM_WEBHOOK_SECRET,
} from "../../scripts/lib/e2e-env";
import { signInAs, uniqueEmail } from "./support/auth";

// Issue 4 end to end: the local CREEM's hosted checkout -> signed webhooks -> entitlements in the app,
// then dunning (failing renewals) -> past due (grace) -> canceled -> access gone.

async function creem<T>(
  path: string,
  init: { method?: string; body?: unknown; control?: boolean } = {},
): Promise<T> {
  const res = await fetch(`${E2E_CREEM_URL}${init.control ? "/__emulator" : "/v1"}${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { "content-type": "application/json", "x-api-key": E2E_CREEM_API_KEY },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function reportsStatus(page: Page): Promise<number> {
  return (await page.request.get("/api/reports/export")).status();
}

async function expectPlan(page: Page, plan: string) {
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByText(plan, { exact: true }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test("paying with 4242 grants the plan through webhooks; failed renewals end in revoked access", async ({
  page,
}) => {
  const email = uniqueEmail("webhook");
  await signInAs(page, email);
  expect(await reportsStatus(page)).toBe(402);

  const checkout = await creem<{ id: string; checkout_url: string }>("/checkouts", {
    body: {
      product_id: "prod_local_pro_monthly",
      customer: { email },
      success_url: `${E2E_BASE_URL}/dashboard`,
    },
  });
  await page.goto(checkout.checkout_url);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Test Buyer");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/dashboard\?/);

  await expectPlan(page, "Pro");
  expect(await reportsStatus(page)).toBe(200);

  const completed = await creem<{ subscription: { id: string } }>(`/checkouts?checkout_id=${checkout.id}`);
  const subscriptionId = completed.subscription.id;

  // First failed renewal: past due, still inside the grace period.
  await creem(`/subscriptions/${subscriptionId}/advance`, { control: true, body: { fail: true } });
  await expect.poll(() => subscriptionStatus(page), { timeout: 15_000 }).toBe("past_due");
  expect(await reportsStatus(page)).toBe(200);

  // Retries keep failing: expired, then unpaid and canceled. Access is gone.
  await creem(`/subscriptions/${subscriptionId}/advance`, { control: true, body: { fail: true } });
  await creem(`/subscriptions/${subscriptionId}/advance`, { control: true, body: { fail: true } });
  await expect.poll(() => reportsStatus(page), { timeout: 15_000 }).toBe(402);
  await expectPlan(page, "Free");
});

/** The subscription status the app stored, read from the gated CSV export (it lists the subscription). */
async function subscriptionStatus(page: Page): Promise<string | undefined> {
  const res = await page.request.get("/api/reports/export");
  if (!res.ok()) return undefined;
  return (await res.text()).split("\r\n")[1]?.split(",")[3];
}

test("the webhook route answers 401 to a bad signature, records a signed non-event as invalid (200), 413 to a huge body", async ({
  request,
}) => {
  const body = JSON.stringify({
    id: "evt_e2e_bad",
    eventType: "subscription.paid",
    created_at: 1,
    object: {},
  });
  const unsigned = await request.post("/api/webhooks/creem", {
    data: body,
    headers: { "creem-signature": "0".repeat(64) },
  });
  expect(unsigned.status()).toBe(401);

  const notJson = "not json";
  const signed = await request.post("/api/webhooks/creem", {
    data: notJson,
    headers: {
      "creem-signature": createHmac("sha256", E2E_CREEM_WEBHOOK_SECRET).update(notJson).digest("hex"),
    },
  });
  // Signed by CREEM, so recorded for inspection (`npm run webhooks`) and acknowledged: a retry cannot help.
  expect(signed.status()).toBe(200);
  expect(await signed.json()).toMatchObject({ received: true, outcome: "invalid" });

  const huge = await request.post("/api/webhooks/creem", { data: "x".repeat(1024 * 1024 + 1) });
  expect(huge.status()).toBe(413);
});
