import { expect, type Page } from "@playwright/test";

let counter = 0;

/** A fresh address per test, so tests never share users or mails. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.com`;
}

export async function requestMagicLink(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** The sign-in link for `email`, read from the dev outbox page like a developer would. */
/** The dev outbox showing only the mails to `email` (the whole run's mails would make every visit slower). */
export function outboxOf(email: string): string {
  return `/dev/mail?to=${encodeURIComponent(email)}`;
}

export async function magicLinkFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto(outboxOf(email));
  const link = page.getByRole("link", { name: `Open sign-in link for ${email}` }).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`No sign-in link in the outbox for ${email}`);
  return href;
}

export async function signIn(page: Page, email: string, returnTo = "/dashboard") {
  await page.goto(returnTo);
  await requestMagicLink(page, email);
  await page.goto(await magicLinkFromOutbox(page, email));
  await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[?]/g, "\\?")}$`));
}

/** The newest sign-in link for `email` in the dev outbox page's HTML. */
function outboxLink(html: string, email: string): string {
  const label = `aria-label="Open sign-in link for ${email}"`;
  const anchor = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(label));
  const href = anchor && /href="([^"]+)"/.exec(anchor)?.[1];
  if (!href) throw new Error(`No sign-in link in the outbox for ${email}`);
  return href.replaceAll("&amp;", "&");
}

/**
 * Signs `email` in the way the form does (Auth.js's email sign-in, the mail in the dev outbox, its one-time
 * link), as HTTP requests of the page's browser context instead of rendered pages, then opens `returnTo`.
 * For tests about something else (a UI sign-in costs seconds); tests about signing in use signIn.
 */
export async function signInAs(page: Page, email: string, returnTo = "/dashboard") {
  const { request } = page;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const sent = await request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: returnTo },
    maxRedirects: 0,
  });
  expect(sent.headers()["location"], `the sign-in mail to ${email}`).toContain("/verify-request");
  const link = outboxLink(await (await request.get(outboxOf(email))).text(), email);
  const signedIn = await request.get(link, { maxRedirects: 0 });
  expect(signedIn.headers()["location"], `the sign-in link of ${email}`).toMatch(
    new RegExp(`^(https?://[^/]+)?${returnTo.replace(/[?]/g, "\\?")}$`),
  );
  await page.goto(returnTo);
  await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[?]/g, "\\?")}$`));
}
