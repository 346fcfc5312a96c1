import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { renderTeamInvitationEmail } from "@/lib/email/render";
import { sendMail } from "@/lib/mail";
import { publicEnv } from "@/lib/public-env";
import { consumeRateLimit, retryMinutes, type RateLimitRule } from "@/lib/rate-limit";
import { UserError } from "@/lib/user-error";
import { recordActivity } from "./activity";
import { LOCKED_TX, lockWorkspace, roleIn, type LockedWorkspace } from "./lock";
import { assignableRoles, can, deniedMessage, type Role } from "./roles";
import { canJoin, NO_FREE_SEAT, seatsMissingFor } from "./seat-math";
import { countSeats, pendingInvitationWhere } from "./seats";
import type { Prisma } from "@/lib/generated/prisma/client";

// Invitations by email: a link that works once and expires after 7 days; only the SHA-256 of its token is
// stored (like the email-change links). Resending makes a new token (the old link dies); revoking kills it.
// Sending, resending and accepting happen inside the workspace lock with the seat rules of seat-math.ts.

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITATIONS_RULE: RateLimitRule = {
  name: "workspace-invitations",
  limit: 30,
  windowMs: 60 * 60 * 1000,
};

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const invitationUrl = (token: string) =>
  new URL(`/invite/${token}`, publicEnv.NEXT_PUBLIC_APP_URL).href;

type Actor = { id: string; email: string; name: string | null };
type Tx = Prisma.TransactionClient;

/** The actor's role, re-read inside the lock, must allow `permission`. */
async function requireRole(tx: Tx, workspaceId: string, actorId: string, permission: "members.invite") {
  const role = await roleIn(tx, workspaceId, actorId);
  if (!role) throw new UserError("We could not find that workspace.");
  if (!can(role, permission)) throw new UserError(deniedMessage(permission));
  return role;
}

async function limitInvitations(tx: Tx, workspaceId: string) {
  const limit = await consumeRateLimit(tx, INVITATIONS_RULE, workspaceId);
  if (!limit.ok) {
    throw new UserError(
      `This workspace sent many invitations this hour. Try again in ${retryMinutes(limit.retryAfterMs)} minutes.`,
    );
  }
}

function refusePersonal(workspace: LockedWorkspace) {
  if (workspace.personal) {
    throw new UserError("A personal workspace has one member. Create a team workspace to invite people.");
  }
}

/** Thrown when an invitation needs seats the workspace does not have; the page offers to buy them. */
export class SeatsNeededError extends UserError {
  constructor(readonly missing: number) {
    super(
      `Every seat is taken. Buy ${missing === 1 ? "1 more seat" : `${missing} more seats`} to send this invitation.`,
    );
    this.name = "SeatsNeededError";
  }
}

/** The invitation mail (React Email, HTML and text) through the app's one mail path. */
async function mailInvitation(
  to: string,
  token: string,
  details: { workspace: string; inviter: string; role: Role; expiresAt: Date },
) {
  const mail = await renderTeamInvitationEmail({
    workspaceName: details.workspace,
    inviterName: details.inviter,
    acceptUrl: invitationUrl(token),
    expiresAt: details.expiresAt,
    role: details.role === "admin" ? "admin" : "member",
    inviteeEmail: to,
  });
  await sendMail({ to, ...mail });
}

/**
 * Sends an invitation. Refused when the role may not give `role`, the person is already a member or
 * invited, the hourly limit is reached, or the seats are all held (SeatsNeededError).
 */
