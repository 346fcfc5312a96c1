import "server-only";
import { db } from "@/lib/db";
import { changeSeats, seatsLabel } from "@/lib/billing/subscriptions/changes";
import { UserError } from "@/lib/user-error";
import { seatsMissingFor } from "./seat-math";
import { countSeats } from "./seats";

// "Every seat is taken: buy one more and invite": the seat change goes through the billing page's own
// path (lib/billing/subscriptions/changes.ts, CREEM charges the prorated amount now), and the invitation
// is sent only once CREEM's answer, stored by the sync after the change, shows the new seats.

/**
 * Raises the workspace's seats to `target` (what the page showed and priced) when the next invitation
 * needs them. Returns what happened, in words. Refused when the numbers moved since the page was shown.
 */
export async function buySeatsForInvitation(
  userId: string,
  workspaceId: string,
  target: number,
): Promise<string> {
  const count = await countSeats(db, workspaceId);
  const missing = seatsMissingFor(count);
  if (missing === 0) return "";
  if (!count.subscriptionId || count.seats === null) {
    throw new UserError("This workspace has no per-seat subscription to add seats to.");
  }
  if (count.seats + missing !== target) {
    throw new UserError("The seats changed since this page was loaded. Reload it to see the new price.");
  }
  await changeSeats({ userId, workspaceId }, { subscriptionId: count.subscriptionId, seats: target });
  const stored = await db.subscription.findUnique({
    where: { id: count.subscriptionId },
    select: { units: true },
  });
  if (!stored || stored.units < target) {
    throw new UserError(
      "CREEM has not confirmed the new seats yet, so the invitation was not sent. Try again in a minute.",
    );
  }
  return `The workspace now has ${seatsLabel(stored.units)}.`;
}
