import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

// The invitation to join a workspace (replaces the plain invite mail; wired by the invitations work).

export type TeamInvitationProps = {
  workspaceName: string;
  inviterName: string;
  acceptUrl: string;
  expiresAt: Date | string;
};

export function TeamInvitationEmail({
  workspaceName,
  inviterName,
  acceptUrl,
  expiresAt,
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
        {inviterName} invited you to the workspace <strong>{workspaceName}</strong>.
      </Text>
      <Text style={paragraph}>The invitation is valid until {expires} (UTC) and works once.</Text>
    </EmailLayout>
  );
}
