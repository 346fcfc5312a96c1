import { expect, type Page } from "@playwright/test";
import { PRODUCT_IDS } from "../../../creem-emulator/src/catalog";
import { E2E_CREEM_API_KEY, E2E_CREEM_URL } from "../../../scripts/lib/e2e-env";

// Purchases for the billing tests, made straight through the local CREEM's API (no pricing page): a
// checkout for the signed-in user's email, paid through the control API. The app learns about it from the
// webhook, as in production, and links it to the user by their verified email.

export { PRODUCT_IDS };

async function call<T>(
  path: string,
  init: { method?: string; body?: unknown; key?: boolean } = {},
): Promise<T> {
  const response = await fetch(`${E2E_CREEM_URL}${path}`, {
    method: init.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(init.key === false ? {} : { "x-api-key": E2E_CREEM_API_KEY }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`local CREEM ${path} -> ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

type Completed = {
  checkout: { subscription?: { id: string }; license_keys?: Array<{ key: string }> };
};

/** Buys `productId` as `email`; returns the CREEM subscription id and any license keys. */
export async function buy(email: string, productId: string, units = 1) {
  const checkout = await call<{ id: string }>("/v1/checkouts", {
    body: { product_id: productId, units, customer: { email } },
  });
  const { checkout: done } = await call<Completed>(`/__emulator/checkouts/${checkout.id}/complete`, {
    body: {},
    key: false,
  });
  return { subscriptionId: done.subscription?.id, licenseKeys: (done.license_keys ?? []).map((l) => l.key) };
}

export async function buySubscription(email: string, productId: string, units = 1): Promise<string> {
  const { subscriptionId } = await buy(email, productId, units);
  if (!subscriptionId) throw new Error(`${productId} created no subscription`);
  return subscriptionId;
}

/** The subscription as CREEM has it. */
export async function creemSubscription(id: string) {
  const sub = await call<{ status: string; items?: Array<{ units: number; product_id: string }> }>(
    `/v1/subscriptions?subscription_id=${encodeURIComponent(id)}`,
    { method: "GET" },
  );
  return { status: sub.status, units: sub.items?.[0]?.units, productId: sub.items?.[0]?.product_id };
}

/** Fails the subscription's next renewal (it becomes past due). */
export async function failRenewal(id: string) {
  await call(`/__emulator/subscriptions/${id}/advance`, { body: { fail: true }, key: false });
}

/** Opens the billing page until the webhook has brought the plan (it arrives asynchronously). */
export async function openBillingWithPlan(page: Page, planName: string, path = "/dashboard/billing") {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 2, name: planName, exact: true })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
}
