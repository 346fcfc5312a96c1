import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth";
import { redirectOf, form } from "../checkout/support";
import { testDb } from "../support/db";
import { actInWorkspace, personalWorkspaceId, teamWorkspace } from "../support/workspaces";

// The header's workspace switcher (app/workspaces/actions.ts): creating a team workspace (validated name,
// the creator its owner, logged) and switching (a cookie that counts only while the user is a member).

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
let actions: typeof import("@/app/workspaces/actions");
let current: typeof import("@/lib/workspaces/current");

beforeAll(async () => {
  actions = await import("@/app/workspaces/actions");
  current = await import("@/lib/workspaces/current");
});

async function signedIn(label: string) {
  const user = await db.user.create({
    data: { email: `${label}-${Date.now()}-${Math.random()}@example.com` },
  });
  vi.mocked(getCurrentUser).mockResolvedValue({ id: user.id, email: user.email, name: null, image: null });
  actInWorkspace(undefined);
  return user;
}

describe("create team workspace", () => {
  it("makes the creator its owner, logs it and switches to it", async () => {
    const user = await signedIn("creator");
    expect(await actions.createWorkspaceAction({}, form({ name: "  Acme Robotics  " }))).toEqual({
      success: "Acme Robotics is ready.",
    });
    const created = await db.workspace.findFirstOrThrow({
      where: { memberships: { some: { userId: user.id } }, personalOwnerId: null },
      include: { memberships: true, activity: true },
    });
    expect(created.name).toBe("Acme Robotics");
    expect(created.memberships.map((m) => [m.userId, m.role])).toEqual([[user.id, "owner"]]);
    expect(created.activity.map((a) => [a.action, a.actorId])).toEqual([["workspace.created", user.id]]);
    expect((await current.getCurrentWorkspace())?.workspace).toMatchObject({
      id: created.id,
      role: "owner",
      personal: false,
    });
  });

  it.each([
    ["", "Enter a name for the workspace."],
    ["   ", "Enter a name for the workspace."],
    ["x".repeat(61), "Workspace names are at most 60 characters."],
    ["Bell\u0007", "The name contains characters that cannot be shown."],
  ])("refuses the name %j and creates nothing", async (name, message) => {
    const user = await signedIn("bad-name");
    expect(await actions.createWorkspaceAction({}, form({ name }))).toMatchObject({ error: message });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("switching", () => {
  it("to a workspace the user belongs to; a stranger's workspace id is refused and changes nothing", async () => {
    const user = await signedIn("switcher");
    const stranger = await db.user.create({ data: { email: `stranger-${Date.now()}@example.com` } });
    const mine = await teamWorkspace(db, [{ userId: user.id, role: "member" }], "Mine");
    const theirs = await teamWorkspace(db, [{ userId: stranger.id, role: "owner" }], "Theirs");

    expect(
      await redirectOf(
        actions.switchWorkspaceAction({}, form({ workspaceId: mine, returnTo: "/dashboard/reports" })),
      ),
    ).toBe("/dashboard/reports");
    expect((await current.getCurrentWorkspace())?.workspace).toMatchObject({ id: mine, role: "member" });

    expect(await actions.switchWorkspaceAction({}, form({ workspaceId: theirs }))).toEqual({
      error: "We could not find that workspace.",
    });
    expect((await current.getCurrentWorkspace())?.workspace.id).toBe(mine);

    // A cookie naming someone else's workspace (set by hand) counts for nothing: the personal one is used.
    actInWorkspace(theirs);
    expect((await current.getCurrentWorkspace())?.workspace.id).toBe(await personalWorkspaceId(db, user.id));
  });

  it("an off-site return address lands on the dashboard instead", async () => {
    const user = await signedIn("offsite");
    const where = await redirectOf(
      actions.switchWorkspaceAction(
        {},
        form({ workspaceId: await personalWorkspaceId(db, user.id), returnTo: "//evil.example/x" }),
      ),
    );
    expect(where).toBe("/dashboard");
  });
});
