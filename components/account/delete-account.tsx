"use client";

import { deleteAccountAction } from "@/app/dashboard/settings/actions";
import { ActionForm, Field } from "./action-form";

/** Deleting the account, confirmed by typing the email address. */
export function DeleteAccount({ email }: { email: string }) {
  return (
    <ActionForm
      action={deleteAccountAction}
      label="Delete my account"
      pendingLabel="Deleting…"
      variant="destructive"
      renderFields={(errors) => (
        <Field
          name="confirmEmail"
          label={`Type ${email} to confirm`}
          type="email"
          autoComplete="off"
          required
          error={errors.confirmEmail}
        />
      )}
    />
  );
}
