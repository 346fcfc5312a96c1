import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAction } from "@/components/workspaces/confirm-action";
import { InviteDialog } from "@/components/workspaces/invite-dialog";
import { RoleForm } from "@/components/workspaces/role-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { requireWorkspace } from "@/lib/workspaces/current";
import {
  assignableRoles,
  can,
  canManageMember,
  isRole,
  ROLE_LABELS,
  type Role,
} from "@/lib/workspaces/roles";
import { freeSeats, seatsInUse, unusedSeats } from "@/lib/workspaces/seat-math";
import { countSeats, pendingInvitationWhere, seatOfferFor } from "@/lib/workspaces/seats";
import {
  leaveWorkspaceAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

// Below the sm breakpoint a row is a wrapped block (name, then role and date, then the actions) instead of
// a table row wider than the phone; the column headers stay for screen readers.
const PHONE_ROW = "max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:py-2";

const seats = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);

// Who is in the current workspace. Everyone sees the list; inviting, roles and removals need the role
// (lib/workspaces/roles.ts), and the actions check it again on the server.
export default async function MembersPage() {
  const { user, workspace } = await requireWorkspace("/dashboard/members");
  const now = new Date();
  const role = workspace.role;
  const mayInvite = can(role, "members.invite") && !workspace.personal;
  const [members, invitations, count] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    mayInvite
      ? db.invitation.findMany({
          where: pendingInvitationWhere(workspace.id, now),
          orderBy: { createdAt: "asc" },
          select: { id: true, email: true, role: true, expiresAt: true },
        })
      : Promise.resolve([]),
    countSeats(db, workspace.id, now),
  ]);
  const canBuySeats = can(role, "billing.manage");
  const offer = mayInvite && canBuySeats ? await seatOfferFor(count) : null;
  const full = freeSeats(count) === 0;
  const spare = unusedSeats(count);
  const assignable = assignableRoles(role);
  const fields = { workspaceId: workspace.id };

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Members</h1>
          <p className="mt-1 text-zinc-600">
            People in <span className="font-medium text-zinc-900">{workspace.name}</span>
            {count.seats !== null && (
              <>
                {" "}
                ·{" "}
                <span data-testid="seat-usage">
                  {seatsInUse(count)} of {seats(count.seats)} used
                </span>
              </>
            )}
          </p>
        </div>
        {mayInvite && (
          <InviteDialog
            workspaceId={workspace.id}
            roles={assignable.filter((r): r is Exclude<Role, "owner"> => r !== "owner")}
            offer={offer}
            canBuySeats={canBuySeats}
            full={full}
          />
        )}
      </div>

      {workspace.personal && (
        <Alert tone="info">
          This is your personal workspace: it has one member, you, and cannot have invitations. Create a team
          workspace to work with other people.
        </Alert>
      )}
      {canBuySeats && spare > 0 && !workspace.personal && (
        <Alert tone="info" data-testid="lower-seats-hint">
          You pay for {seats(spare)} nobody holds.{" "}
          <Link href="/dashboard/billing" className="font-medium underline">
            Lower seats on the billing page
          </Link>{" "}
          to stop paying for {spare === 1 ? "it" : "them"}.
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>People</CardTitle>
          <CardDescription>
            {members.length === 1 ? "1 member" : `${members.length} members`}. Owners and admins manage
            billing and people; members use the product.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHead className="max-sm:sr-only">
              <TableRow>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Joined</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {members.map((m) => {
                const theirs: Role = isRole(m.role) ? m.role : "member";
                const me = m.user.id === user.id;
                const name = m.user.name ?? m.user.email;
                const manage = !me && !workspace.personal && canManageMember(role, theirs);
                const target = { ...fields, userId: m.user.id };
                return (
                  <TableRow key={m.user.id} data-testid="member-row" className={PHONE_ROW}>
                    <Td className="min-w-48 max-sm:basis-full max-sm:pb-1">
                      <div className="font-medium break-all text-zinc-900">
                        {name}
                        {me && <span className="ml-1 whitespace-nowrap text-zinc-500">(you)</span>}
                      </div>
                      {m.user.name && <div className="text-xs break-all text-zinc-500">{m.user.email}</div>}
                    </Td>
                    <Td className="max-sm:py-1">
                      <Badge tone={theirs === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[theirs]}</Badge>
                    </Td>
                    <Td className="whitespace-nowrap max-sm:py-1 max-sm:text-zinc-500">
                      <span className="sm:hidden">Joined </span>
                      {formatDate(m.createdAt)}
                    </Td>
                    <Td className="max-sm:basis-full max-sm:pt-1">
                      <div className="flex flex-wrap items-center justify-start gap-1 sm:justify-end">
                        {manage && can(role, "members.change_role") && assignable.length > 1 && (
                          <RoleForm
                            workspaceId={workspace.id}
                            userId={m.user.id}
                            name={name}
                            role={theirs}
                            roles={assignable}
                          />
                        )}
                        {manage && role === "owner" && theirs !== "owner" && (
                          <ConfirmAction
                            action={transferOwnershipAction}
                            fields={target}
                            trigger="Transfer ownership"
                            title={`Make ${name} the owner?`}
                            description={`${name} becomes an owner of ${workspace.name} and you become an admin.`}
                            confirmLabel="Transfer ownership"
                            variant="primary"
                          />
                        )}
                        {manage && can(role, "members.remove") && (
                          <ConfirmAction
                            action={removeMemberAction}
                            fields={target}
                            trigger="Remove"
                            title={`Remove ${name}?`}
                            description="They lose access to this workspace at once. The seat stays paid until you lower seats on the billing page."
                            confirmLabel="Remove member"
                          />
                        )}
                        {me && !workspace.personal && (
                          <ConfirmAction
                            action={leaveWorkspaceAction}
                            fields={fields}
                            trigger="Leave workspace"
                            title={`Leave ${workspace.name}?`}
                            description="You lose access at once; someone has to invite you again to come back."
                            confirmLabel="Leave workspace"
                          />
                        )}
                      </div>
                    </Td>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      {mayInvite && (
        <Card>
          <CardHeader>
            <CardTitle>Pending invitations</CardTitle>
            <CardDescription>
              {invitations.length === 0
                ? "No invitations are waiting."
                : "Each holds a seat until it is accepted, revoked or expires."}
            </CardDescription>
          </CardHeader>
          {invitations.length > 0 && (
            <CardContent>
              <Table>
                <TableHead className="max-sm:sr-only">
                  <TableRow>
                    <Th>Email</Th>
                    <Th>Role</Th>
                    <Th>Expires</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {invitations.map((inv) => {
                    const target = { ...fields, invitationId: inv.id };
                    return (
                      <TableRow key={inv.id} data-testid="invitation-row" className={PHONE_ROW}>
                        <Td className="min-w-48 break-all max-sm:basis-full max-sm:pb-1">{inv.email}</Td>
                        <Td className="max-sm:py-1">{ROLE_LABELS[isRole(inv.role) ? inv.role : "member"]}</Td>
                        <Td className="whitespace-nowrap max-sm:py-1 max-sm:text-zinc-500">
                          <span className="sm:hidden">Expires </span>
                          {formatDate(inv.expiresAt)}
                        </Td>
                        <Td className="max-sm:basis-full max-sm:pt-1">
                          <div className="flex flex-wrap justify-start gap-1 sm:justify-end">
                            <ConfirmAction
                              action={resendInvitationAction}
                              fields={target}
                              trigger="Resend"
                              title={`Send the invitation to ${inv.email} again?`}
                              description="A new link goes out and the earlier one stops working."
                              confirmLabel="Resend invitation"
                              variant="primary"
                            />
                            <ConfirmAction
                              action={revokeInvitationAction}
                              fields={target}
                              trigger="Revoke"
                              title={`Revoke the invitation to ${inv.email}?`}
                              description="The link stops working and the seat is free again."
                              confirmLabel="Revoke invitation"
                            />
                          </div>
                        </Td>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </CardContent>
          )}
        </Card>
      )}
    </div>
  );
}
