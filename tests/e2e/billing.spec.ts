import { expect, test, type Page } from "@playwright/test";
import { E2E_CREEM_URL } from "../../scripts/lib/e2e-env";
import { signInAs, uniqueEmail } from "./support/auth";
import {
  buy,
  buySubscription,
  creemSubscription,
  failRenewal,
  openBillingWithPlan,
  PRODUCT_IDS,
} from "./support/subscriptions";
import { snap } from "./support/screens";

// The dashboard and billing page against the local CREEM: each change goes to CREEM, comes back as a
// webhook (and an immediate sync), and the page follows.

const dialog = (page: Page) => page.getByRole("dialog");
const SCREENS = process.env.E2E_SCREENS_DIR ?? "screenshots";
const badge = (page: Page, planName: string) =>
  page.getByRole("region", { name: planName }).getByTestId("subscription-status");

test("after buying Pro: overview, billing history, license key, and the CREEM portal", async ({
  page,
  context,
}) => {
  const email = uniqueEmail("billing-pro");
  await signInAs(page, email);
  await buySubscription(email, PRODUCT_IDS.proMonthly);
  const { licenseKeys } = await buy(email, PRODUCT_IDS.lifetime);

  await openBillingWithPlan(page, "Pro", "/dashboard");
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Renews on .+ for \$19\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Open reports" })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, { path: "screenshots/billing-overview.png", fullPage: true });

  await page.getByRole("link", { name: "Manage subscription" }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing$/);
  const history = page.locator("#history");
  await expect(history.getByRole("row", { name: /Pro .*\$19.*Paid/ })).toBeVisible();
  await expect(history.getByRole("row", { name: /Lifetime .*\$299.*Paid/ })).toBeVisible();

  const key = licenseKeys[0]!;
  const keys = page.getByRole("list", { name: "License keys" });
  await expect(keys.getByText(`•••••-•••••-•••••-•••••-${key.slice(-5)}`)).toBeVisible();
  await expect(keys.getByText(key)).toHaveCount(0);
  await expect(keys.getByText("0 of 3 devices", { exact: true })).toBeVisible();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await keys.getByRole("button", { name: "Copy Lifetime license key" }).click();
  await expect(keys.getByRole("button", { name: "Copy Lifetime license key" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, { path: "screenshots/billing-page.png", fullPage: true });

  await page.goto("/dashboard/billing?page=abc");
  await expect(history.getByText("There is no page “abc” of your billing history")).toBeVisible();
  await expect(history.getByRole("row", { name: /Pro .*\$19.*Paid/ })).toBeVisible();
  await page.goto("/dashboard/billing?page=7");
  await expect(history.getByText("There are no payments on page 7.")).toBeVisible();
  await history.getByRole("link", { name: "Go to the first page" }).click();
  await expect(history.getByRole("row", { name: /Pro .*\$19.*Paid/ })).toBeVisible();

  // The portal opens in a new tab that gets no handle on this page and no referrer.
  const manage = page.getByRole("link", { name: /^Manage billing/ });
  await expect(manage).toHaveAttribute("target", "_blank");
  await expect(manage).toHaveAttribute("rel", "noopener noreferrer");
  const [portal] = await Promise.all([context.waitForEvent("page"), manage.click()]);
  await expect(portal).toHaveURL(new RegExp(`^${E2E_CREEM_URL}/my-orders/login/`));
  await expect(portal.getByRole("heading", { name: "Billing" })).toBeVisible();
  await expect(portal.getByText("Pro").first()).toBeVisible();
  expect(await portal.evaluate(() => window.opener)).toBeNull();
  await portal.close();
});

test("a new user: free plan, empty states, and no portal before a purchase", async ({ page, context }) => {
  await signInAs(page, uniqueEmail("billing-new"), "/dashboard/billing");
  await expect(page.getByRole("heading", { level: 2, name: "Free" })).toBeVisible();
  await expect(page.getByText("You do not have a subscription.", { exact: false })).toBeVisible();
  await expect(
    page.getByText("No payments yet. Your invoices appear here after your first purchase."),
  ).toBeVisible();
  await expect(page.getByText("No one-time purchases yet.")).toBeVisible();

  const [portal] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: /^Manage billing/ }).click(),
  ]);
  await expect(
    portal.getByRole("alert").filter({ hasText: "This workspace does not have a billing account yet." }),
  ).toBeVisible();
  await expect(portal).toHaveURL(/\/dashboard\/billing\?portal=no_account$/);
  await portal.close();
});

test("a Starter trial shows when it ends and what comes after", async ({ page }) => {
  const email = uniqueEmail("billing-trial");
  await signInAs(page, email);
  await buySubscription(email, PRODUCT_IDS.starterMonthly);
  await openBillingWithPlan(page, "Starter");
  await expect(badge(page, "Starter")).toHaveText("Trial");
  await expect(page.getByText(/^Free trial until .+, then \$9 \/ month\.$/)).toBeVisible();
  await expect(
    page.locator("#history").getByRole("row", { name: /Free trial: Starter monthly.*\$0.*Paid/ }),
  ).toBeVisible();
});

