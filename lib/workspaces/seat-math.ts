// Seat arithmetic of a workspace on a per-seat plan, pure (unit-tested without a database). `seats` is what
// the workspace pays for (null: its plan is not per seat, so no limit); members and pending invitations
// each hold one. Joining needs a free seat among members only: invitations sent before seats were lowered
// (or before CREEM's number changed) are honoured first come, first served.

export type SeatCount = {
  /** Paid seats, or null when the workspace's plan is not priced per seat. */
  seats: number | null;
  members: number;
  /** Invitations not accepted, revoked or expired. */
  pending: number;
};

/** Seats held by members and pending invitations. */
export const seatsInUse = (count: SeatCount): number => count.members + count.pending;

/** Seats nobody holds (never negative); null when there is no limit. */
export function freeSeats(count: SeatCount): number | null {
  return count.seats === null ? null : Math.max(0, count.seats - seatsInUse(count));
}

/** Seats to buy before `invites` more invitations can be sent (0: they fit). */
export function seatsMissingFor(count: SeatCount, invites = 1): number {
  if (count.seats === null) return 0;
  return Math.max(0, seatsInUse(count) + invites - count.seats);
}

/** Whether one more person can become a member now. */
export function canJoin(count: SeatCount): boolean {
  return count.seats === null || count.members + 1 <= count.seats;
}

/** The fewest seats the workspace may lower to: one per member and pending invitation. */
export const lowestSeats = (count: SeatCount): number => seatsInUse(count);

/** Seats paid for and held by nobody (the page suggests lowering them); 0 without a limit. */
export const unusedSeats = (count: SeatCount): number => freeSeats(count) ?? 0;

export const NO_FREE_SEAT = "This workspace has no free seat; ask an owner to add one.";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Why lowering to `target` seats is refused, or null when it is allowed. */
export function seatReductionRefusal(count: SeatCount, target: number): string | null {
  const needed = lowestSeats(count);
  if (target >= needed) return null;
  return (
    `This workspace has ${plural(count.members, "member")} and ${plural(count.pending, "pending invitation")}, ` +
    `so it needs at least ${plural(needed, "seat")}. Remove people or revoke invitations first.`
  );
}
