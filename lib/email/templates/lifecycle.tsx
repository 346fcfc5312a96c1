import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

// The lifecycle emails: what happened to the customer's subscription or purchase and what they can do.
// Receipts are not among them: CREEM sends those as merchant of record. Props are plain strings (dates
// already formatted), so a template renders the same whenever its queued email is sent.
// Billing belongs to a workspace: a team workspace's email goes to each of its owners and admins, most of
// whom did not buy it, so with `workspaceName` set the text speaks of "the Acme workspace's" subscription
// where a personal workspace's email says "your".

/** Set on a team workspace's email: the workspace whose subscription or purchase it is about. */
type OfWorkspace = { workspaceName?: string | null };

/** "your" or "the Acme workspace's". */
export const whose = (workspaceName?: string | null) =>
  workspaceName ? `the ${workspaceName} workspace's` : "your";

/** The same at the start of a sentence. */
export const Whose = (workspaceName?: string | null) => {
  const text = whose(workspaceName);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Why someone who may not have bought it receives a team workspace's billing email. */
export const managerFooter = (workspaceName?: string | null) =>
  workspaceName
    ? `You receive this email because you are an owner or admin of the ${workspaceName} workspace and manage its billing.`
    : undefined;

export type PaymentFailedProps = OfWorkspace & {
  name?: string | null;
  planName: string;
  graceEndsOn: string;
  portalUrl: string;
};

export function PaymentFailedEmail({
  name,
  planName,
  graceEndsOn,
  portalUrl,
  workspaceName,
}: PaymentFailedProps) {
  return (
    <EmailLayout
      preview={`${Whose(workspaceName)} ${planName} payment did not go through`}
      heading={`${Whose(workspaceName)} payment did not go through`}
      action={{ label: "Update payment method", url: portalUrl }}
      footer={managerFooter(workspaceName)}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      {workspaceName ? (
        <>
          <Text style={paragraph}>
            We could not charge the card for {whose(workspaceName)} {planName} subscription. Our payment
            provider will try again over the next days.
          </Text>
          <Text style={paragraph}>
            The workspace keeps full access until <strong>{graceEndsOn}</strong>. Update its payment method
            before then to keep it without interruption.
          </Text>
        </>
      ) : (
        <>
          <Text style={paragraph}>
            We could not charge your card for your {planName} subscription. Our payment provider will try
            again over the next days.
          </Text>
          <Text style={paragraph}>
            You keep full access until <strong>{graceEndsOn}</strong>. Update your payment method before then
            to keep it without interruption.
          </Text>
        </>
      )}
    </EmailLayout>
  );
}

export type TrialEndingProps = OfWorkspace & {
  name?: string | null;
  planName: string;
  trialEndsOn: string;
  billingUrl: string;
  settingsUrl: string;
};

export function TrialEndingEmail({
  name,
  planName,
  trialEndsOn,
  billingUrl,
  settingsUrl,
  workspaceName,
}: TrialEndingProps) {
  return (
    <EmailLayout
      preview={`${Whose(workspaceName)} ${planName} trial ends on ${trialEndsOn}`}
      heading={`${Whose(workspaceName)} free trial ends soon`}
      action={{ label: workspaceName ? "Review the plan" : "Review your plan", url: billingUrl }}
      footer={[
        managerFooter(workspaceName),
        `You can turn off trial reminders in your settings: ${settingsUrl}.`,
      ]
        .filter(Boolean)
        .join(" ")}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        {Whose(workspaceName)} {planName} trial ends on <strong>{trialEndsOn}</strong>.{" "}
        {workspaceName ? "The" : "Your"} subscription then continues and the first payment is taken. If you do
        not want to continue, cancel before that date.
      </Text>
    </EmailLayout>
  );
}

export type CancellationScheduledProps = OfWorkspace & {
  name?: string | null;
  planName: string;
  accessEndsOn: string;
  resumeUrl: string;
};

export function CancellationScheduledEmail({
  name,
  planName,
  accessEndsOn,
  resumeUrl,
  workspaceName,
}: CancellationScheduledProps) {
  return (
    <EmailLayout
      preview={`${Whose(workspaceName)} ${planName} subscription ends on ${accessEndsOn}`}
      heading={`${Whose(workspaceName)} subscription is canceled`}
      action={{ label: workspaceName ? "Keep the subscription" : "Keep my subscription", url: resumeUrl }}
      footer={managerFooter(workspaceName)}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      {workspaceName ? (
        <Text style={paragraph}>
          {Whose(workspaceName)} {planName} subscription will not renew. The workspace keeps access until{" "}
          <strong>{accessEndsOn}</strong>, and it will not be charged again.
        </Text>
      ) : (
        <Text style={paragraph}>
          Your {planName} subscription will not renew. You keep access until <strong>{accessEndsOn}</strong>,
          and you will not be charged again.
        </Text>
      )}
      <Text style={paragraph}>Changed your mind? You can resume it any time before that date.</Text>
    </EmailLayout>
  );
}

export type SubscriptionEndedProps = OfWorkspace & {
  name?: string | null;
  planName: string;
  pricingUrl: string;
};

export function SubscriptionEndedEmail({
  name,
  planName,
  pricingUrl,
  workspaceName,
}: SubscriptionEndedProps) {
  return (
    <EmailLayout
      preview={`${Whose(workspaceName)} ${planName} subscription has ended`}
      heading={`${Whose(workspaceName)} subscription has ended`}
      action={{ label: "See plans", url: pricingUrl }}
      footer={managerFooter(workspaceName)}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        {Whose(workspaceName)} {planName} subscription has ended and its features are no longer available.{" "}
        {workspaceName
          ? "The workspace and its data are still here: subscribe again whenever you like."
          : "Your account and your data are still here: subscribe again whenever you like."}
      </Text>
    </EmailLayout>
  );
}

export type LifetimePurchaseProps = OfWorkspace & {
  name?: string | null;
  planName: string;
  licenseKey: string;
  activations?: number | null;
  billingUrl: string;
};

export function LifetimePurchaseEmail({
  name,
  planName,
  licenseKey,
  activations,
  billingUrl,
  workspaceName,
}: LifetimePurchaseProps) {
  return (
    <EmailLayout
      preview={`${Whose(workspaceName)} ${planName} license key`}
      heading={workspaceName ? `${workspaceName} has ${planName}` : `Welcome to ${planName}`}
      action={{ label: workspaceName ? "Open the workspace" : "Open your account", url: billingUrl }}
      footer={managerFooter(workspaceName)}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        {workspaceName
          ? `The ${workspaceName} workspace bought ${planName}. It is the workspace's for good. Its license key:`
          : "Thank you for your purchase. It is yours for good. Your license key:"}
      </Text>
      <Text
        style={{
          ...paragraph,
          backgroundColor: "#f4f4f5",
          borderRadius: "8px",
          fontFamily: "monospace",
          padding: "12px",
        }}
      >
        {licenseKey}
      </Text>
      <Text style={paragraph}>
        {activations ? `It can be activated on ${activations} devices. ` : ""}You find it on{" "}
        {workspaceName ? "the workspace's" : "your"} billing page too.
      </Text>
    </EmailLayout>
  );
}
