"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";
import { cn } from "@/lib/cn";

export type AccountAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A form for one account action. Submitted by hand (not `<form action>`), so what the user typed stays
 * in the fields when the server answers with an error; the message appears under the button.
 */
export function ActionForm({
  action,
  label,
  pendingLabel,
  variant = "primary",
  size = "md",
  resetOnSuccess = false,
  inline = false,
  className,
  children,
  renderFields,
}: {
  action: AccountAction;
  label: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  resetOnSuccess?: boolean;
  /** The fields and the button side by side (wrapping when narrow) instead of stacked. */
  inline?: boolean;
  className?: string;
  children?: ReactNode;
  /** Fields that show their own error (from the last answer). */
  renderFields?: (fieldErrors: Record<string, string>) => ReactNode;
}) {
  const router = useRouter();
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      let result: ActionState;
      try {
        // An action that redirects (sign out, delete) navigates away and answers nothing.
        result = (await action({}, data)) ?? {};
      } catch {
        result = { error: "Something went wrong. Please try again." };
      }
      setState(result);
      if (result.success) {
        if (resetOnSuccess) formRef.current?.reset();
        router.refresh();
      }
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className={cn(inline ? "flex flex-wrap items-center gap-2" : "flex flex-col gap-3", className)}
      noValidate
    >
      {/* A field's error shows (and is announced) under it; other errors under the button. */}
      {renderFields?.(state.fieldErrors ?? {})}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} size={size} pending={pending}>
          {pending && pendingLabel ? pendingLabel : label}
        </Button>
        {state.error && !pending && !(renderFields && state.fieldErrors) && (
          <p role="alert" className="text-sm text-red-700">
            {state.error}
          </p>
        )}
        {state.success && !pending && (
          <p role="status" className="text-sm text-emerald-700">
            {state.success}
          </p>
        )}
      </div>
    </form>
  );
}

/** A labelled text field whose error (from the server) is announced with it. */
export function Field({
  name,
  label,
  error,
  hint,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}) {
  const id = `field-${name}`;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm",
          "focus:border-brand-500 focus:ring-brand-200 placeholder:text-zinc-400 focus:ring-2 focus:outline-none",
          "aria-invalid:border-red-500 aria-invalid:ring-red-100",
        )}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-sm text-zinc-500">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
