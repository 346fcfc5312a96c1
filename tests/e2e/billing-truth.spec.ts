import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_CREEM_API_KEY, E2E_CREEM_URL } from "../../scripts/lib/e2e-env";
import { signInAs, uniqueEmail } from "./support/auth";
import { applyDiscount, planCard } from "./support/billing";
import { buy, failRenewal, openBillingWithPlan, PRODUCT_IDS } from "./support/subscriptions";
import { snap } from "./support/screens";

// What the user sees equals what the local CREEM charges: a discounted subscription's next payment, the
// pricing cards with a code, the access timeline, a paused subscriber's Resume, license activations.
// Screenshots at 1280x800 and 390x844 go to E2E_SCREENS_DIR (default screenshots/).

const SCREENS = process.env.E2E_SCREENS_DIR ?? "screenshots";
mkdirSync(SCREENS, { recursive: true });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function creem<T>(path: string, body?: unknown, method = "POST"): Promise<T> {
  const res = await fetch(`${E2E_CREEM_URL}${path}`, {
    method,
    headers: { "content-type": "application/json", "x-api-key": E2E_CREEM_API_KEY },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`local CREEM ${path} -> ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Buys a plan with a discount code straight through the local CREEM; returns the subscription id. */
async function buyWithCode(email: string, productId: string, code: string): Promise<string> {
  const checkout = await creem<{ id: string }>("/v1/checkouts", {
    product_id: productId,
    customer: { email },
    discount_code: code,
  });
  const res = await fetch(`${E2E_CREEM_URL}/__emulator/checkouts/${checkout.id}/complete`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  const done = (await res.json()) as { checkout: { subscription?: { id: string } } };
  return done.checkout.subscription!.id;
}

/** Both sizes; fails on horizontal overflow at phone width. */
async function screens(page: Page, name: string, fullPage = true) {
  await page.setViewportSize(DESKTOP);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, { path: `${SCREENS}/${name}-1280.png`, fullPage });
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} overflows a phone screen`).toBeLessThanOrEqual(0);
  await snap(page, { path: `${SCREENS}/${name}-390.png`, fullPage });
  await page.setViewportSize(DESKTOP);
}

test("a LAUNCH20 subscriber: next payment $15.20, the plan-change estimate, the timeline and history", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const email = uniqueEmail("truth-launch20");
  await signInAs(page, email);
  const subscriptionId = await buyWithCode(email, PRODUCT_IDS.proMonthly, "LAUNCH20");

  await openBillingWithPlan(page, "Pro", "/dashboard");
  const next = page.getByRole("main").locator("dl div").filter({ hasText: "Next payment" });
  await expect(next).toContainText("$15.20");
  await screens(page, "dashboard-discount");

  await openBillingWithPlan(page, "Pro");
  await expect(page.getByText(/^Renews on .+ for \$15\.20\.$/)).toBeVisible();
  const timeline = page.getByTestId("access-timeline");
  await expect(timeline.getByRole("listitem").first()).toContainText(/payment succeeded.*Pro until/i);
  await expect(
    page.locator("#history").getByRole("row", { name: /First payment: Pro monthly.*\$15\.20/ }),
  ).toBeVisible();
  await screens(page, "billing-discount");

  const plans = page.locator("#change-plan");
  await plans.getByRole("radio", { name: /Pro\s*Yearly/ }).check();
  await plans.getByRole("button", { name: "Switch plan" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("plan-change-today")).toContainText(/charged today/);
  await screens(page, "plan-change-dialog", false);
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toBeHidden();

  await failRenewal(subscriptionId);
  await expect(async () => {
    await page.reload();
    await expect(timeline.getByRole("listitem").first()).toContainText("Payment failed", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(timeline.getByRole("listitem").first()).toContainText("Grace until");
  await expect(timeline).toContainText(/payment succeeded/i);
  await page.locator("#access-timeline").scrollIntoViewIfNeeded();
  await screens(page, "timeline");
  await page.locator("#history").scrollIntoViewIfNeeded();
  await page.setViewportSize(PHONE);
  await snap(page.locator("#history"), { path: `${SCREENS}/history-390.png` });
  await page.setViewportSize(DESKTOP);
  await snap(page.locator("#history"), { path: `${SCREENS}/history-1280.png` });
});

test("pricing cards show the discounted price once a code is applied", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, uniqueEmail("truth-pricing"), "/pricing");
  await expect(await applyDiscount(page, "LAUNCH20")).toContainText("takes 20% off");
  await expect(planCard(page, "pro").getByTestId("plan-price")).toHaveText("$15.20");
  await expect(planCard(page, "pro").getByTestId("plan-list-price")).toContainText("$19");
  await expect(planCard(page, "team").getByTestId("plan-price")).toHaveText("$9.60");
  await expect(planCard(page, "starter").getByTestId("plan-price")).toHaveText("$7.20");
  await page.getByRole("radio", { name: /Yearly/ }).check();
  await expect(planCard(page, "pro").getByTestId("plan-price")).toHaveText("$152");
  await screens(page, "pricing-code");
});

test("a paused subscriber sees Resume, not a sales pitch; licenses follow CREEM's activations", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const email = uniqueEmail("truth-paused");
  await signInAs(page, email);
  const { subscriptionId } = await buy(email, PRODUCT_IDS.proMonthly);
  const { licenseKeys } = await buy(email, PRODUCT_IDS.lifetime);
  await openBillingWithPlan(page, "Pro");
  await creem(`/v1/subscriptions/${subscriptionId}/pause`);
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByRole("button", { name: "Resume subscription" }).first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  // Lifetime still gives reports; the plan card offers Resume, not "See plans".
  await expect(page.getByRole("link", { name: "See plans" })).toHaveCount(0);
  await screens(page, "paused-dashboard");

  await page.goto("/pricing");
  await expect(planCard(page, "pro").getByTestId("resume-plan")).toHaveText("Resume Pro");
  await expect(planCard(page, "pro").getByRole("button", { name: /^Subscribe/ })).toHaveCount(0);

  // One device activated at CREEM: the billing page reads it from there.
  await creem("/v1/licenses/activate", { key: licenseKeys[0], instance_name: "laptop" });
  await page.goto("/dashboard/billing");
  const keys = page.getByRole("list", { name: "License keys" });
  await expect(keys.getByText("1 of 3 devices", { exact: true })).toBeVisible();
  await expect(
    keys.getByRole("list", { name: "Devices" }).getByText("laptop", { exact: true }),
  ).toBeVisible();
  await expect(keys.getByText("Active", { exact: true })).toBeVisible();
});

test("a paused subscriber without other access: reports offer Resume", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const email = uniqueEmail("truth-paused-only");
  await signInAs(page, email);
  const { subscriptionId } = await buy(email, PRODUCT_IDS.proMonthly);
  await openBillingWithPlan(page, "Pro");
  await creem(`/v1/subscriptions/${subscriptionId}/pause`);
  await expect(async () => {
    await page.goto("/dashboard/reports");
    await expect(page.getByTestId("resume-prompt")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: /Unlock/ })).toHaveCount(0);
  await screens(page, "paused-reports");
  await page.getByRole("button", { name: "Resume subscription" }).click();
  // Once CREEM resumed it the page refreshes into the report itself (the prompt and its notice go away).
  await expect(page.getByRole("heading", { name: "Billing activity" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("resume-prompt")).toHaveCount(0);
});
