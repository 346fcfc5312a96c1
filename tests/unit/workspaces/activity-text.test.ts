import { describe, expect, it } from "vitest";
import { describeActivity } from "@/lib/workspaces/activity-text";

describe("activity lines", () => {
  it.each([
    ["member.invited", { email: "bo@x.com", role: "member" }, "Ana invited bo@x.com as Member"],
    ["member.invited", { email: "cy@x.com", role: "admin" }, "Ana invited cy@x.com as Admin"],
    ["member.invitation_resent", { email: "bo@x.com" }, "Ana resent the invitation to bo@x.com"],
    ["member.invitation_revoked", { email: "bo@x.com" }, "Ana revoked the invitation to bo@x.com"],
    ["member.joined", { role: "member" }, "Ana joined as Member"],
    ["member.removed", { name: "Bo" }, "Ana removed Bo"],
    ["member.left", {}, "Ana left the workspace"],
    [
      "member.role_changed",
      { name: "Bo", from: "member", to: "admin" },
      "Ana changed Bo's role from Member to Admin",
    ],
    ["workspace.ownership_transferred", { name: "Bo" }, "Ana transferred ownership to Bo"],
    ["member.signed_in", null, "Ana signed in"],
    ["billing.seats_changed", { to: 3 }, "Ana changed seats to 3 seats"],
  ])("%s reads as a sentence", (action, details, line) => {
    expect(describeActivity({ action, actorName: "Ana", details })).toBe(line);
  });

  it("names the correction of seats from CREEM without an actor", () => {
    expect(
      describeActivity({
        action: "billing.seat_drift_corrected",
        actorName: null,
        details: { from: 2, to: 1 },
      }),
    ).toBe("Seats corrected from 2 seats to 1 seat to match CREEM");
  });

  it("still reads when the details are missing or malformed", () => {
    expect(describeActivity({ action: "member.invited", actorName: null, details: "x" })).toBe(
      "Someone invited someone as Member",
    );
    expect(describeActivity({ action: "something.new", actorName: "Ana", details: {} })).toBe(
      "Ana: something.new",
    );
  });
});
