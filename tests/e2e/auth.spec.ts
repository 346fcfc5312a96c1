import { expect, test } from "@playwright/test";
import { magicLinkFromOutbox, requestMagicLink, signIn, uniqueEmail } from "./support/auth";
import { snap } from "./support/screens";

test("landing page renders with styles and fonts", async ({ page }) => {
  await page.goto("/");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  const cta = page.getByRole("link", { name: "Get started" });
  await expect(cta).toBeVisible();
  // Tailwind applied: the primary button has the brand background and rounded corners, the font is Geist.
  const style = await cta.evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, radius: s.borderRadius, font: s.fontFamily };
  });
  expect(style.background).not.toBe("rgba(0, 0, 0, 0)");
  expect(style.radius).not.toBe("0px");
  expect(style.font.toLowerCase()).toContain("geist");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await snap(page, { path: "screenshots/landing.png", fullPage: true });
});

test("a signed-out visit to /dashboard goes to sign-in and remembers the destination", async ({ page }) => {
  await page.goto("/dashboard?tab=overview");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%3Ftab%3Doverview$/);
  await expect(page.getByRole("heading", { name: /Sign in to/ })).toBeVisible();
  await snap(page, { path: "screenshots/signin.png", fullPage: true });
});

test("a malformed email gets a clear message and keeps what was typed", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Enter a valid email address");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
});

test("magic-link sign-in lands on the dashboard, sign-out ends the session, a reused link is refused", async ({
  page,
}) => {
  const email = uniqueEmail("magic");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
  await requestMagicLink(page, email);
  const link = await magicLinkFromOutbox(page, email);
  await page.goto(link);

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  await snap(page, { path: "screenshots/dashboard.png", fullPage: true });

  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);

  // The link works once: opening it again (say, from another device) is refused with a clear message.
  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\?error=Verification/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("sign-in returns to a deep link", async ({ page }) => {
  await signIn(page, uniqueEmail("deep"), "/dashboard?tab=overview");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
});

test("mobile layout keeps the header and sign-in usable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/signin");
  await expect(page.getByLabel("Email address")).toBeVisible();
  await snap(page, { path: "screenshots/signin-mobile.png", fullPage: true });
});
