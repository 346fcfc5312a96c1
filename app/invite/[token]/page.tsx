import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { SignOutButton } from "@/components/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth";
import {
  ACCEPT_MESSAGES,
  maskEmail,
  previewInvitation,
  wrongEmailMessage,
} from "@/lib/workspaces/invitations";
import { ROLE_LABELS } from "@/lib/workspaces/roles";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

// The link of an invitation mail. Signed out: sign in (or up) and come back here. Signed in as another
// address: a clear refusal. Otherwise one button joins the workspace.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, user] = await Promise.all([previewInvitation(token), getCurrentUser()]);
  const here = `/invite/${encodeURIComponent(token)}`;

  let body: React.ReactNode;
  let title = "Join a workspace";
  let description: React.ReactNode = null;
  if (preview.status !== "pending") {
    title = "This invitation cannot be used";
    body = <Alert tone="error">{ACCEPT_MESSAGES[preview.status]}</Alert>;
  } else {
    const role = ROLE_LABELS[preview.role].toLowerCase();
    title = `Join ${preview.workspaceName}`;
    description = `${preview.inviter ?? "Someone"} invited you to ${preview.workspaceName} as ${role === "admin" ? "an" : "a"} ${role}.`;
    if (!user) {
      body = (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-zinc-700">
            Sign in with the address the invitation was sent to ({maskEmail(preview.email)}). New here?
            Signing in creates your account.
          </p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className={buttonClasses("primary")}>
            Sign in to accept
          </Link>
        </div>
      );
    } else if (user.email.toLowerCase() !== preview.email) {
      body = (
        <div className="flex flex-col gap-3">
          <Alert tone="error">{wrongEmailMessage(maskEmail(preview.email))}</Alert>
          <p className="text-sm text-zinc-700">You are signed in as {user.email}.</p>
          <SignOutButton variant="outline" />
        </div>
      );
    } else {
      body = (
        <ActionForm action={acceptInvitationAction} label="Accept invitation" pendingLabel="Joining…">
          <input type="hidden" name="token" value={token} />
        </ActionForm>
      );
    }
  }

  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-16 sm:py-24">
      <Card>
        <CardHeader>
          <CardTitle className="text-2xl">{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </CardHeader>
        <CardContent>{body}</CardContent>
      </Card>
    </div>
  );
}
