"use client";

import { useState, type ReactNode } from "react";
import { ActionForm, type AccountAction } from "@/components/account/action-form";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** A button that opens a dialog to confirm one members-page action (remove, transfer, leave, revoke). */
export function ConfirmAction({
  action,
  fields,
  trigger,
  title,
  description,
  confirmLabel,
  variant = "destructive",
}: {
  action: AccountAction;
  fields: Record<string, string>;
  trigger: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {trigger}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} description={description}>
        <ActionForm action={action} label={confirmLabel} variant={variant}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        </ActionForm>
        <Button type="button" variant="outline" className="mt-3" onClick={() => setOpen(false)}>
          Close
        </Button>
      </Dialog>
    </>
  );
}
