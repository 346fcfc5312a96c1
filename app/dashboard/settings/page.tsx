import type { Metadata } from "next";
import { DeleteAccount } from "@/components/account/delete-account";
import { EmailForm } from "@/components/account/email-form";
import { EmailPreferencesForm } from "@/components/account/email-preferences-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SessionsList } from "@/components/account/sessions-list";
import { SignInMethods } from "@/components/account/sign-in-methods";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { plannedCancellations } from "@/lib/account/deletion";
import { getEmailPreferences } from "@/lib/account/email-preferences";
import { EMAIL_CHANGE_MESSAGES, type EmailChangeOutcome } from "@/lib/account/email-change";
import { currentSessionToken, listSessions } from "@/lib/account/sessions";
import { listSignInMethods } from "@/lib/account/sign-in-methods";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { updateEmailPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

// The user's own account page. Everything here belongs to the user (not to a workspace): profile, email,
// sign-in methods, sessions, export and deletion. Workspace settings get their own page later.
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const user = await requireUser("/dashboard/settings");
  const [{ email: emailOutcome }, profile, methods, sessions, cancellations, emailPrefs] = await Promise.all([
    searchParams,
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true, image: true } }),
    listSignInMethods(user.id),
    currentSessionToken().then((token) => listSessions(user.id, token)),
    plannedCancellations(user.id),
    getEmailPreferences(user.id),
  ]);
  const notice =
    emailOutcome && Object.hasOwn(EMAIL_CHANGE_MESSAGES, emailOutcome)
      ? {
          outcome: emailOutcome as EmailChangeOutcome,
          text: EMAIL_CHANGE_MESSAGES[emailOutcome as EmailChangeOutcome],
        }
      : null;

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-zinc-600">Your profile, how you sign in, and your data.</p>
      </div>
      {notice && <Alert tone={notice.outcome === "changed" ? "success" : "error"}>{notice.text}</Alert>}

      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>How you appear in the app.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm name={profile.name} email={profile.email} image={profile.image} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Email address</CardTitle>
          <CardDescription>
            You sign in and receive receipts at{" "}
            <span className="font-medium break-all text-zinc-900">{profile.email}</span>. To change it, we
            send a link to the new address; your address changes when you open it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EmailForm />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Email notifications</CardTitle>
          <CardDescription>
            What we email you about your subscription. Receipts come from CREEM.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <EmailPreferencesForm
            action={updateEmailPreferencesAction}
            trialReminders={emailPrefs.emailTrialReminders}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Sign-in methods</CardTitle>
          <CardDescription>You can remove a method as long as another one remains.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInMethods methods={methods} email={profile.email} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Active sessions</CardTitle>
          <CardDescription>The browsers and devices signed in to your account.</CardDescription>
        </CardHeader>
        <CardContent>
          <SessionsList
            sessions={sessions.map((s) => ({
              ...s,
              createdAt: s.createdAt.toISOString(),
              lastSeenAt: s.lastSeenAt.toISOString(),
            }))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Export your data</CardTitle>
          <CardDescription>
            A JSON file with your profile, sign-in methods, sessions, subscriptions, purchases, licenses (keys
            shortened) and checkouts. No passwords or tokens are included.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <a href="/api/account/export" download className={buttonClasses("outline")}>
            Download my data
          </a>
        </CardContent>
      </Card>

      <Card className="border-red-200">
        <CardHeader>
          <CardTitle className="text-red-800">Delete account</CardTitle>
          <CardDescription>
            {cancellations.length > 0
              ? "Your subscription is canceled at CREEM at the end of the current period (a paused one right away), so you are not charged again. "
              : ""}
            Your name, picture, email address, sign-in methods and sessions are removed and you are signed out
            everywhere. Records of payments are kept without your name, as the law requires. This cannot be
            undone.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccount email={profile.email} />
        </CardContent>
      </Card>
    </div>
  );
}
