import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "../../scripts/lib/e2e-env";
import { outboxOf, signIn, signInAs, uniqueEmail } from "./support/auth";
import { planCard } from "./support/billing";

// Issue #9 part A against the production build: security headers with a working app (no CSP violation
// on the pages that matter), no open redirect after sign-in, and sign-in mail limits that also hold for
// a direct POST to Auth.js.

/** Collects CSP violations and uncaught errors while the page is used. */
function watchForViolations(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text))
      problems.push(text);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

function expectFixedHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  return csp;
}

test("pricing, sign-in and billing pages: security headers, nonce scripts, no CSP violation", async ({
  page,
}) => {
  const problems = watchForViolations(page);

  const pricing = await page.goto("/pricing");
  const pricingCsp = expectFixedHeaders(pricing!.headers());
  expect(pricingCsp).toContain("script-src 'self' 'unsafe-inline'");
  // Hydrated (scripts ran): the seat stepper works.
  const team = planCard(page, "team");
  await team.getByRole("button", { name: "Add a seat" }).click();
  await expect(team.getByTestId("seat-total")).toHaveText("$24");

  const signin = await page.goto("/signin");
  const signinCsp = expectFixedHeaders(signin!.headers());
  const nonce = /'nonce-([^']+)'/.exec(signinCsp)?.[1];
  expect(nonce).toBeTruthy();
  expect(signinCsp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  // Next stamped the request's nonce on its scripts; a reload gets a new one.
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const again = await page.request.get("/signin");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  // Sign in through the form (a server action under the nonce policy), then the billing page.
  await signIn(page, uniqueEmail("csp"), "/dashboard/billing");
  const billing = await page.goto("/dashboard/billing");
  expect(expectFixedHeaders(billing!.headers())).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  expect(problems).toEqual([]);
});

test("a signed-in user is never sent to another site by ?callbackUrl=", async ({ page }) => {
  await signInAs(page, uniqueEmail("redirect"));
  for (const callbackUrl of [
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/\\evil.example",
  ]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await expect(page).toHaveURL(`${E2E_BASE_URL}/dashboard`);
  }
});

test("a direct POST to /api/auth/signin/email is limited to 5 mails per address", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("direct");
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const post = () =>
    request.post("/api/auth/signin/email", {
      form: { email, csrfToken: csrf.csrfToken, callbackUrl: "/dashboard" },
      maxRedirects: 0,
    });
  const locations: string[] = [];
  for (let i = 0; i < 7; i++) {
    const response = await post();
    expect(response.status()).toBeLessThan(400);
    locations.push(response.headers()["location"] ?? "");
  }
  expect(locations.slice(0, 5).every((l) => l.includes("/verify-request"))).toBe(true);
  expect(locations.slice(5)).toEqual([
    "/signin?error=TooManyEmails&retryIn=10",
    "/signin?error=TooManyEmails&retryIn=10",
  ]);

  await page.goto(outboxOf(email));
  await expect(page.getByRole("link", { name: `Open sign-in link for ${email}` })).toHaveCount(5);
  await page.goto(locations[5]!);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Too many sign-in emails, try again in 10 minutes.",
  );

  // The form says the same, without a mail being sent.
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  // The form's own message under the field (the page may still show the notice from the URL above it).
  await expect(page.locator("#email-error")).toContainText("Too many sign-in emails, try again in");
  await page.goto(outboxOf(email));
  await expect(page.getByRole("link", { name: `Open sign-in link for ${email}` })).toHaveCount(5);
});
