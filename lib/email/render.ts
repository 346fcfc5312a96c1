import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { site } from "@/lib/site";
import {
  CancellationScheduledEmail,
  LifetimePurchaseEmail,
  PaymentFailedEmail,
  SubscriptionEndedEmail,
  TrialEndingEmail,
  type CancellationScheduledProps,
  type LifetimePurchaseProps,
  type PaymentFailedProps,
  type SubscriptionEndedProps,
  type TrialEndingProps,
  whose,
  Whose,
} from "./templates/lifecycle";
import { TeamInvitationEmail, type TeamInvitationProps } from "./templates/team-invitation";

// Templates to mail parts: the HTML and a plain-text version of the same React Email element, plus
// subject and the link the mail is about (the dev outbox shows it as a button). Pure: no I/O.

export type RenderedEmail = { subject: string; html: string; text: string; url: string };

export type LifecycleEmail =
  | { kind: "payment_failed"; props: PaymentFailedProps }
  | { kind: "trial_ending"; props: TrialEndingProps }
  | { kind: "cancellation_scheduled"; props: CancellationScheduledProps }
  | { kind: "subscription_ended"; props: SubscriptionEndedProps }
  | { kind: "lifetime_purchase"; props: LifetimePurchaseProps };

export type LifecycleKind = LifecycleEmail["kind"];

/** Essential emails always go; the others can be turned off in settings. */
export const NON_ESSENTIAL: ReadonlySet<LifecycleKind> = new Set(["trial_ending"]);

async function toMail(element: ReactElement, subject: string, url: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text, url };
}

export function renderLifecycleEmail(email: LifecycleEmail): Promise<RenderedEmail> {
  switch (email.kind) {
    case "payment_failed":
      return toMail(
        createElement(PaymentFailedEmail, email.props),
        `Action needed: ${whose(email.props.workspaceName)} ${email.props.planName} payment failed`,
        email.props.portalUrl,
      );
    case "trial_ending":
      return toMail(
        createElement(TrialEndingEmail, email.props),
        `${Whose(email.props.workspaceName)} ${email.props.planName} trial ends on ${email.props.trialEndsOn}`,
        email.props.billingUrl,
      );
    case "cancellation_scheduled":
      return toMail(
        createElement(CancellationScheduledEmail, email.props),
        `${Whose(email.props.workspaceName)} ${email.props.planName} subscription ends on ${email.props.accessEndsOn}`,
        email.props.resumeUrl,
      );
    case "subscription_ended":
      return toMail(
        createElement(SubscriptionEndedEmail, email.props),
        `${Whose(email.props.workspaceName)} ${email.props.planName} subscription has ended`,
        email.props.pricingUrl,
      );
    case "lifetime_purchase":
      return toMail(
        createElement(LifetimePurchaseEmail, email.props),
        `${Whose(email.props.workspaceName)} ${site.name} ${email.props.planName} license key`,
        email.props.billingUrl,
      );
  }
}

/** The workspace invitation mail (sent by the invitations code through sendMail). */
export function renderTeamInvitationEmail(props: TeamInvitationProps): Promise<RenderedEmail> {
  return toMail(
    createElement(TeamInvitationEmail, props),
    `${props.inviterName} invited you to ${props.workspaceName} on ${site.name}`,
    props.acceptUrl,
  );
}
