import { signOutAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/submit-button";
import type { ButtonVariant } from "@/components/ui/button";

export function SignOutButton({ variant = "ghost" }: { variant?: ButtonVariant }) {
  return (
    <form action={signOutAction}>
      <SubmitButton variant={variant} size="sm" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