test("Team seats change: the prorated difference is charged now, stated before the click; then the page on a phone", async ({
  page,
}) => {
  const email = uniqueEmail("billing-team");
  await signInAs(page, email);
  const subscriptionId = await buySubscription(email, PRODUCT_IDS.teamMonthly, 3);
  await openBillingWithPlan(page, "Team");

  const seats = page.locator("#seats");
  await seats.getByLabel("Seats", { exact: true }).fill("0");
  await expect(seats.getByText("Enter a whole number from 1 to 100.")).toBeVisible();
  await expect(seats.getByRole("button", { name: "Update seats" })).toBeDisabled();
  await seats.getByLabel("Seats", { exact: true }).fill("4");
  await seats.getByRole("button", { name: "Add a seat" }).click();
  // Two more seats for (almost) all of this month, charged today; the renewal is 5 x $12.
  await expect(
    seats.getByText(/^\$2[34](\.\d\d)? charged today; then \$60 \/ month from .+\.$/),
  ).toBeVisible();
  await seats.getByRole("button", { name: "Update seats" }).click();

  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole("heading", { name: "Change to 5 seats?" })).toBeVisible();
  await expect(dialog(page).getByTestId("seat-change-today")).toContainText(/\$2[34](\.\d\d)? charged today/);
  await expect(dialog(page).getByTestId("seat-change-today")).toContainText("then $60 / month from");
  await snap(page, { path: "screenshots/billing-confirm-dialog.png" });
  await snap(page, { path: `${SCREENS}/seats-dialog-1280.png` });
  await dialog(page).getByRole("button", { name: "Update seats" }).click();

  await expect(page.getByText("Your Team plan now has 5 seats.")).toBeVisible();
  await expect(page.getByText(/^Renews on .+ for \$60\.$/)).toBeVisible();
  expect(await creemSubscription(subscriptionId)).toMatchObject({ units: 5 });
  await expect(page.locator("#history").getByRole("row", { name: /Seats 3 → 5.*Paid/ })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Team", exact: true })).toBeVisible();
  await expect(page.locator("#history").getByRole("row", { name: /Team.*\$36.*Paid/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, { path: "screenshots/billing-mobile.png", fullPage: true });
});

test("upgrade Pro to Team from a pricing-page link", async ({ page }) => {
  const email = uniqueEmail("billing-upgrade");
  await signInAs(page, email);
  const subscriptionId = await buySubscription(email, PRODUCT_IDS.proMonthly);
  await openBillingWithPlan(page, "Pro", `/dashboard/billing?change=${PRODUCT_IDS.teamMonthly}`);

  await expect(page.getByText("Review the switch to Team (monthly) below, then confirm it.")).toBeVisible();
  const plans = page.locator("#change-plan");
  await expect(plans.getByRole("radio", { name: /Team\s*Monthly/ })).toBeChecked();
  await plans.getByRole("button", { name: "Switch plan" }).click();
  await expect(dialog(page).getByRole("heading", { name: "Switch to Team (monthly)?" })).toBeVisible();
  // Team at $12 is cheaper than Pro at $19: the unused difference is refunded today (an estimate).
  await expect(dialog(page).getByTestId("plan-change-today")).toContainText(
    /^\$[67](\.\d\d)? refunded today to your original payment method, then \$12 \/ month from /,
  );
  await dialog(page).getByRole("button", { name: "Switch to Team" }).click();

  await expect(page.getByText("You are now on Team (monthly).")).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/billing$/);
  await expect(page.getByRole("heading", { level: 2, name: "Team", exact: true })).toBeVisible();
  await expect(page.locator("#seats")).toBeVisible();
  expect(await creemSubscription(subscriptionId)).toMatchObject({ productId: PRODUCT_IDS.teamMonthly });
});

test("cancel at the period end, then resume", async ({ page }) => {
  const email = uniqueEmail("billing-cancel-later");
  await signInAs(page, email);
  const subscriptionId = await buySubscription(email, PRODUCT_IDS.proYearly);
  await openBillingWithPlan(page, "Pro");

  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(dialog(page).getByRole("radio", { name: /At the end of the billing period/ })).toBeChecked();
  await snap(page, { path: "screenshots/billing-cancel-dialog.png" });
  await dialog(page).getByRole("button", { name: "Cancel at period end" }).click();

  await expect(
    page.getByText(/^Your subscription will end on .+\. You keep access until then\.$/),
  ).toBeVisible();
  await expect(badge(page, "Pro")).toHaveText(/^Cancels /);
  expect((await creemSubscription(subscriptionId)).status).toBe("scheduled_cancel");

  await page.getByRole("button", { name: "Resume subscription" }).click();
  await expect(
    page.getByText("Your subscription will continue. It is no longer set to cancel."),
  ).toBeVisible();
  await expect(badge(page, "Pro")).toHaveText("Active");
  expect((await creemSubscription(subscriptionId)).status).toBe("active");
});

test("pause and resume, from the keyboard", async ({ page }) => {
  const email = uniqueEmail("billing-pause");
  await signInAs(page, email);
  const subscriptionId = await buySubscription(email, PRODUCT_IDS.proMonthly);
  await openBillingWithPlan(page, "Pro");

  const pause = page.getByRole("button", { name: "Pause subscription" });
  await pause.focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole("button", { name: "Keep it running" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();

  await pause.click();
  await dialog(page).getByRole("button", { name: "Pause subscription" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByText("Your subscription is paused. You will not be charged until you resume it."),
  ).toBeVisible();
  await expect(badge(page, "Pro")).toHaveText("Paused");
  expect((await creemSubscription(subscriptionId)).status).toBe("paused");

  await page.getByRole("button", { name: "Resume subscription" }).click();
  await expect(page.getByText("Your subscription is active again.")).toBeVisible();
  await expect(badge(page, "Pro")).toHaveText("Active");
});

test("immediate cancel removes access to the gated feature", async ({ page }) => {
  const email = uniqueEmail("billing-cancel-now");
  await signInAs(page, email);
  await buySubscription(email, PRODUCT_IDS.proMonthly);
  await openBillingWithPlan(page, "Pro");
  await page.goto("/dashboard/reports");
  await expect(page.getByRole("heading", { name: "Billing activity" })).toBeVisible();

  await page.goto("/dashboard/billing");
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await dialog(page)
    .getByRole("radio", { name: /Immediately/ })
    .check();
  await expect(dialog(page)).toContainText("you lose access to paid features immediately");
  await dialog(page).getByRole("button", { name: "Cancel now" }).click();

  await expect(
    page.getByText("Your subscription is canceled. Paid features are no longer available."),
  ).toBeVisible();
  await expect(badge(page, "Pro")).toHaveText("Canceled");
  await expect(page.getByRole("link", { name: "See plans" })).toBeVisible();

  await page.goto("/dashboard/reports");
  await expect(page.getByRole("heading", { name: "Unlock Reports and exports" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "Unlock reports" })).toBeVisible();
});

test("a failed renewal shows a warning with a way to fix the payment", async ({ page }) => {
  const email = uniqueEmail("billing-past-due");
  await signInAs(page, email);
  const subscriptionId = await buySubscription(email, PRODUCT_IDS.proMonthly);
  await openBillingWithPlan(page, "Pro");
  await failRenewal(subscriptionId);

  const banner = page.getByRole("alert").filter({ hasText: "Payment failed for your Pro subscription" });
  await expect(async () => {
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(badge(page, "Pro")).toHaveText("Past due");
  await snap(page, { path: "screenshots/billing-past-due.png", fullPage: true });
  const [portal] = await Promise.all([
    page.context().waitForEvent("page"),
    banner.getByRole("link", { name: /^Fix payment/ }).click(),
  ]);
  await expect(portal).toHaveURL(new RegExp(`^${E2E_CREEM_URL}/my-orders/login/`));
  await portal.close();
});

test("another user cannot act on someone else's subscription", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("billing-owner");
  const ownerSubscription = await buySubscription(ownerEmail, PRODUCT_IDS.proMonthly);

  const intruderEmail = uniqueEmail("billing-intruder");
  await signInAs(page, intruderEmail);
  const intruderSubscription = await buySubscription(intruderEmail, PRODUCT_IDS.proMonthly);
  await openBillingWithPlan(page, "Pro");

  await page.getByRole("button", { name: "Pause subscription" }).click();
  await expect(dialog(page)).toBeVisible();
  // What a forged request looks like: the form names the other user's subscription.
  await page.locator('input[name="subscriptionId"]').evaluateAll((inputs, id) => {
    for (const input of inputs as HTMLInputElement[]) input.value = id;
  }, ownerSubscription);
  await dialog(page).getByRole("button", { name: "Pause subscription" }).click();

  await expect(
    page.getByRole("alert").filter({ hasText: "We could not find that subscription in this workspace." }),
  ).toBeVisible();
  expect((await creemSubscription(ownerSubscription)).status).toBe("active");
  expect((await creemSubscription(intruderSubscription)).status).toBe("active");

  // The owner still sees an active subscription.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInAs(ownerPage, ownerEmail);
  await openBillingWithPlan(ownerPage, "Pro");
  await expect(badge(ownerPage, "Pro")).toHaveText("Active");
  await ownerContext.close();
});
