import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

// The lifecycle emails: what happened to the customer's subscription or purchase and what they can do.
// Receipts are not among them: CREEM sends those as merchant of record. Props are plain strings (dates
// already formatted), so a template renders the same whenever its queued email is sent.

export type PaymentFailedProps = {
  name?: string | null;
  planName: string;
  graceEndsOn: string;
  portalUrl: string;
};

export function PaymentFailedEmail({ name, planName, graceEndsOn, portalUrl }: PaymentFailedProps) {
  return (
    <EmailLayout
      preview={`Your ${planName} payment did not go through`}
      heading="Your payment did not go through"
      action={{ label: "Update payment method", url: portalUrl }}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        We could not charge your card for your {planName} subscription. Our payment provider will try again
        over the next days.
      </Text>
      <Text style={paragraph}>
        You keep full access until <strong>{graceEndsOn}</strong>. Update your payment method before then to
        keep it without interruption.
      </Text>
    </EmailLayout>
  );
}

export type TrialEndingProps = {
  name?: string | null;
  planName: string;
  trialEndsOn: string;
  billingUrl: string;
  settingsUrl: string;
};

export function TrialEndingEmail({ name, planName, trialEndsOn, billingUrl, settingsUrl }: TrialEndingProps) {
  return (
    <EmailLayout
      preview={`Your ${planName} trial ends on ${trialEndsOn}`}
      heading="Your free trial ends soon"
      action={{ label: "Review your plan", url: billingUrl }}
      footer={`You can turn off trial reminders in your settings: ${settingsUrl}.`}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        Your {planName} trial ends on <strong>{trialEndsOn}</strong>. Your subscription then continues and the
        first payment is taken. If you do not want to continue, cancel before that date.
      </Text>
    </EmailLayout>
  );
}

export type CancellationScheduledProps = {
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
}: CancellationScheduledProps) {
  return (
    <EmailLayout
      preview={`Your ${planName} subscription ends on ${accessEndsOn}`}
      heading="Your subscription is canceled"
      action={{ label: "Keep my subscription", url: resumeUrl }}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        Your {planName} subscription will not renew. You keep access until <strong>{accessEndsOn}</strong>,
        and you will not be charged again.
      </Text>
      <Text style={paragraph}>Changed your mind? You can resume it any time before that date.</Text>
    </EmailLayout>
  );
}

export type SubscriptionEndedProps = { name?: string | null; planName: string; pricingUrl: string };

export function SubscriptionEndedEmail({ name, planName, pricingUrl }: SubscriptionEndedProps) {
  return (
    <EmailLayout
      preview={`Your ${planName} subscription has ended`}
      heading="Your subscription has ended"
      action={{ label: "See plans", url: pricingUrl }}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        Your {planName} subscription has ended and its features are no longer available. Your account and your
        data are still here: subscribe again whenever you like.
      </Text>
    </EmailLayout>
  );
}

export type LifetimePurchaseProps = {
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
}: LifetimePurchaseProps) {
  return (
    <EmailLayout
      preview={`Your ${planName} license key`}
      heading={`Welcome to ${planName}`}
      action={{ label: "Open your account", url: billingUrl }}
    >
      <Text style={paragraph}>Hi{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>Thank you for your purchase. It is yours for good. Your license key:</Text>
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
        {activations ? `It can be activated on ${activations} devices. ` : ""}You find it on your billing page
        too.
      </Text>
    </EmailLayout>
  );
}
