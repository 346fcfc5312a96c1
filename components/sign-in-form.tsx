"use client";

import { useActionState } from "react";
import { signInWithEmail, type SignInState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Input, Label } from "@/components/ui/input";
import { SubmitButton } from "@/components/submit-button";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<SignInState, FormData>(signInWithEmail, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">Email address</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          placeholder="you@example.com"
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "email-error" : undefined}
          required
        />
      </div>
      {state.error && (
        <Alert tone="error" id="email-error">
          {state.error}
        </Alert>
      )}
      <SubmitButton size="lg" pendingLabel="Sending link…">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
