"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ActionState } from "@/lib/actions";
import { cn } from "@/lib/cn";
import { waitForSubscriptionChange } from "./wait-for-change";

export type BillingAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;
export type Notice = { tone: "success" | "warning"; text: string };

export type ConfirmOptions = {
  title: string;
  description: ReactNode;
  /** Extra fields shown in the dialog (they belong to the form). */
  body?: ReactNode;
  confirmLabel: string;
  dismissLabel?: string;
  destructive?: boolean;
};

type Props = {
  action: BillingAction;
  subscriptionId: string;
  /** The stored state the user is looking at; the form waits until it changes after the action. */
  stateAt: string;
  label: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  confirm?: ConfirmOptions;
  disabled?: boolean;
  /** Called with undefined when a new attempt starts, then with the outcome once the page shows it. */
  onSettled: (notice: Notice | undefined) => void;
  children?: ReactNode;
  className?: string;
  buttonClassName?: string;
};

const TIMEOUT_NOTICE =
  "CREEM accepted the change, but it has not reached this page yet. It will appear shortly; reload the page in a minute.";
const SIGNED_OUT_NOTICE = "The change was sent, but your session has ended. Sign in again to see it.";
const FAILED = "Something went wrong. Please try again.";

/**
 * One billing action: optional confirm dialog, the server action, then a pending state until the stored
 * subscription changes, then a refresh of the page. Errors stay next to the control that caused them.
 */
export function BillingActionForm({
  action,
  subscriptionId,
  stateAt,
  label,
  variant = "outline",
  size = "md",
  confirm,
  disabled,
  onSettled,
  children,
  className,
  buttonClassName,
}: Props) {
  const router = useRouter();
  const [phase, setPhase] = useState<"idle" | "sending" | "waiting">("idle");
  const [error, setError] = useState<string>();
  const [confirmOpen, setConfirmOpen] = useState(false);
  // Stays busy until the refreshed page is on screen, so no stale button can be clicked in between.
  const [refreshing, startRefresh] = useTransition();
  const busy = phase !== "idle" || refreshing;

  async function run(formData: FormData, seenStateAt: string) {
    setError(undefined);
    onSettled(undefined);
    setPhase("sending");
    let result: ActionState;
    try {
      result = await action({}, formData);
    } catch {
      result = { error: FAILED };
    }
    setConfirmOpen(false);
    if (result.error) {
      setPhase("idle");
      setError(result.error);
      return;
    }
    setPhase("waiting");
    const outcome = await waitForSubscriptionChange(subscriptionId, seenStateAt);
    setPhase("idle");
    if (outcome === "changed") {
      onSettled({ tone: "success", text: result.success ?? "Done." });
      startRefresh(() => router.refresh());
    } else {
      onSettled({ tone: "warning", text: outcome === "timeout" ? TIMEOUT_NOTICE : SIGNED_OUT_NOTICE });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    void run(new FormData(event.currentTarget), stateAt);
  }

  return (
    <form onSubmit={onSubmit} className={cn("flex flex-col gap-3", className)} aria-busy={busy || undefined}>
      <input type="hidden" name="subscriptionId" defaultValue={subscriptionId} />
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type={confirm ? "button" : "submit"}
          variant={variant}
          size={size}
          pending={busy}
          disabled={disabled}
          className={buttonClassName}
          onClick={confirm ? () => setConfirmOpen(true) : undefined}
        >
          {label}
        </Button>
        {phase === "waiting" && (
          <p role="status" className="flex items-center gap-2 text-sm text-zinc-600">
            <Spinner className="text-brand-600" />
            Waiting for CREEM to confirm…
          </p>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {confirm && (
        <Dialog
          open={confirmOpen}
          onClose={() => setConfirmOpen(false)}
          title={confirm.title}
          description={confirm.description}
        >
          <div className="flex flex-col gap-6">
            {confirm.body}
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Button
                type="button"
                variant="outline"
                disabled={phase === "sending"}
                onClick={() => setConfirmOpen(false)}
              >
                {confirm.dismissLabel ?? "Go back"}
              </Button>
              <Button
                type="submit"
                variant={confirm.destructive ? "destructive" : "primary"}
                pending={phase === "sending"}
              >
                {confirm.confirmLabel}
              </Button>
            </div>
          </div>
        </Dialog>
      )}
    </form>
  );
}
