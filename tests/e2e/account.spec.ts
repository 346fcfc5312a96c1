import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, signInAs, uniqueEmail } from "./support/auth";
import { SCREENSHOTS, snap } from "./support/screens";

// The account page end to end: sign in through the dev outbox, rename, see a second browser in the
// sessions list and sign it out, export the data, delete the account.

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const SCREENS = process.env.ACCOUNT_SCREENS_DIR ?? "test-results/account-screens";

test("settings: rename, sessions in two browsers, revoke, export, delete", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("account");
  await signIn(page, email, "/dashboard/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }),
  ).toHaveAttribute("aria-current", "page");

  // What the browser gets from Auth.js carries no session token.
  const session = await (await page.request.get("/api/auth/session")).text();
  expect(session).toContain(email);
  expect(session).not.toMatch(/sessionToken|userAgent/);

  // Rename: saved, shown in the header with the initials.
  await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();
  // A bad avatar address is refused and what was typed stays.
  await page.getByLabel("Avatar image URL").fill("http://insecure.example.com/a.png");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter an image address starting with https://")).toBeVisible();
  await expect(page.getByLabel("Avatar image URL")).toHaveValue("http://insecure.example.com/a.png");
  await page.reload();
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Account settings (Ada Lovelace)" })).toContainText("AL");

  // A second browser (a phone) signs in to the same account.
  const phone = await browser.newContext({ userAgent: IPHONE_SAFARI });
  const phonePage = await phone.newPage();
  await signInAs(phonePage, email, "/dashboard/settings");

  await page.reload();
  const sessions = page.getByRole("list", { name: "Active sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByRole("listitem", { name: "Chrome on Windows (this device)" })).toContainText(
    "This device",
  );
  const phoneItem = sessions.getByRole("listitem", { name: "Safari on iPhone" });
  await expect(phoneItem).toBeVisible();

  if (SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await snap(page, { path: `${SCREENS}/settings-1280x800.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, { path: `${SCREENS}/settings-390x844.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await phoneItem.getByRole("button", { name: "Sign out" }).click();
  // The signed-out session leaves the list (and its row, with its message, goes with it).
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(phoneItem).toHaveCount(0);
  await phonePage.goto("/dashboard");
  await expect(phonePage).toHaveURL(/\/signin/);
  await phone.close();

  // Export: a JSON file with my profile and no secrets.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^account-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await download.path())!, "utf8");
  const data = JSON.parse(text) as { profile: { email: string; name: string }; sessions: unknown[] };
  expect(data.profile).toMatchObject({ email, name: "Ada Lovelace" });
  expect(data.sessions).toHaveLength(1);
  expect(text).not.toMatch(/sessionToken|access_token/);

  // Delete: refused until the email is typed, then signed out and unable to come back as that account.
  const confirm = page.getByLabel(`Type ${email} to confirm`);
  await confirm.fill("someone-else@example.com");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type your email address exactly as shown to confirm.")).toBeVisible();
  await confirm.fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/signin/);

  // The same address signs up as a fresh account: no name, one session.
  await signIn(page, email, "/dashboard/settings");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await expect(page.getByRole("list", { name: "Active sessions" }).getByRole("listitem")).toHaveCount(1);
});
