import { beforeAll, describe, expect, it, vi } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { remoteStatus, setUpBillingActions, signInAs, subscribe } from "../billing-actions/support";
import { testDb } from "../support/db";
import { form, headersMock, newUser, request, type TestUser } from "../account/support";
import { newTeam } from "./team-support";

// Seats against the local CREEM: a Team subscription of 2 seats for a team workspace. Inviting past the
// seats offers the missing seat at CREEM's prorated price, buys it through the billing page's seat change,
// then sends the invitation; lowering seats below members + pending invitations is refused with the reason;
// the nightly job stores CREEM's number when it drifts.

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const h = setUpBillingActions();
let members: typeof import("@/app/dashboard/members/actions");
let seats: typeof import("@/lib/workspaces/seats");
let owner: TestUser;
let teamId: string;
let subscriptionId: string;

beforeAll(async () => {
  members = await import("@/app/dashboard/members/actions");
  seats = await import("@/lib/workspaces/seats");
  owner = await newUser(db, "owner");
  teamId = (await newTeam(db, owner)).id;
  subscriptionId = await subscribe(h.creem, db, owner.email, PRODUCT_IDS.teamMonthly, 2);
  // The workspace checkout (another change) stores workspaceId from the checkout's metadata.
  await db.subscription.update({ where: { id: subscriptionId }, data: { workspaceId: teamId } });
});

const invite = (email: string, extra: Record<string, string | number> = {}) => {
  signInAs(owner);
  const action = "seats" in extra ? members.inviteWithSeatsAction : members.inviteAction;
  return action({}, form({ workspaceId: teamId, email, role: "member", ...extra }));
};

describe("seats of a per-seat plan", () => {
  it("counts the subscription's units that grant the plan", async () => {
    expect(await seats.countSeats(db, teamId)).toEqual({ seats: 2, subscriptionId, members: 1, pending: 0 });
  });

  it("offers the missing seat with CREEM's charge, buys it, then sends the invitation", async () => {
    expect(await invite("first@example.com")).toMatchObject({ success: expect.any(String) });
    expect(await invite("second@example.com")).toEqual({
      error: "Every seat is taken. Buy 1 more seat to send this invitation.",
    });
    const offer = await seats.seatOfferFor(await seats.countSeats(db, teamId));
    expect(offer).toMatchObject({ subscriptionId, seats: 2, target: 3 });
    expect(offer!.today).toMatch(/^\$\d+(\.\d\d)? charged today$/);
    expect(offer!.renews).toContain("then $36 / month");

    // A page showing an older price is refused; nothing is bought.
    expect(await invite("second@example.com", { seats: 4 })).toEqual({
      error: "The seats changed since this page was loaded. Reload it to see the new price.",
    });
    expect((await remoteStatus(h.creem, subscriptionId)).units).toBe(2);

    const mark = h.creem.requests.length;
    expect(await invite("second@example.com", { seats: 3 })).toEqual({
      success: "The workspace now has 3 seats. Invitation sent to second@example.com.",
    });
    expect(h.creem.since(mark).some((line) => line.startsWith("POST /v1/subscriptions/"))).toBe(true);
    expect((await remoteStatus(h.creem, subscriptionId)).units).toBe(3);
    expect(await seats.countSeats(db, teamId)).toMatchObject({ seats: 3, members: 1, pending: 2 });
  });

  it("refuses lowering seats below members and pending invitations, with the reason", async () => {
    signInAs(owner);
    request.cookies.set("workspace", teamId);
    expect(await h.actions.changeSeatsAction({}, form({ subscriptionId, seats: 2 }))).toEqual({
      error:
        "This workspace has 1 member and 2 pending invitations, so it needs at least 3 seats. Remove people or revoke invitations first.",
    });
    expect((await remoteStatus(h.creem, subscriptionId)).units).toBe(3);

    const pending = await db.invitation.findFirstOrThrow({
      where: { workspaceId: teamId, email: "first@example.com" },
    });
    await members.revokeInvitationAction({}, form({ workspaceId: teamId, invitationId: pending.id }));
    expect(await h.actions.changeSeatsAction({}, form({ subscriptionId, seats: 2 }))).toEqual({
      success: "Your Team plan now has 2 seats.",
    });
    expect((await remoteStatus(h.creem, subscriptionId)).units).toBe(2);
  });

  it("the seat-drift job stores CREEM's units on a per-seat plan, records it once, and is idempotent", async () => {
    const { jobNamed } = await import("@/lib/jobs/registry");
    expect(jobNamed("workspace-seat-drift")).toMatchObject({ schedule: "23 4 * * *" });
    const { correctSeatDrift } = await import("@/lib/workspaces/seat-drift");
    const { catalog } = await import("@/lib/billing/catalog");
    // Seats changed in CREEM's dashboard; no webhook reached the app.
    const remote = await h.creem.client.subscriptions.get(subscriptionId);
    await h.creem.client.subscriptions.update(subscriptionId, {
      items: [{ id: remote.items![0]!.id, units: 5 }],
      updateBehavior: "proration-charge-immediately",
    });
    // A Pro subscription (not per seat) whose stored units disagree with CREEM: reported, not changed.
    const other = await newUser(db, "pro");
    const proTeam = await newTeam(db, other);
    const proId = await subscribe(h.creem, db, other.email, PRODUCT_IDS.proMonthly, 1);
    await db.subscription.update({ where: { id: proId }, data: { workspaceId: proTeam.id, units: 2 } });

    // The job's own run, on this file's two workspaces only (earlier files in this worker share the database).
    const run = (log: (line: string) => void) =>
      correctSeatDrift(db, h.creem.client, catalog, log, [teamId, proTeam.id]);
    const lines: string[] = [];
    const first = await run((l) => void lines.push(l));
    expect(first).toMatchObject({ drifted: 2, corrected: 1, failed: 0 });
    expect(lines).toContain(`${subscriptionId}: seats corrected from 2 to CREEM's 5`);
    expect(lines.some((l) => l.startsWith(`${proId}: CREEM has 1 units, stored 2`))).toBe(true);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).units).toBe(5);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: proId } })).units).toBe(2);

    const second = await run(() => {});
    expect(second).toMatchObject({ drifted: 1, corrected: 0, failed: 0 });
    const entries = await db.activityLog.findMany({
      where: { action: "billing.seat_drift_corrected", workspaceId: { in: [teamId, proTeam.id] } },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      workspaceId: teamId,
      actorId: null,
      details: { subscriptionId, from: 2, to: 5 },
    });
  });
});
