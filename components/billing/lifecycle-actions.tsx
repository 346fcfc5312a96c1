"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { pauseSubscriptionAction, resumeSubscriptionAction } from "@/app/dashboard/billing/actions";
import type { SubscriptionView } from "@/lib/billing/subscriptions/view";
import { BillingActionForm, type Notice } from "./billing-action-form";
import { CancelSubscriptionForm } from "./cancel-subscription-form";

/** Pause, resume and cancel. The outcome notice lives here, so it survives the buttons swapping places. */
export function LifecycleActions({ subscription }: { subscription: SubscriptionView }) {
  const [notice, setNotice] = useState<Notice>();
  const { id, stateAt } = subscription;
  const hasActions = subscription.canResume || subscription.canPause || subscription.cancelTimings.length > 0;
  if (!hasActions && !notice) return null;

  return (
    <div className="flex w-full flex-col gap-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="flex flex-wrap items-start gap-3">
        {subscription.canResume && (
          <BillingActionForm
            action={resumeSubscriptionAction}
            subscriptionId={id}
            stateAt={stateAt}
            label="Resume subscription"
            variant="primary"
            onSettled={setNotice}
          />
        )}
        {subscription.canPause && (
          <BillingActionForm
            action={pauseSubscriptionAction}
            subscriptionId={id}
            stateAt={stateAt}
            label="Pause subscription"
            onSettled={setNotice}
            confirm={{
              title: `Pause your ${subscription.planName} subscription?`,
              description:
                "While it is paused you are not charged, and paid features are locked. Resume whenever you like.",
              confirmLabel: "Pause subscription",
              dismissLabel: "Keep it running",
            }}
          />
        )}
        {subscription.cancelTimings.length > 0 && (
          <CancelSubscriptionForm
            subscriptionId={id}
            stateAt={stateAt}
            planName={subscription.planName}
            periodEnd={subscription.periodEnd}
            timings={subscription.cancelTimings}
            onSettled={setNotice}
          />
        )}
      </div>
    </div>
  );
}
