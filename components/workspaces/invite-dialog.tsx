"use client";

import { useState } from "react";
import { ActionForm, Field } from "@/components/account/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { inviteAction, inviteWithSeatsAction } from "@/app/dashboard/members/actions";
import { ROLE_LABELS, type Role } from "@/lib/workspaces/roles";

export type SeatOfferView = { seats: number; target: number; today: string; renews: string };

/**
 * The invite dialog: email and role (the roles the inviter may give). When every seat is held, it says so
 * and offers to buy the missing seats first, with what CREEM will charge now.
 */
export function InviteDialog({
  workspaceId,
  roles,
  offer,
  canBuySeats,
  full,
}: {
  workspaceId: string;
  roles: Role[];
  offer: SeatOfferView | null;
  canBuySeats: boolean;
  /** Every seat is held (whether or not this user may buy more). */
  full: boolean;
}) {
  const [open, setOpen] = useState(false);
  // Each opening starts a fresh form: no message left from the invitation before.
  const [opened, setOpened] = useState(0);
  const buying = full && offer && canBuySeats;
  const seats = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);
  return (
    <>
      <Button
        type="button"
        onClick={() => {
          setOpened((n) => n + 1);
          setOpen(true);
        }}
      >
        Invite people
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Invite someone"
        description="We email them a link that works once and expires in 7 days."
      >
        {full && !buying && (
          <Alert tone="warning" className="mb-4">
            Every seat is taken. Ask an owner or admin to add seats on the billing page.
          </Alert>
        )}
        {buying && (
          <Alert
            tone="info"
            className="mb-4"
            title={`Every seat is taken: buy ${seats(offer.target - offer.seats)}`}
          >
            <p data-testid="seat-offer">
              Sending this invitation raises the workspace from {seats(offer.seats)} to {seats(offer.target)}:{" "}
              <strong>{offer.today}</strong>, {offer.renews}. The invitation is sent once CREEM confirms.
            </p>
          </Alert>
        )}
        <ActionForm
          key={opened}
          action={buying ? inviteWithSeatsAction : inviteAction}
          label={buying ? `Buy ${seats(offer.target - offer.seats)} and invite` : "Send invitation"}
          pendingLabel={buying ? "Buying seats…" : "Sending…"}
          resetOnSuccess
          renderFields={(errors) => (
            <>
              <input type="hidden" name="workspaceId" value={workspaceId} />
              {buying && <input type="hidden" name="seats" value={offer.target} />}
              <Field
                name="email"
                label="Email address"
                type="email"
                autoComplete="off"
                required
                error={errors.email}
              />
              <div className="flex flex-col gap-1.5">
                <label htmlFor="invite-role" className="text-sm font-medium text-zinc-800">
                  Role
                </label>
                <select
                  id="invite-role"
                  name="role"
                  defaultValue={roles.includes("member") ? "member" : roles[0]}
                  className="h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm"
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
        />
        <Button type="button" variant="outline" className="mt-3" onClick={() => setOpen(false)}>
          Close
        </Button>
      </Dialog>
    </>
  );
}
