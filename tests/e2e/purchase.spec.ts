import { expect, test } from "@playwright/test";
import { magicLinkFromOutbox, requestMagicLink, signInAs, uniqueEmail } from "./support/auth";
import {
  applyDiscount,
  buyPlan,
  CARDS,
  checkoutIdFrom,
  creemControl,
  expectDashboardPlan,
  payOnHostedCheckout,
  planCard,
  signedSuccessPath,
  startCheckout,
} from "./support/billing";
import { snap } from "./support/screens";

test("the pricing page shows every plan, switches monthly/yearly and totals seats", async ({ page }) => {
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plans that grow with you");
  await expect(page.getByRole("article")).toHaveCount(5);
  await expect(planCard(page, "free")).toContainText("$0");
  await expect(planCard(page, "starter")).toContainText("14-day free trial");
  await expect(planCard(page, "pro")).toContainText("Most popular");
  await expect(planCard(page, "pro").getByTestId("plan-price")).toHaveText("$19");
  await expect(planCard(page, "lifetime").getByTestId("plan-price")).toHaveText("$299");

  const team = planCard(page, "team");
  await team.getByRole("button", { name: "Add a seat" }).click();
  await team.getByRole("button", { name: "Add a seat" }).click();
  await expect(team.getByTestId("seat-total")).toHaveText("$36");
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, { path: "screenshots/pricing-desktop.png", fullPage: true });

  // A radio group: arrow keys move between monthly and yearly.
  const monthly = page.getByRole("radio", { name: "Monthly" });
  await expect(monthly).toBeChecked();
  await monthly.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: /Yearly/ })).toBeChecked();
  await expect(planCard(page, "pro").getByTestId("plan-price")).toHaveText("$190");
  await expect(team.getByTestId("seat-total")).toHaveText("$360");

  await team.getByLabel("Seats").fill("101");
  await expect(team).toContainText("Choose between 1 and 100 seats.");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/pricing");
  await expect(planCard(page, "pro")).toBeVisible();
  await snap(page, { path: "screenshots/pricing-mobile.png", fullPage: true });
});