export async function inviteMember(
  actor: Actor,
  workspaceId: string,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<{ invitationId: string }> {
  const email = input.email.trim().toLowerCase();
  const token = randomBytes(32).toString("base64url");
  const created = await db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    const role = await requireRole(tx, workspaceId, actor.id, "members.invite");
    refusePersonal(workspace);
    if (input.role === "owner" || !assignableRoles(role).includes(input.role)) {
      throw new UserError(
        input.role === "owner"
          ? "Invite people as an admin or member; make them an owner once they joined."
          : `As ${role === "admin" ? "an admin" : "a member"} you can invite members only.`,
      );
    }
    const member = await tx.membership.findFirst({
      where: { workspaceId, user: { email } },
      select: { userId: true },
    });
    if (member) throw new UserError(`${email} is already a member of ${workspace.name}.`);
    const pending = await tx.invitation.findFirst({
      where: { ...pendingInvitationWhere(workspaceId, now), email },
      select: { id: true },
    });
    if (pending) throw new UserError(`${email} is already invited. Resend the invitation from the list.`);
    const missing = seatsMissingFor(await countSeats(tx, workspaceId, now));
    if (missing > 0) throw new SeatsNeededError(missing);
    await limitInvitations(tx, workspaceId);
    const invitation = await tx.invitation.create({
      data: {
        workspaceId,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: actor.id,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        createdAt: now,
      },
    });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.invited",
      details: { email, role: input.role },
    });
    return { invitation, workspace };
  }, LOCKED_TX);
  await mailOrRevoke(created.invitation.id, email, token, {
    workspace: created.workspace.name,
    inviter: actor.name ?? actor.email,
    role: input.role,
    expiresAt: created.invitation.expiresAt,
  });
  return { invitationId: created.invitation.id };
}

/** A mail that could not be sent leaves no live link behind (the invitation is revoked, its seat freed). */
async function mailOrRevoke(
  id: string,
  to: string,
  token: string,
  details: Parameters<typeof mailInvitation>[2],
) {
  try {
    await mailInvitation(to, token, details);
  } catch (error) {
    console.error(`[workspaces] invitation ${id} could not be mailed`, error);
    await db.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    throw new UserError("We could not send the invitation mail. Please try again.");
  }
}

/** The invitation, if it belongs to this workspace (the same answer otherwise, so ids cannot be probed). */
async function invitationOf(tx: Tx, workspaceId: string, invitationId: string) {
  const invitation = await tx.invitation.findUnique({ where: { id: invitationId } });
  if (!invitation || invitation.workspaceId !== workspaceId) {
    throw new UserError("We could not find that invitation.");
  }
  return invitation;
}

/** Sends the invitation again with a new link (the old one stops working) and 7 more days. */
export async function resendInvitation(
  actor: Actor,
  workspaceId: string,
  invitationId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const done = await db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    await requireRole(tx, workspaceId, actor.id, "members.invite");
    const invitation = await invitationOf(tx, workspaceId, invitationId);
    if (invitation.acceptedAt) throw new UserError("That invitation was already accepted.");
    if (invitation.revokedAt) throw new UserError("That invitation was revoked. Send a new one.");
    // An expired invitation held no seat: sending it again needs one.
    if (invitation.expiresAt <= now && seatsMissingFor(await countSeats(tx, workspaceId, now)) > 0) {
      throw new SeatsNeededError(1);
    }
    await limitInvitations(tx, workspaceId);
    const renewed = await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashInvitationToken(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.invitation_resent",
      details: { email: invitation.email },
    });
    return { invitation: renewed, workspace };
  }, LOCKED_TX);
  const role = done.invitation.role === "admin" ? "admin" : "member";
  await mailOrRevoke(done.invitation.id, done.invitation.email, token, {
    workspace: done.workspace.name,
    inviter: actor.name ?? actor.email,
    role,
    expiresAt: done.invitation.expiresAt,
  });
  return `We sent a new invitation to ${done.invitation.email}. The earlier link no longer works.`;
}

/** Revokes a pending invitation: its link stops working and its seat is free. */
export async function revokeInvitation(
  actor: Actor,
  workspaceId: string,
  invitationId: string,
  now = new Date(),
): Promise<string> {
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    await requireRole(tx, workspaceId, actor.id, "members.invite");
    const invitation = await invitationOf(tx, workspaceId, invitationId);
    if (invitation.acceptedAt) throw new UserError("That invitation was already accepted.");
    if (invitation.revokedAt) return `The invitation to ${invitation.email} was already revoked.`;
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.invitation_revoked",
      details: { email: invitation.email },
    });
    return `The invitation to ${invitation.email} was revoked.`;
  }, LOCKED_TX);
}

