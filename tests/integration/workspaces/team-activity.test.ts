import { describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import { newUser } from "../account/support";
import { addMember, newTeam } from "./team-support";

// The activity log: a sign-in is one entry in each workspace of the user; the page reads newest first,
// a page at a time.

const db = testDb();
const { recordSignIn, listActivity, ACTIVITY_PAGE_SIZE } = await import("@/lib/workspaces/activity-feed");

describe("activity", () => {
  it("records a sign-in in every workspace of the user, and only theirs", async () => {
    const ana = await newUser(db, "ana");
    const bo = await newUser(db, "bo");
    const team = await newTeam(db, ana);
    await addMember(db, team.id, bo, "member");
    await recordSignIn(bo.id);
    const entries = await db.activityLog.findMany({
      where: { actorId: bo.id },
      select: { workspaceId: true, action: true },
    });
    const personal = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: bo.id } });
    expect(entries.map((e) => e.workspaceId).sort()).toEqual([personal.id, team.id].sort());
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(["member.signed_in"]));
    expect(await db.activityLog.count({ where: { actorId: ana.id } })).toBe(0);
  });

  it("lists newest first, a page at a time, with readable lines", async () => {
    const ana = await newUser(db, "ana");
    const team = await newTeam(db, ana);
    const base = Date.UTC(2026, 10, 1);
    await db.activityLog.createMany({
      data: Array.from({ length: ACTIVITY_PAGE_SIZE + 3 }, (_, i) => ({
        workspaceId: team.id,
        actorId: ana.id,
        action: "member.invited",
        details: { email: `p${i}@example.com`, role: "member" },
        createdAt: new Date(base + i * 60_000),
      })),
    });
    const first = await listActivity(team.id, 1);
    expect(first).toMatchObject({ page: 1, pages: 2, total: ACTIVITY_PAGE_SIZE + 3 });
    expect(first.items[0]!.line).toBe(`${ana.name} invited p${ACTIVITY_PAGE_SIZE + 2}@example.com as Member`);
    const second = await listActivity(team.id, 2);
    expect(second.items.map((i) => i.line)).toEqual(
      [2, 1, 0].map((n) => `${ana.name} invited p${n}@example.com as Member`),
    );
    // Out-of-range and malformed pages land on a real page.
    expect((await listActivity(team.id, 99)).page).toBe(2);
    expect((await listActivity(team.id, Number.NaN)).page).toBe(1);
  });
});
