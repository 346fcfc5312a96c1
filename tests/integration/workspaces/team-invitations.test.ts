import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "../support/db";
import {
  form,
  headersMock,
  newUser,
  redirectOf,
  request,
  signInAs,
  uid,
  type TestUser,
} from "../account/support";
import { activityOf, giveSeats, invitationToken, newTeam } from "./team-support";

// Invitations end to end through the server actions: the link works once, expires, dies when revoked or
// resent, refuses another address, and accepting joins and switches the browser's workspace.

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const members = await import("@/app/dashboard/members/actions");
const { acceptInvitationAction } = await import("@/app/invite/[token]/actions");
const { acceptInvitation, previewInvitation, INVITATION_TTL_MS, hashInvitationToken } =
  await import("@/lib/workspaces/invitations");

let owner: TestUser;
let teamId: string;
beforeEach(async () => {
  owner = await newUser(db, "owner");
  teamId = (await newTeam(db, owner)).id;
});

async function invite(email: string, role = "member", as: TestUser = owner) {
  signInAs(as);
  return members.inviteAction({}, form({ workspaceId: teamId, email, role }));
}

async function accept(user: TestUser, token: string) {
  signInAs(user);
  return acceptInvitationAction({}, form({ token }));
}

describe("invitations", () => {
  it("mails a one-time link whose hash alone is stored; accepting joins and switches the workspace", async () => {
    const bo = await newUser(db, "bo");
    expect(await invite(bo.email.toUpperCase(), "admin")).toEqual({
      success: `Invitation sent to ${bo.email}.`,
    });
    const token = await invitationToken(db, bo.email);
    const row = await db.invitation.findFirstOrThrow({ where: { workspaceId: teamId } });
    expect(row).toMatchObject({ email: bo.email, role: "admin", tokenHash: hashInvitationToken(token) });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(INVITATION_TTL_MS);
    expect(await previewInvitation(token)).toMatchObject({
      status: "pending",
      email: bo.email,
      role: "admin",
    });

    const where = await redirectOf(() => accept(bo, token));
    expect(where).toBe("/dashboard/members?joined=1");
    expect(request.cookies.get("workspace")).toBe(teamId);
    expect(
      await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: teamId, userId: bo.id } },
      }),
    ).toMatchObject({ role: "admin" });
    // Used once: the second opening is refused and joins nobody.
    const carol = await newUser(db, "carol");
    expect(await accept(bo, token)).toEqual({ error: expect.stringContaining("already used") });
    expect(await acceptInvitation(carol, token)).toEqual({ status: "used" });
    expect((await activityOf(db, teamId)).map((a) => a.action)).toEqual(["member.invited", "member.joined"]);
  });

  it("invite and resend send the React Email invitation (HTML and text) whose link the outbox opens", async () => {
    const ivy = await newUser(db, "ivy");
    await invite(ivy.email, "admin");
    const team = await db.workspace.findUniqueOrThrow({ where: { id: teamId } });
    const utc = new Intl.DateTimeFormat("en-US", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    });
    const check = async (token: string, expiresAt: Date) => {
      const mail = await db.devMail.findFirstOrThrow({
        where: { to: ivy.email },
        orderBy: { createdAt: "desc" },
      });
      const link = `http://localhost:3000/invite/${token}`;
      expect(mail.subject).toBe(`${owner.name} invited you to ${team.name} on Launchpad`);
      // The dev outbox's "Open link for <email>" is this url (the e2e tests follow it).
      expect(mail.url).toBe(link);
      expect(mail.html).toMatch(/^<!DOCTYPE html/);
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.html).toContain("Accept invitation");
      expect(mail.text).not.toContain("<");
      expect(mail.text).toContain(link);
      expect(mail.text).toContain(`${owner.name} invited you to the workspace ${team.name} as an admin.`);
      expect(mail.text).toContain(`valid until ${utc.format(expiresAt)} (UTC)`);
      expect(mail.text).toContain(`with this address, ${ivy.email}, to accept it`);
    };
    const first = await db.invitation.findFirstOrThrow({ where: { workspaceId: teamId, email: ivy.email } });
    await check(await invitationToken(db, ivy.email), first.expiresAt);

    // Resent two days later: a new link, and the mail states the new expiry.
    const { resendInvitation } = await import("@/lib/workspaces/invitations");
    const later = new Date(Date.now() + 2 * 86_400_000);
    await resendInvitation(owner, teamId, first.id, later);
    const resent = await db.invitation.findUniqueOrThrow({ where: { id: first.id } });
    expect(resent.expiresAt).toEqual(new Date(later.getTime() + INVITATION_TTL_MS));
    await check(await invitationToken(db, ivy.email), resent.expiresAt);
    expect(await db.devMail.count({ where: { to: ivy.email } })).toBe(2);
  });

  it("refuses another signed-in address with a masked hint, and nothing is written", async () => {
    await invite("dana@example.com");
    const token = await invitationToken(db, "dana@example.com");
    const eve = await newUser(db, "eve");
    expect(await accept(eve, token)).toEqual({
      error: "This invitation was sent to d…@e…; sign in with that address to accept it.",
    });
    expect(await db.membership.count({ where: { workspaceId: teamId } })).toBe(1);
    expect(await db.invitation.findFirstOrThrow({ where: { workspaceId: teamId } })).toMatchObject({
      acceptedAt: null,
    });
  });

  it("expires after 7 days", async () => {
    const fay = await newUser(db, "fay");
    await invite(fay.email);
    const token = await invitationToken(db, fay.email);
    const later = new Date(Date.now() + INVITATION_TTL_MS + 1000);
    expect(await acceptInvitation(fay, token, later)).toEqual({ status: "expired" });
    expect(await previewInvitation(token, later)).toEqual({ status: "expired" });
    expect(await db.membership.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it("revoking kills the link", async () => {
    const gus = await newUser(db, "gus");
    await invite(gus.email);
    const token = await invitationToken(db, gus.email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { workspaceId: teamId } });
    signInAs(owner);
    expect(
      await members.revokeInvitationAction({}, form({ workspaceId: teamId, invitationId: invitation.id })),
    ).toEqual({
      success: `The invitation to ${gus.email} was revoked.`,
    });
    expect(await accept(gus, token)).toEqual({ error: expect.stringContaining("was revoked") });
    expect(await db.membership.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it("resending mails a new link and the old one stops working", async () => {
    const hal = await newUser(db, "hal");
    await invite(hal.email);
    const first = await invitationToken(db, hal.email);
    const invitation = await db.invitation.findFirstOrThrow({ where: { workspaceId: teamId } });
    signInAs(owner);
    const resent = await members.resendInvitationAction(
      {},
      form({ workspaceId: teamId, invitationId: invitation.id }),
    );
    expect(resent.success).toContain("earlier link no longer works");
    const second = await invitationToken(db, hal.email);
    expect(second).not.toBe(first);
    expect(await acceptInvitation(hal, first)).toEqual({ status: "invalid" });
    expect(await acceptInvitation(hal, second)).toMatchObject({ status: "joined" });
  });

  it("refuses members, the same address twice, owners as a role, and personal workspaces", async () => {
    const ida = await newUser(db, "ida");
    await invite(ida.email);
    expect(await invite(ida.email)).toEqual({ error: expect.stringContaining("already invited") });
    expect(await invite(owner.email)).toEqual({ error: expect.stringContaining("already a member") });
    expect(await invite("x@example.com", "owner")).toMatchObject({ error: "Choose Admin or Member." });
    const personal = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: owner.id } });
    signInAs(owner);
    expect(
      await members.inviteAction(
        {},
        form({ workspaceId: personal.id, email: "y@example.com", role: "member" }),
      ),
    ).toEqual({ error: expect.stringContaining("personal workspace has one member") });
    expect(await db.invitation.count({ where: { workspaceId: personal.id } })).toBe(0);
  });

  it("an admin can invite members but not admins", async () => {
    const admin = await newUser(db, "admin");
    await db.membership.create({ data: { workspaceId: teamId, userId: admin.id, role: "admin" } });
    expect(await invite("m@example.com", "member", admin)).toMatchObject({ success: expect.any(String) });
    expect(await invite("a@example.com", "admin", admin)).toEqual({
      error: "As an admin you can invite members only.",
    });
  });

  it("limits invitations per workspace in the database", async () => {
    await db.rateLimit.deleteMany({ where: { rule: "workspace-invitations", key: teamId } });
    const { INVITATIONS_RULE } = await import("@/lib/workspaces/invitations");
    const { consumeRateLimit } = await import("@/lib/rate-limit");
    // The hour's earlier invitations, as their transactions counted them.
    for (let i = 0; i < INVITATIONS_RULE.limit - 1; i++) await consumeRateLimit(db, INVITATIONS_RULE, teamId);
    expect(await invite(`${uid("bulk")}@example.com`)).toMatchObject({ success: expect.any(String) });
    expect(await invite(`${uid("bulk")}@example.com`)).toEqual({
      error: expect.stringContaining("many invitations this hour"),
    });
    expect(await db.invitation.count({ where: { workspaceId: teamId } })).toBe(1);
  });

  it("on a per-seat plan, asks to buy a seat instead of inviting past the seats", async () => {
    await giveSeats(db, teamId, 2);
    expect(await invite("j1@example.com")).toMatchObject({ success: expect.any(String) });
    expect(await invite("j2@example.com")).toEqual({
      error: "Every seat is taken. Buy 1 more seat to send this invitation.",
    });
    expect(await db.invitation.count({ where: { workspaceId: teamId } })).toBe(1);
  });
});
