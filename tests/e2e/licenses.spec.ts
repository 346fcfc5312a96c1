import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LicenseClient, LicenseError } from "../../examples/license-client/license-client";
import { E2E_BASE_URL } from "../../scripts/lib/e2e-env";
import { signIn, uniqueEmail } from "./support/auth";
import { buy, PRODUCT_IDS } from "./support/subscriptions";
import { SCREENSHOTS, snap } from "./support/screens";

// Buy Lifetime, activate two devices with the example client against the production server, see both on
// the billing page, deactivate one there through its confirm dialog, and that device's next validate
// fails with instance_deactivated while the other still validates.

const SHOTS = process.env.LICENSE_SHOTS_DIR ?? "screenshots/licenses";
const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-license-client-"));
const device = (name: string) =>
  new LicenseClient({ server: E2E_BASE_URL, stateFile: path.join(dir, `${name}.json`) });

/** Reloads the billing page until the purchase's webhook has brought the license key. */
async function openWithKey(page: Page) {
  await expect(async () => {
    await page.goto("/dashboard/billing");
    await expect(page.getByRole("list", { name: "License keys" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test("license devices: two activations from the client, deactivate one on the billing page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const email = uniqueEmail("licenses");
  await signIn(page, email);
  const { licenseKeys } = await buy(email, PRODUCT_IDS.lifetime);
  const key = licenseKeys[0]!;
  await openWithKey(page);

  const laptop = device("laptop");
  const desktop = device("desktop");
  await laptop.activate(key, "Work laptop");
  await desktop.activate(key, "Home desktop");
  expect((await desktop.verifyOffline()).ok).toBe(true);

  await page.goto("/dashboard/billing");
  const card = page.locator("#purchases");
  const devices = card.getByRole("list", { name: "Devices" });
  await expect(devices.getByText("Work laptop", { exact: true })).toBeVisible();
  await expect(devices.getByText("Home desktop", { exact: true })).toBeVisible();
  await expect(card.getByText("2 of 3 devices", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Show Lifetime license key" }).click();
  await expect(card.getByText(key, { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Hide Lifetime license key" }).click();
  if (SCREENSHOTS) {
    await snap(card, { path: `${SHOTS}/license-card-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(card, { path: `${SHOTS}/license-card-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  await card.getByRole("button", { name: "Deactivate Home desktop" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate “Home desktop”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep device" }).click();
  await expect(dialog).toBeHidden();
  await card.getByRole("button", { name: "Deactivate Home desktop" }).click();
  await dialog.getByRole("button", { name: "Deactivate device" }).click();
  await expect(card.getByText("“Home desktop” was deactivated.", { exact: false })).toBeVisible();
  await expect(devices.getByText("Home desktop", { exact: true })).toHaveCount(0);
  await expect(card.getByText("1 of 3 devices", { exact: true })).toBeVisible();

  const refused = await desktop.validate().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(LicenseError);
  expect(refused).toMatchObject({ code: "instance_deactivated", status: 409 });
  expect((await laptop.validate()).ok).toBe(true);
});
