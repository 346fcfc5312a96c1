"use client";

import { ActionForm, type AccountAction } from "@/components/account/action-form";

// The one optional email (the trial reminder); essential billing emails are listed as always sent.
export function EmailPreferencesForm({
  action,
  trialReminders,
}: {
  action: AccountAction;
  trialReminders: boolean;
}) {
  return (
    <ActionForm action={action} label="Save email preferences" variant="outline">
      <label className="flex items-start gap-3 text-sm text-zinc-800">
        <input
          type="checkbox"
          name="trialReminders"
          defaultChecked={trialReminders}
          className="mt-0.5 size-4 rounded border-zinc-300"
        />
        <span>
          <span className="font-medium">Trial reminders</span>
          <span className="block text-zinc-500">An email three days before a free trial ends.</span>
        </span>
      </label>
      <p className="text-sm text-zinc-500">
        Always sent: a failed payment, a scheduled cancellation, the end of a subscription and your license
        key.
      </p>
    </ActionForm>
  );
}
