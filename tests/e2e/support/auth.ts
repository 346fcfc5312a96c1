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
export async function magicLinkFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mail");
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
