"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { openBillingPortalAction } from "@/app/dashboard/billing/actions";
import { cn } from "@/lib/cn";

type Props = { label?: string; variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** Opens CREEM's customer portal (payment method, invoices); the link is made on the server. */
export function ManageBillingButton({
  label = "Manage billing",
  variant = "outline",
  size,
  className,
}: Props) {
  const [state, formAction, pending] = useActionState(openBillingPortalAction, {});
  return (
    <form action={formAction} className={cn("flex flex-col items-start gap-2", className)}>
      <Button type="submit" variant={variant} size={size} pending={pending}>
        {pending ? "Opening portal…" : label}
      </Button>
      {state.error && (
        <Alert tone="error" className="max-w-sm">
          {state.error}
        </Alert>
      )}
    </form>
  );
}
