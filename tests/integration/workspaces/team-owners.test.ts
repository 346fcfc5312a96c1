import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "../support/db";
import { form, headersMock, newUser, redirectOf, signInAs, type TestUser } from "../account/support";
import { activityOf, addMember, newTeam } from "./team-support";

// A workspace always keeps one owner: the last owner cannot leave, be removed or be demoted; transferring
// promotes the new owner and demotes the old one in one step; deleting the account is refused while the
// user is the last owner of a team with other members.

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const actions = await import("@/app/dashboard/members/actions");
const { deletionBlockers } = await import("@/lib/account/deletion");

let ana: TestUser;
let bo: TestUser;
let teamId: string;
let teamName: string;
beforeEach(async () => {
  ana = await newUser(db, "ana");
  bo = await newUser(db, "bo");
  const team = await newTeam(db, ana);
  teamId = team.id;
  teamName = team.name;
  await addMember(db, teamId, bo, "member");
});

const roleOf = async (user: TestUser) =>
  (
    await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: teamId, userId: user.id } },
    })
  )?.role ?? null;

describe("the last owner", () => {
  it("cannot leave, demote themselves, or delete their account while others are in the team", async () => {
    signInAs(ana);
    expect(await actions.leaveWorkspaceAction({}, form({ workspaceId: teamId }))).toEqual({
      error: "You are the last owner. Transfer ownership to someone else before you leave.",
    });
    expect(
      await actions.changeRoleAction({}, form({ workspaceId: teamId, userId: ana.id, role: "admin" })),
    ).toEqual({
      error: expect.stringContaining("A workspace needs an owner"),
    });
    expect(await deletionBlockers(ana.id)).toEqual([
      `You are the last owner of ${teamName} with other members: transfer ownership first.`,
    ]);
    expect(await roleOf(ana)).toBe("owner");
    expect(await deletionBlockers(bo.id)).toEqual([]);
  });

  it("cannot be removed or demoted by another owner once they are the only one left", async () => {
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: teamId, userId: bo.id } },
      data: { role: "owner" },
    });
    signInAs(bo);
    expect(await actions.removeMemberAction({}, form({ workspaceId: teamId, userId: ana.id }))).toEqual({
      success: expect.stringContaining("was removed"),
    });
    // Bo is now the only owner: demoting himself is refused.
    expect(
      await actions.changeRoleAction({}, form({ workspaceId: teamId, userId: bo.id, role: "member" })),
    ).toEqual({
      error: expect.stringContaining("A workspace needs an owner"),
    });
    expect(await roleOf(bo)).toBe("owner");
  });

  it("two owners demoting each other at once leave one owner", async () => {
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: teamId, userId: bo.id } },
      data: { role: "owner" },
    });
    const { changeMemberRole } = await import("@/lib/workspaces/members");
    const results = await Promise.allSettled([
      changeMemberRole(ana, teamId, { userId: bo.id, role: "member" }),
      changeMemberRole(bo, teamId, { userId: ana.id, role: "member" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: teamId, role: "owner" } })).toBe(1);
  });

  it("transfers ownership: the new owner is promoted, the old one becomes an admin and can then leave", async () => {
    signInAs(ana);
    expect(await actions.transferOwnershipAction({}, form({ workspaceId: teamId, userId: bo.id }))).toEqual({
      success: `${bo.name} now owns ${teamName}. You are an admin.`,
    });
    expect([await roleOf(ana), await roleOf(bo)]).toEqual(["admin", "owner"]);
    expect(await deletionBlockers(ana.id)).toEqual([]);
    expect(await redirectOf(() => actions.leaveWorkspaceAction({}, form({ workspaceId: teamId })))).toBe(
      "/dashboard?left=1",
    );
    expect(await roleOf(ana)).toBeNull();
    expect((await activityOf(db, teamId)).map((a) => a.action)).toEqual([
      "workspace.ownership_transferred",
      "member.left",
    ]);
  });

  it("a member leaves; the owner removes and changes roles, each written to the activity log", async () => {
    const cy = await newUser(db, "cy");
    await addMember(db, teamId, cy, "member");
    signInAs(ana);
    expect(
      await actions.changeRoleAction({}, form({ workspaceId: teamId, userId: cy.id, role: "admin" })),
    ).toEqual({
      success: `${cy.name} is now admin.`,
    });
    expect(await actions.removeMemberAction({}, form({ workspaceId: teamId, userId: cy.id }))).toMatchObject({
      success: expect.stringContaining("your bill does not change"),
    });
    signInAs(bo);
    await redirectOf(() => actions.leaveWorkspaceAction({}, form({ workspaceId: teamId })));
    expect(await db.membership.count({ where: { workspaceId: teamId } })).toBe(1);
    expect((await activityOf(db, teamId)).map((a) => a.action)).toEqual([
      "member.role_changed",
      "member.removed",
      "member.left",
    ]);
  });

  it("nobody leaves their personal workspace", async () => {
    const personal = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: bo.id } });
    signInAs(bo);
    expect(await actions.leaveWorkspaceAction({}, form({ workspaceId: personal.id }))).toEqual({
      error: "You cannot leave your personal workspace.",
    });
  });
});
