import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInAs, uniqueEmail } from "./support/auth";
import { buyPlan, expectDashboardPlan } from "./support/billing";

// Billing belongs to the workspace (issue #11): a team workspace created from the header's switcher buys
// Team for itself, and the personal workspace of the same person stays free. The choice of workspace
// survives a reload (a cookie). Screenshots of the open switcher at desktop and phone width.

const SHOTS = process.env.E2E_SCREENS_DIR ?? "screenshots";

function switcher(page: Page) {
  return page.getByRole("banner").getByRole("button", { name: /^Workspace: / });
}

async function switchTo(page: Page, name: string) {
  await switcher(page).click();
  await page
    .getByRole("list", { name: "Workspaces" })
    .getByRole("button", { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.getByTestId("dashboard-workspace")).toHaveText(name);
  await expect(switcher(page)).toHaveAccessibleName(`Workspace: ${name}`);
}

test("a new team workspace buys Team; switching back, the personal workspace is still free", async ({
  page,
}) => {
  await signInAs(page, uniqueEmail("team-buyer"), "/dashboard");
  await expect(page.getByTestId("dashboard-workspace")).toHaveText("Personal");

  await switcher(page).click();
  await page.getByRole("button", { name: "+ Create team workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create team workspace" });
  await dialog.getByLabel("Workspace name").fill("Acme Robotics");
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("dashboard-workspace")).toHaveText("Acme Robotics");

  await buyPlan(page, { plan: "team", seats: 2 });
  await expectDashboardPlan(page, "Team");
  await expect(page.getByTestId("dashboard-workspace")).toHaveText("Acme Robotics");
  await page.reload();
  await expect(page.getByTestId("dashboard-workspace")).toHaveText("Acme Robotics");
  await page.goto("/dashboard/billing");
  await expect(page.getByTestId("billing-workspace")).toHaveText("Acme Robotics");

  // The switcher, open, with both workspaces: desktop, then phone width.
  mkdirSync(SHOTS, { recursive: true });
  await page.goto("/dashboard");
  await switcher(page).click();
  await expect(page.getByRole("list", { name: "Workspaces" }).getByRole("listitem")).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/switcher-open-1280.png` });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 390, height: 844 });
  await switcher(page).click();
  await page.screenshot({ path: `${SHOTS}/switcher-open-390.png` });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 1280, height: 800 });

  await switchTo(page, "Personal");
  await expectDashboardPlan(page, "Free");
  await expect(page.getByTestId("dashboard-workspace")).toHaveText("Personal");
  await page.goto("/dashboard/billing");
  await expect(page.getByTestId("billing-workspace")).toHaveText("Personal");
});
