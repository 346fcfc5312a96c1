import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { magicLinkFromOutbox, requestMagicLink, signInAs, uniqueEmail } from "./support/auth";
import { buyPlan } from "./support/billing";
import { databaseOfUser } from "./support/database";
import { creemSubscription } from "./support/subscriptions";

// A team in two browser contexts: the owner buys Team for 2 seats, invites two people (the second invite
// asks to buy a third seat first), each accepts through the dev outbox, a member cannot see the team's
// billing or activity, and the owner removes one and lowers the seats again.

const SHOTS = process.env.TEAM_SHOTS_DIR ?? "screenshots/team";
const dialog = (page: Page) => page.getByRole("dialog");

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The invitation link for `email`, opened from the dev outbox like the invitee's mail client would. */
async function invitationLink(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mail");
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

  // The owner buys Team for 2 seats through the local CREEM's hosted checkout.
  await signInAs(page, ownerEmail, "/pricing");
  await buyPlan(page, { plan: "team", interval: "month", seats: 2 });

  // The team workspace and its subscription are set up in the database here (buying from the switcher's
  // team workspace is workspaces.spec.ts's subject); this test is about the people.
  const db = await databaseOfUser(ownerEmail);
  let subscriptionId: string;
  try {
    const owner = await db.query<{ id: string }>('SELECT "id" FROM "User" WHERE "email" = $1', [ownerEmail]);
    const ownerId = owner.rows[0]!.id;
    const teamId = `wsp_e2e_${Date.now().toString(36)}`;
    await db.query('INSERT INTO "Workspace" ("id", "name", "updatedAt") VALUES ($1, $2, now())', [
      teamId,
      teamName,
    ]);
    await db.query('INSERT INTO "Membership" ("workspaceId", "userId", "role") VALUES ($1, $2, \'owner\')', [
      teamId,
      ownerId,
    ]);
    const sub = await db.query<{ id: string }>(
      'UPDATE "Subscription" SET "workspaceId" = $1 WHERE "userId" = $2 RETURNING "id"',
      [teamId, ownerId],
    );
    subscriptionId = sub.rows[0]!.id;
    // What the workspace switcher sets: this browser now acts in the team.
    await page
      .context()
      .addCookies([{ name: "workspace", value: teamId, domain: new URL(page.url()).hostname, path: "/" }]);
  } finally {
    await db.end();
  }

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
