import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

// The invitation to join a workspace (replaces the plain invite mail; lib/workspaces/invitations.ts sends
// it on invite and resend). Not a lifecycle email: it is sent at once by the person inviting.

export type TeamInvitationProps = {
  workspaceName: string;
  inviterName: string;
  acceptUrl: string;
  expiresAt: Date | string;
  /** The role the invitee joins with. */
  role?: "admin" | "member";
  /** The invited address: the one to sign in with to accept. */
  inviteeEmail?: string;
};

export function TeamInvitationEmail({
  workspaceName,
  inviterName,
  acceptUrl,
  expiresAt,
  role,
  inviteeEmail,
}: TeamInvitationProps) {
  const expires = new Intl.DateTimeFormat("en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(expiresAt));
  return (
    <EmailLayout
      preview={`${inviterName} invited you to ${workspaceName}`}
      heading={`Join ${workspaceName}`}
      action={{ label: "Accept invitation", url: acceptUrl }}
      footer="You receive this email because someone invited this address. Ignore it if you do not want to join."
    >
      <Text style={paragraph}>
        {inviterName} invited you to the workspace <strong>{workspaceName}</strong>
        {role ? ` as ${role === "admin" ? "an admin" : "a member"}` : ""}.
      </Text>
      <Text style={paragraph}>
        The invitation is valid until {expires} (UTC) and works once.
        {inviteeEmail ? ` Sign in (or sign up) with this address, ${inviteeEmail}, to accept it.` : ""}
      </Text>
    </EmailLayout>
  );
}
