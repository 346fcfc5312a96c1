import { expect, type Page } from "@playwright/test";
import { computeRedirectSignature } from "../../../lib/creem/signature";
import { E2E_CREEM_API_KEY, E2E_CREEM_URL } from "../../../scripts/lib/e2e-env";

// Reusable steps for buying plans through the pricing page and the local CREEM's hosted checkout.

export const CARDS = {
  success: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
} as const;

export const PLAN_NAMES = { starter: "Starter", pro: "Pro", team: "Team", lifetime: "Lifetime" } as const;
export type PaidPlan = keyof typeof PLAN_NAMES;

export type PlanChoice = {
  plan: PaidPlan;
  interval?: "month" | "year";
  seats?: number;
  discount?: string;
  card?: string;
};

export function planCard(page: Page, plan: PaidPlan | "free") {
  return page.getByRole("article", { name: plan === "free" ? "Free" : PLAN_NAMES[plan], exact: true });
}

/** Applies a discount code on the pricing page and returns the message shown under the field. */
export async function applyDiscount(page: Page, code: string) {
  await page.getByLabel("Discount code").fill(code);
  await page.getByRole("button", { name: "Apply" }).click();
  const message = page.locator("#discount-message");
  await expect(message).not.toBeEmpty();
  return message;
}

/** Chooses a plan on /pricing and goes to CREEM's hosted checkout page. */
export async function startCheckout(page: Page, choice: PlanChoice) {
  if (!new URL(page.url()).pathname.startsWith("/pricing")) await page.goto("/pricing");
  if (choice.interval) {
    await page.getByRole("radio", { name: choice.interval === "year" ? /Yearly/ : /Monthly/ }).check();
  }
  if (choice.discount) await expect(await applyDiscount(page, choice.discount)).toContainText("takes");
  const card = planCard(page, choice.plan);
  if (choice.seats) await card.getByLabel("Seats").fill(String(choice.seats));
  await card.getByRole("button", { name: /^(Subscribe|Start|Buy)/ }).click();
  await expect(page).toHaveURL(/\/test\/checkout\/prod_[^/]+\/ch_/);
}

/** Fills in the hosted checkout's payment form and submits it. */
export async function payOnHostedCheckout(page: Page, card: string = CARDS.success) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Test Buyer");
  await page.getByRole("button", { name: /^(Pay|Start trial)/ }).click();
}

/** The whole purchase: pricing page, hosted checkout, payment, and the confirmed success page. */
export async function buyPlan(page: Page, choice: PlanChoice) {
  await startCheckout(page, choice);
  await payOnHostedCheckout(page, choice.card);
  await expect(page).toHaveURL(/\/checkout\/success\?/);
  await expect(
    page.getByRole("heading", { name: /^(Payment confirmed|Your free trial has started)$/ }),
  ).toBeVisible();
}

/** The plan name on the dashboard overview. */
export async function expectDashboardPlan(page: Page, planName: string) {
  await page.goto("/dashboard");
  await expect(page.getByRole("main").getByText(planName, { exact: true }).first()).toBeVisible();
}

/** The checkout id in a hosted checkout URL. */
export function checkoutIdFrom(url: string): string {
  const id = /\/test\/checkout\/[^/]+\/(ch_[^/?#]+)/.exec(url)?.[1];
  if (!id) throw new Error(`Not a hosted checkout URL: ${url}`);
  return id;
}

/**
 * A success URL signed like CREEM's, for a checkout that has not been paid yet (the buyer's browser
 * arriving before CREEM has finished), built from the checkout as CREEM reports it.
 */
export async function signedSuccessPath(checkoutId: string): Promise<string> {
  const res = await fetch(`${E2E_CREEM_URL}/v1/checkouts?checkout_id=${checkoutId}`, {
    headers: { "x-api-key": E2E_CREEM_API_KEY },
  });
  const checkout = (await res.json()) as { id: string; request_id: string; product: string | { id: string } };
  const params = new URLSearchParams({
    request_id: checkout.request_id,
    checkout_id: checkout.id,
    product_id: typeof checkout.product === "string" ? checkout.product : checkout.product.id,
  });
  params.set("signature", computeRedirectSignature(params, E2E_CREEM_API_KEY));
  return `/checkout/success?${params}`;
}

/** Calls the local CREEM's control API (`/__emulator`). */
export async function creemControl(path: string, body: unknown = {}) {
  const res = await fetch(`${E2E_CREEM_URL}/__emulator${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`CREEM control ${path} failed: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}
