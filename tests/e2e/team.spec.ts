import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { magicLinkFromOutbox, outboxOf, requestMagicLink, signInAs, uniqueEmail } from "./support/auth";
import { buyPlan, expectDashboardPlan } from "./support/billing";
import { databaseOfUser } from "./support/database";
import { creemSubscription } from "./support/subscriptions";
import { SCREENSHOTS, snap } from "./support/screens";

// A team in two browser contexts: the owner creates a team workspace from the header's switcher and buys
// Team for 2 seats in it (the personal workspace stays free), invites two people (the second invite asks
// to buy a third seat first), each accepts through the dev outbox, a member cannot see the team's billing
// or activity, and the owner removes one and lowers the seats again.

const SHOTS = process.env.TEAM_SHOTS_DIR ?? "screenshots/team";
const dialog = (page: Page) => page.getByRole("dialog");

async function shoot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await snap(page, { path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Full-window screenshots (an open menu stays open) at desktop and phone width. */
async function shootViewport(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await snap(page, { path: `${SHOTS}/${name}-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, { path: `${SHOTS}/${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

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

/** The CREEM id of the team workspace's subscription, to compare with what the local CREEM holds. */
async function teamSubscriptionId(ownerEmail: string, teamName: string): Promise<string> {
  const db = await databaseOfUser(ownerEmail);
  try {
    const { rows } = await db.query<{ id: string }>(
      `SELECT s."id" FROM "Subscription" s JOIN "Workspace" w ON w."id" = s."workspaceId" WHERE w."name" = $1`,
      [teamName],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  } finally {
    await db.end();
  }
}

/** The invitation link for `email`, opened from the dev outbox like the invitee's mail client would. */
async function invitationLink(page: Page, email: string): Promise<string> {
  await page.goto(outboxOf(email));
  const link = page.getByRole("link", { name: `Open link for ${email}` }).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

/** A new person opens the invitation signed out, signs up through the link, comes back and accepts. */
async function acceptAsNewPerson(browser: Browser, owner: Page, email: string, teamName: string) {
  const link = await invitationLink(owner, email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await requestMagicLink(page, email);
  await page.goto(await magicLinkFromOutbox(page, email));
  await expect(page).toHaveURL(link);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/dashboard\/members\?joined=1$/);
  await expect(page.getByText(`People in ${teamName}`)).toBeVisible();
  return page;
}

test("a team: invite two (buying the third seat), both accept, a member sees no billing, remove and lower seats", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const ownerEmail = uniqueEmail("team-owner");
  const bo = uniqueEmail("team-bo");
  const cy = uniqueEmail("team-cy");
  const teamName = `Acme ${Date.now().toString(36)}`;

  // The owner creates the team workspace from the header's switcher and buys Team for 2 seats in it,
  // through the local CREEM's hosted checkout. Billing belongs to the workspace: the choice survives a
  // reload, and the owner's personal workspace stays free.
  await signInAs(page, ownerEmail, "/dashboard");
  await expect(page.getByTestId("dashboard-workspace")).toHaveText("Personal");
  await switcher(page).click();
  await page.getByRole("button", { name: "+ Create team workspace" }).click();
  const create = page.getByRole("dialog", { name: "Create team workspace" });
  await create.getByLabel("Workspace name").fill(teamName);
  await create.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("dashboard-workspace")).toHaveText(teamName);

  await buyPlan(page, { plan: "team", interval: "month", seats: 2 });
  await expectDashboardPlan(page, "Team");
  await page.reload();
  await expect(page.getByTestId("dashboard-workspace")).toHaveText(teamName);

  // The switcher, open, with both workspaces: desktop, then phone width.
  await switcher(page).click();
  await expect(page.getByRole("list", { name: "Workspaces" }).getByRole("listitem")).toHaveCount(2);
  await shootViewport(page, "switcher-open");
  await page.keyboard.press("Escape");
  await switchTo(page, "Personal");
  await expectDashboardPlan(page, "Free");
  await page.goto("/dashboard/billing");
  await expect(page.getByTestId("billing-workspace")).toHaveText("Personal");
  await page.goto("/dashboard");
  await switchTo(page, teamName);

  const subscriptionId = await teamSubscriptionId(ownerEmail, teamName);

  await page.goto("/dashboard/members");
  await expect(page.getByText(`People in ${teamName}`)).toBeVisible();
  await expect(page.getByTestId("seat-usage")).toHaveText("1 of 2 seats used");

  // First invitation: a seat is free.
  await page.getByRole("button", { name: "Invite people" }).click();
  await dialog(page).getByLabel("Email address").fill(bo);
  await shoot(page, "invite-dialog");
  await dialog(page).getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog(page).getByText(`Invitation sent to ${bo}.`)).toBeVisible();
  await dialog(page).getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("seat-usage")).toHaveText("2 of 2 seats used");

  // Second invitation: every seat is held, so the dialog offers the third seat at CREEM's prorated price.
  await page.getByRole("button", { name: "Invite people" }).click();
  await expect(dialog(page).getByTestId("seat-offer")).toContainText(
    /from 2 seats to 3 seats: \$\d+(\.\d\d)? charged today, then \$36 \/ month/,
  );
  await dialog(page).getByLabel("Email address").fill(cy);
  await shoot(page, "invite-dialog-buy-seat");
  await dialog(page).getByRole("button", { name: "Buy 1 seat and invite" }).click();
  await expect(
    dialog(page).getByText(`The workspace now has 3 seats. Invitation sent to ${cy}.`),
  ).toBeVisible();
  await dialog(page).getByRole("button", { name: "Close" }).click();
  expect((await creemSubscription(subscriptionId)).units).toBe(3);
  await expect(page.getByTestId("seat-usage")).toHaveText("3 of 3 seats used");
  await expect(page.getByTestId("invitation-row")).toHaveCount(2);

  // Both accept in a second browser context, through the links in the dev outbox.
  const boPage = await acceptAsNewPerson(browser, page, bo, teamName);
  await boPage.context().close();
  const cyPage = await acceptAsNewPerson(browser, page, cy, teamName);

  // A member sees the people, but not the team's billing, invitations or activity.
  await expect(cyPage.getByRole("button", { name: "Invite people" })).toHaveCount(0);
  await cyPage.goto("/dashboard/activity");
  await expect(cyPage.getByText("The activity log is for owners and admins.")).toBeVisible();
  await cyPage.goto("/dashboard/billing");
  await expect(cyPage.getByText("Ask an owner or admin")).toBeVisible();
  await expect(cyPage.getByText("3 seats")).toHaveCount(0);
  await cyPage.context().close();

  await page.goto("/dashboard/members");
  await expect(page.getByTestId("member-row")).toHaveCount(3);
  await shoot(page, "members");

  // The owner removes Cy: the seat is free but the bill does not change; the page suggests lowering.
  const cyRow = page.getByTestId("member-row").filter({ hasText: cy });
  await cyRow.getByRole("button", { name: "Remove" }).click();
  await dialog(page).getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByTestId("lower-seats-hint")).toContainText("You pay for 1 seat nobody holds.");
  expect((await creemSubscription(subscriptionId)).units).toBe(3);

  await page.goto("/dashboard/activity");
  const activity = page.getByTestId("activity-list");
  await expect(activity.getByText(`${ownerEmail} invited ${bo} as Member`)).toBeVisible();
  await expect(activity.getByText(`${cy} joined as Member`)).toBeVisible();
  await expect(activity.getByText(`${ownerEmail} removed ${cy}`)).toBeVisible();
  await shoot(page, "activity");

  // Lowering below the members is refused with the reason; to 2 it goes through CREEM.
  await page.goto("/dashboard/billing");
  const seats = page.locator("#seats");
  await seats.getByLabel("Seats", { exact: true }).fill("1");
  await seats.getByRole("button", { name: "Update seats" }).click();
  await dialog(page).getByRole("button", { name: "Update seats" }).click();
  await expect(
    page.getByText(/This workspace has 2 members and 0 pending invitations, so it needs at least 2 seats/),
  ).toBeVisible();
  expect((await creemSubscription(subscriptionId)).units).toBe(3);
  await seats.getByLabel("Seats", { exact: true }).fill("2");
  await seats.getByRole("button", { name: "Update seats" }).click();
  await dialog(page).getByRole("button", { name: "Update seats" }).click();
  await expect(page.getByText("Your Team plan now has 2 seats.")).toBeVisible();
  expect((await creemSubscription(subscriptionId)).units).toBe(2);
});
