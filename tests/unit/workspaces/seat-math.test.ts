import { describe, expect, it } from "vitest";
import {
  canJoin,
  freeSeats,
  lowestSeats,
  seatReductionRefusal,
  seatsInUse,
  seatsMissingFor,
  unusedSeats,
} from "@/lib/workspaces/seat-math";

describe("seat arithmetic", () => {
  it("counts members and pending invitations against paid seats", () => {
    const count = { seats: 4, members: 2, pending: 1 };
    expect(seatsInUse(count)).toBe(3);
    expect(freeSeats(count)).toBe(1);
    expect(seatsMissingFor(count)).toBe(0);
    expect(seatsMissingFor(count, 2)).toBe(1);
    expect(unusedSeats(count)).toBe(1);
  });

  it("asks for the missing seats when every seat is held, never a negative number", () => {
    expect(seatsMissingFor({ seats: 2, members: 2, pending: 0 })).toBe(1);
    expect(seatsMissingFor({ seats: 2, members: 2, pending: 3 })).toBe(4);
    expect(freeSeats({ seats: 2, members: 2, pending: 3 })).toBe(0);
    expect(unusedSeats({ seats: 2, members: 2, pending: 3 })).toBe(0);
  });

  it("has no limit when the plan is not per seat", () => {
    const count = { seats: null, members: 40, pending: 10 };
    expect(freeSeats(count)).toBeNull();
    expect(seatsMissingFor(count, 5)).toBe(0);
    expect(canJoin(count)).toBe(true);
    expect(unusedSeats(count)).toBe(0);
  });

  it("lets a person join while members alone leave a seat, whatever is pending", () => {
    expect(canJoin({ seats: 3, members: 2, pending: 20 })).toBe(true);
    expect(canJoin({ seats: 3, members: 3, pending: 0 })).toBe(false);
    expect(canJoin({ seats: 3, members: 4, pending: 0 })).toBe(false);
  });

  it("refuses lowering below members plus pending invitations, with the reason", () => {
    const count = { seats: 5, members: 2, pending: 1 };
    expect(lowestSeats(count)).toBe(3);
    expect(seatReductionRefusal(count, 3)).toBeNull();
    expect(seatReductionRefusal(count, 4)).toBeNull();
    expect(seatReductionRefusal(count, 2)).toBe(
      "This workspace has 2 members and 1 pending invitation, so it needs at least 3 seats. Remove people or revoke invitations first.",
    );
    expect(seatReductionRefusal({ seats: 2, members: 1, pending: 0 }, 0)).toContain(
      "1 member and 0 pending invitations",
    );
  });
});
