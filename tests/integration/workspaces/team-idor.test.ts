import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { testDb } from "../support/db";
import { form, headersMock, newUser, request, signInAs, uid, type TestUser } from "../account/support";
import { addMember, giveSeats, newTeam } from "./team-support";

// The IDOR matrix: every members, invitation and activity action and page of workspace A, tried by the
// owner of another workspace (B) and by a member of A without the role. Each is refused, and nothing is
// written: not a membership, an invitation, an activity entry, a rate-limit hit or a mail.

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The pages are rendered to HTML outside Next: the client forms' router is a stub.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => {}, push: () => {} }),
}));

const db = testDb();
const actions = await import("@/app/dashboard/members/actions");
const MembersPage = (await import("@/app/dashboard/members/page")).default;
const ActivityPage = (await import("@/app/dashboard/activity/page")).default;

let ana: TestUser; // owner of A
let mo: TestUser; // member of A
let zed: TestUser; // owner of B
let a: string;
let b: string;
let invitationId: string;
let teamName: string;

beforeAll(async () => {
  ana = await newUser(db, "ana");
  mo = await newUser(db, "mo");
  zed = await newUser(db, "zed");
  const team = await newTeam(db, ana, `Alpha ${uid("a")}`);
  a = team.id;
  teamName = team.name;
  b = (await newTeam(db, zed)).id;
  await addMember(db, a, mo, "member");
  await giveSeats(db, a, 5);
  signInAs(ana);
  await actions.inviteAction({}, form({ workspaceId: a, email: "pending@example.com", role: "member" }));
  invitationId = (await db.invitation.findFirstOrThrow({ where: { workspaceId: a } })).id;
  await db.activityLog.create({ data: { workspaceId: a, actorId: ana.id, action: "member.signed_in" } });
});

/** Everything a refused action could have written. */
async function snapshot() {
  const [memberships, invitations, activity, limits, mails] = await Promise.all([
    db.membership.findMany({ where: { workspaceId: { in: [a, b] } }, orderBy: { userId: "asc" } }),
    db.invitation.findMany({ where: { workspaceId: { in: [a, b] } }, orderBy: { id: "asc" } }),
    db.activityLog.count({ where: { workspaceId: { in: [a, b] } } }),
    db.rateLimit.findMany({ where: { key: { in: [a, b] } } }),
    db.devMail.count(),
  ]);
  return { memberships, invitations, activity, limits, mails };
}

type Attempt = [string, (workspaceId: string) => Promise<{ error?: string; success?: string }>];
/** The actions that carry ids of A's rows (invitations, members), tried again from B. */
const CARRY_IDS = new Set(["resend", "revoke", "change role", "remove", "transfer ownership"]);

const attempts: Attempt[] = [
  [
    "invite",
    (w) => actions.inviteAction({}, form({ workspaceId: w, email: "x@example.com", role: "member" })),
  ],
  [
    "invite and buy seats",
    (w) =>
      actions.inviteWithSeatsAction(
        {},
        form({ workspaceId: w, email: "x@example.com", role: "member", seats: 6 }),
      ),
  ],
  ["resend", (w) => actions.resendInvitationAction({}, form({ workspaceId: w, invitationId }))],
  ["revoke", (w) => actions.revokeInvitationAction({}, form({ workspaceId: w, invitationId }))],
  [
    "change role",
    (w) => actions.changeRoleAction({}, form({ workspaceId: w, userId: ana.id, role: "member" })),
  ],
  ["remove", (w) => actions.removeMemberAction({}, form({ workspaceId: w, userId: ana.id }))],
  ["transfer ownership", (w) => actions.transferOwnershipAction({}, form({ workspaceId: w, userId: mo.id }))],
];

describe("members and invitations of another workspace", () => {
  it.each(attempts)(
    "%s: refused for the owner of another workspace, naming A or with A's ids in B",
    async (name, run) => {
      const before = await snapshot();
      signInAs(zed);
      expect(await run(a)).toEqual({ error: "We could not find that workspace." });
      if (CARRY_IDS.has(name)) {
        // Zed's own workspace with A's invitation or member ids: nothing of A is found through B.
        expect(await run(b)).toEqual({
          error: expect.stringMatching(/^We could not find that (invitation|member)/),
        });
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it("leave: an outsider cannot leave (or learn about) A", async () => {
    const before = await snapshot();
    signInAs(zed);
    expect(await actions.leaveWorkspaceAction({}, form({ workspaceId: a }))).toEqual({
      error: "We could not find that workspace.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("a member without the role", () => {
  it.each(attempts)("%s: refused for a member of A", async (name, run) => {
    const before = await snapshot();
    signInAs(mo);
    const result = await run(a);
    expect(result.error).toBe(
      name === "transfer ownership"
        ? "Only an owner of this workspace can do that."
        : "Only an owner or admin of this workspace can do that.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("an admin cannot touch an owner, make an admin, or transfer ownership", async () => {
    const adi = await newUser(db, "adi");
    await addMember(db, a, adi, "admin");
    const before = await snapshot();
    signInAs(adi);
    expect(await actions.removeMemberAction({}, form({ workspaceId: a, userId: ana.id }))).toEqual({
      error: "Only an owner can remove an owner or admin.",
    });
    expect(
      await actions.changeRoleAction({}, form({ workspaceId: a, userId: mo.id, role: "admin" })),
    ).toEqual({
      error: "You can make people member.",
    });
    expect(await actions.transferOwnershipAction({}, form({ workspaceId: a, userId: adi.id }))).toEqual({
      error: "Only an owner of this workspace can do that.",
    });
    expect(await snapshot()).toEqual(before);
    await db.membership.delete({ where: { workspaceId_userId: { workspaceId: a, userId: adi.id } } });
  });
});

describe("pages", () => {
  const render = async (page: Promise<React.ReactElement>) => renderToStaticMarkup(await page);

  it("an outsider asking for A through the cookie sees their own workspace, never A", async () => {
    signInAs(zed);
    request.cookies.set("workspace", a);
    const members = await render(MembersPage());
    expect(members).not.toContain(teamName);
    expect(members).not.toContain(ana.email);
    expect(members).not.toContain("pending@example.com");
    const activity = await render(ActivityPage({ searchParams: Promise.resolve({}) }));
    expect(activity).not.toContain(teamName);
    expect(activity).not.toContain(ana.name!);
  });

  it("a member of A sees the people but no invitations, no management, and no activity log", async () => {
    signInAs(mo);
    request.cookies.set("workspace", a);
    const members = await render(MembersPage());
    expect(members).toContain(teamName);
    expect(members).toContain(ana.email);
    expect(members).not.toContain("pending@example.com");
    expect(members).not.toContain("Invite people");
    expect(members).not.toContain("Remove");
    expect(members).toContain("Leave workspace");
    const activity = await render(ActivityPage({ searchParams: Promise.resolve({}) }));
    expect(activity).toContain("Only an owner or admin of this workspace can do that.");
    expect(activity).not.toContain("signed in");
  });

  it("the owner sees invitations and the activity log", async () => {
    signInAs(ana);
    request.cookies.set("workspace", a);
    const members = await render(MembersPage());
    expect(members).toContain("pending@example.com");
    expect(members).toContain("Invite people");
    const activity = await render(ActivityPage({ searchParams: Promise.resolve({}) }));
    expect(activity).toContain(`${ana.name} invited pending@example.com as Member`);
  });
});