test("subscribing to Pro monthly with a test card is confirmed on return and shows on the dashboard", async ({
  page,
}) => {
  await signInAs(page, uniqueEmail("pro"), "/pricing");
  await startCheckout(page, { plan: "pro", interval: "month" });
  await expect(page.getByRole("heading", { name: "Pro", exact: true })).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("$19.00");
  await snap(page, { path: "screenshots/hosted-checkout.png", fullPage: true });

  await payOnHostedCheckout(page, CARDS.success);
  await expect(page).toHaveURL(/\/checkout\/success\?request_id=req_/);
  await expect(page.getByRole("heading", { name: "Payment confirmed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("You are on the Pro plan (billed monthly)");
  await snap(page, { path: "screenshots/checkout-success.png", fullPage: true });

  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectDashboardPlan(page, "Pro");

  // The pricing page marks the plan; another subscription goes through changing plans instead.
  await page.goto("/pricing");
  await expect(planCard(page, "pro")).toContainText("Current plan");
  await expect(planCard(page, "pro").getByRole("button", { name: "Current plan" })).toBeDisabled();
  await snap(page, { path: "screenshots/pricing-current-plan.png" });
  await planCard(page, "team").getByRole("button", { name: "Subscribe to Team" }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing\?change=prod_local_team_monthly$/);
});

test("a declined card fails on the hosted page and grants nothing", async ({ page }) => {
  await signInAs(page, uniqueEmail("declined"), "/pricing");
  await startCheckout(page, { plan: "pro", interval: "month" });
  await payOnHostedCheckout(page, CARDS.declined);
  await expect(page.getByRole("alert")).toContainText("Your card was declined.");
  await expect(page).toHaveURL(/\/test\/checkout\//);
  await expectDashboardPlan(page, "Free");
  // The gated API agrees: payment required.
  expect((await page.request.get("/api/reports/export")).status()).toBe(402);
});

test("a discount code is checked on the pricing page and lowers the price at checkout", async ({ page }) => {
  await signInAs(page, uniqueEmail("discount"), "/pricing");
  await expect(await applyDiscount(page, "NOPE99")).toContainText("“NOPE99” is not a valid discount code");
  await expect(page.getByLabel("Discount code")).toHaveAttribute("aria-invalid", "true");
  await expect(await applyDiscount(page, "bad code!")).toContainText("Discount codes are 3 to 32 letters");

  await expect(await applyDiscount(page, "LAUNCH20")).toHaveText(
    "LAUNCH20 takes 20% off every payment. It is applied when you check out.",
  );
  await startCheckout(page, { plan: "pro", interval: "month" });
  await expect(page.getByText("Discount (LAUNCH20)")).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("$15.20");
  await expect(page.getByRole("button", { name: "Pay $15.20" })).toBeVisible();
});

test("the server refuses bad checkout input with a clear message", async ({ page }) => {
  await signInAs(page, uniqueEmail("input"), "/pricing");
  const team = planCard(page, "team");
  await team.getByLabel("Seats").fill("101");
  await team.getByRole("button", { name: "Subscribe to Team" }).click();
  await expect(team.getByRole("alert")).toContainText("Choose at most 100 seats.");
  await expect(page).toHaveURL(/\/pricing$/);
});

test("a forged success URL is rejected and writes nothing; the real one confirms without the webhook", async ({
  page,
  browser,
}) => {
  const buyer = uniqueEmail("forged");
  await signInAs(page, buyer, "/pricing");
  await startCheckout(page, { plan: "pro", interval: "month" });
  const checkoutId = checkoutIdFrom(page.url());

  // Webhooks held: whatever the app learns now comes from the success page alone.
  await creemControl("/webhook/hold");
  try {
    const { redirect_url } = (await creemControl(`/checkouts/${checkoutId}/complete`)) as {
      redirect_url: string;
    };
    const real = new URL(redirect_url);
    const signature = real.searchParams.get("signature") ?? "";

    const badSignature = new URL(real);
    badSignature.searchParams.set(
      "signature",
      `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`,
    );
    await page.goto(badSignature.toString());
    await expect(page.getByRole("heading", { name: "We could not verify this payment" })).toBeVisible();
    await snap(page, { path: "screenshots/checkout-unverified.png", fullPage: true });

    const otherProduct = new URL(real);
    otherProduct.searchParams.set("product_id", "prod_local_lifetime");
    await page.goto(otherProduct.toString());
    await expect(page.getByRole("heading", { name: "We could not verify this payment" })).toBeVisible();
    await expectDashboardPlan(page, "Free");

    await page.goto(real.toString());
    await expect(page.getByRole("heading", { name: "Payment confirmed" })).toBeVisible();
    await expectDashboardPlan(page, "Pro");

    // Opened signed out (say, on another device): sign in first, then the same confirmation.
    const device = await browser.newContext();
    const devicePage = await device.newPage();
    await devicePage.goto(real.toString());
    await expect(devicePage).toHaveURL(/\/signin\?callbackUrl=%2Fcheckout%2Fsuccess%3Frequest_id%3D/);
    await requestMagicLink(devicePage, buyer);
    await devicePage.goto(await magicLinkFromOutbox(devicePage, buyer));
    await expect(devicePage).toHaveURL(real.toString());
    await expect(devicePage.getByRole("heading", { name: "Payment confirmed" })).toBeVisible();
    await device.close();

    // Someone else opening the same link is refused.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, uniqueEmail("other"), "/pricing");
    await otherPage.goto(real.toString());
    await expect(
      otherPage.getByRole("heading", { name: "This payment belongs to another account" }),
    ).toBeVisible();
    await other.close();
  } finally {
    await creemControl("/webhook/release");
  }
});

test("the success page waits for confirmation and updates itself when the webhook lands", async ({
  page,
}) => {
  await signInAs(page, uniqueEmail("pending"), "/pricing");
  await startCheckout(page, { plan: "pro", interval: "year" });
  const checkoutId = checkoutIdFrom(page.url());

  // The buyer's browser arrives before CREEM has finished the checkout.
  await page.goto(await signedSuccessPath(checkoutId));
  await expect(page.getByRole("heading", { name: "Waiting for confirmation…" })).toBeVisible();
  await snap(page, { path: "screenshots/checkout-pending.png", fullPage: true });

  await creemControl(`/checkouts/${checkoutId}/complete`);
  await expect(page.getByRole("heading", { name: "Payment confirmed" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("main")).toContainText("You are on the Pro plan (billed yearly)");
});

test("a signed-out Subscribe signs in and comes back to the same plan", async ({ page }) => {
  const email = uniqueEmail("returning");
  await page.goto("/pricing");
  await page.getByRole("radio", { name: /Yearly/ }).check();
  const team = planCard(page, "team");
  await team.getByLabel("Seats").fill("3");
  await team.getByRole("button", { name: "Subscribe to Team" }).click();
  await expect(page).toHaveURL(
    /\/signin\?callbackUrl=%2Fpricing%3Fplan%3Dteam%26interval%3Dyear%26seats%3D3$/,
  );

  await requestMagicLink(page, email);
  await page.goto(await magicLinkFromOutbox(page, email));
  await expect(page).toHaveURL(/\/pricing\?plan=team&interval=year&seats=3$/);
  await expect(team).toContainText("Selected");
  await expect(team).toHaveAttribute("data-selected", "true");
  await expect(page.getByRole("radio", { name: /Yearly/ })).toBeChecked();
  await expect(team.getByLabel("Seats")).toHaveValue("3");
  await expect(team.getByTestId("seat-total")).toHaveText("$360");

  await team.getByRole("button", { name: "Subscribe to Team" }).click();
  await expect(page).toHaveURL(/\/test\/checkout\/prod_local_team_yearly\//);
  await expect(page.getByTestId("total")).toHaveText("$360.00");
});

test("buying Lifetime works and shows the lifetime plan", async ({ page }) => {
  await signInAs(page, uniqueEmail("lifetime"), "/pricing");
  await buyPlan(page, { plan: "lifetime" });
  await expect(page.getByRole("main")).toContainText("You are on the Lifetime plan (one-time purchase)");
  await expectDashboardPlan(page, "Lifetime");
  await page.goto("/pricing");
  await expect(planCard(page, "lifetime").getByRole("button", { name: "Current plan" })).toBeDisabled();
});
