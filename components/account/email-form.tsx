"use client";

import { requestEmailChangeAction } from "@/app/dashboard/settings/actions";
import { ActionForm, Field } from "./action-form";

/** Asks for a new address; nothing changes until the link mailed there is opened. */
export function EmailForm() {
  return (
    <ActionForm
      action={requestEmailChangeAction}
      label="Send confirmation link"
      pendingLabel="Sending…"
      variant="outline"
      resetOnSuccess
      renderFields={(errors) => (
        <Field
          name="email"
          label="New email address"
          type="email"
          autoComplete="email"
          placeholder="you@example.com"
          required
          error={errors.email}
        />
      )}
    />
  );
}