// ── Accepting ───────────────────────────────────────────────────────────────────────────────────

export type InvitationPreview =
  | { status: "invalid" | "expired" | "revoked" | "used" }
  | { status: "pending"; workspaceName: string; email: string; role: Role; inviter: string | null };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** What the accept page shows for a link, before anyone is signed in. */
export async function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview> {
  if (!TOKEN_SHAPE.test(token)) return { status: "invalid" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true, email: true } } },
  });
  if (!invitation) return { status: "invalid" };
  if (invitation.revokedAt) return { status: "revoked" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.expiresAt <= now) return { status: "expired" };
  return {
    status: "pending",
    workspaceName: invitation.workspace.name,
    email: invitation.email,
    role: invitation.role === "admin" ? "admin" : "member",
    inviter: invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? null,
  };
}

export type AcceptOutcome =
  | { status: "joined" | "already_member"; workspaceId: string; workspaceName: string }
  | { status: "invalid" | "expired" | "revoked" | "used" | "no_seat" }
  | { status: "wrong_email"; maskedEmail: string };

/** "ana@example.com" -> "a…@e…": enough to recognise one's address, not to learn someone else's. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}…@${domain.slice(0, 1)}…`;
}

export const ACCEPT_MESSAGES: Record<
  Exclude<AcceptOutcome["status"], "joined" | "already_member" | "wrong_email">,
  string
> = {
  invalid: "This invitation link is not valid. Ask for a new invitation.",
  expired: "This invitation has expired. Ask an owner or admin of the workspace to send a new one.",
  revoked: "This invitation was revoked. Ask an owner or admin of the workspace if you still need access.",
  used: "This invitation was already used. If it was you, the workspace is in your workspace list.",
  no_seat: NO_FREE_SEAT,
};

export const wrongEmailMessage = (masked: string) =>
  `This invitation was sent to ${masked}; sign in with that address to accept it.`;

/**
 * Joins the signed-in `user` to the invitation's workspace. In one transaction with the workspace locked:
 * the link is checked (once, unexpired, not revoked, for this address) and a seat must be free among
 * members, so of many people accepting at once exactly as many join as there are free seats.
 */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
  now = new Date(),
): Promise<AcceptOutcome> {
  if (!TOKEN_SHAPE.test(token)) return { status: "invalid" };
  const found = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { workspaceId: true },
  });
  if (!found) return { status: "invalid" };
  return db.$transaction(async (tx): Promise<AcceptOutcome> => {
    const workspace = await lockWorkspace(tx, found.workspaceId);
    // Read again under the lock: a resend, revoke or another acceptance may have just happened.
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
    if (!invitation) return { status: "invalid" };
    if (invitation.revokedAt) return { status: "revoked" };
    if (invitation.acceptedAt) return { status: "used" };
    if (invitation.expiresAt <= now) return { status: "expired" };
    if (invitation.email !== user.email.toLowerCase()) {
      return { status: "wrong_email", maskedEmail: maskEmail(invitation.email) };
    }
    const done = { workspaceId: workspace.id, workspaceName: workspace.name };
    if (await roleIn(tx, workspace.id, user.id)) {
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { acceptedAt: now, acceptedById: user.id },
      });
      return { status: "already_member", ...done };
    }
    if (!canJoin(await countSeats(tx, workspace.id, now))) return { status: "no_seat" };
    const role: Role = invitation.role === "admin" ? "admin" : "member";
    await tx.membership.create({
      data: { workspaceId: workspace.id, userId: user.id, role, createdAt: now },
    });
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: now, acceptedById: user.id },
    });
    await recordActivity(tx, {
      workspaceId: workspace.id,
      actorId: user.id,
      action: "member.joined",
      details: { email: invitation.email, role, invitedById: invitation.invitedById },
    });
    return { status: "joined", ...done };
  }, LOCKED_TX);
}
