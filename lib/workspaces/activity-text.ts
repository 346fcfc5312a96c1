import { isRole, ROLE_LABELS } from "./roles";

// One readable line per activity entry ("Ana invited bo@example.com as Member"), from what recordActivity
// stored. Pure: the activity page and its tests use it; unknown or malformed details still read sensibly.

export type ActivityLine = { action: string; actorName: string | null; details: unknown };

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;
const role = (value: unknown): string => (isRole(value) ? ROLE_LABELS[value] : "Member");
const seats = (value: unknown) =>
  typeof value === "number" ? `${value} seat${value === 1 ? "" : "s"}` : null;

export function describeActivity(entry: ActivityLine): string {
  const d = (entry.details && typeof entry.details === "object" ? entry.details : {}) as Record<
    string,
    unknown
  >;
  const who = entry.actorName ?? "Someone";
  const email = text(d.email) ?? "someone";
  const name = text(d.name) ?? text(d.email) ?? "a member";
  switch (entry.action) {
    case "member.signed_in":
      return `${who} signed in`;
    case "member.invited":
      return `${who} invited ${email} as ${role(d.role)}`;
    case "member.invitation_resent":
      return `${who} resent the invitation to ${email}`;
    case "member.invitation_revoked":
      return `${who} revoked the invitation to ${email}`;
    case "member.joined":
      return `${who} joined as ${role(d.role)}`;
    case "member.removed":
      return `${who} removed ${name}`;
    case "member.left":
      return `${who} left the workspace`;
    case "member.role_changed":
      return `${who} changed ${name}'s role from ${role(d.from)} to ${role(d.to)}`;
    case "workspace.created":
      return `${who} created the workspace`;
    case "workspace.renamed":
      return text(d.to) ? `${who} renamed the workspace to ${text(d.to)}` : `${who} renamed the workspace`;
    case "workspace.ownership_transferred":
      return `${who} transferred ownership to ${name}`;
    case "billing.checkout_started":
      return `${who} started a checkout`;
    case "billing.plan_changed":
      return `${who} changed the plan`;
    case "billing.seats_changed":
      return seats(d.to) ? `${who} changed seats to ${seats(d.to)}` : `${who} changed the seats`;
    case "billing.canceled":
      return `${who} canceled the subscription`;
    case "billing.resumed":
      return `${who} resumed the subscription`;
    case "billing.paused":
      return `${who} paused the subscription`;
    case "billing.seat_drift_corrected":
      return seats(d.from) && seats(d.to)
        ? `Seats corrected from ${seats(d.from)} to ${seats(d.to)} to match CREEM`
        : "Seats corrected to match CREEM";
    default:
      return `${who}: ${entry.action}`;
  }
}
