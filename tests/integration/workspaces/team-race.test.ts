import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { testDb } from "../support/db";
import { headersMock, newUser } from "../account/support";
import { giveSeats, newTeam } from "./team-support";

// The acceptance race: 20 people open their invitations at the same moment for 3 free seats. The seat
// check and the join happen in one transaction with the workspace row locked, so exactly 3 join and the
// others are told there is no free seat.

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());

const db = testDb();
const { acceptInvitation, hashInvitationToken, ACCEPT_MESSAGES } =
  await import("@/lib/workspaces/invitations");

describe("20 concurrent accepts for 3 free seats", () => {
  it("lets exactly 3 join", async () => {
    const owner = await newUser(db, "owner");
    const team = await newTeam(db, owner);
    // 4 seats: the owner holds one, 3 are free. The 20 invitations were sent before seats were lowered.
    await giveSeats(db, team.id, 4);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => newUser(db, `racer${i}`)));
    const tokens = people.map(() => randomBytes(32).toString("base64url"));
    await db.invitation.createMany({
      data: people.map((p, i) => ({
        workspaceId: team.id,
        email: p.email,
        role: "member",
        tokenHash: hashInvitationToken(tokens[i]!),
        invitedById: owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });

    const outcomes = await Promise.all(people.map((p, i) => acceptInvitation(p, tokens[i]!)));

    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === "joined")).toHaveLength(3);
    expect(statuses.filter((s) => s === "no_seat")).toHaveLength(17);
    expect(ACCEPT_MESSAGES.no_seat).toBe("This workspace has no free seat; ask an owner to add one.");
    expect(await db.membership.count({ where: { workspaceId: team.id } })).toBe(4);
    expect(await db.invitation.count({ where: { workspaceId: team.id, acceptedAt: { not: null } } })).toBe(3);
    expect(await db.activityLog.count({ where: { workspaceId: team.id, action: "member.joined" } })).toBe(3);
  });
});
