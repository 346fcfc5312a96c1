"use client";

import { useState } from "react";
import type { CancelTiming } from "@/lib/billing/subscriptions/proration";
import { cancelSubscriptionAction } from "@/app/dashboard/billing/actions";
import { BillingActionForm, type Notice } from "./billing-action-form";

type Props = {
  subscriptionId: string;
  stateAt: string;
  planName: string;
  periodEnd: string | null;
  timings: CancelTiming[];
  onSettled: (notice: Notice | undefined) => void;
};

export function CancelSubscriptionForm({
  subscriptionId,
  stateAt,
  planName,
  periodEnd,
  timings,
  onSettled,
}: Props) {
  const [when, setWhen] = useState<CancelTiming>(timings[0] ?? "now");
  const endLabel = periodEnd ? `on ${periodEnd}` : "at the end of the billing period";
  const options: Record<CancelTiming, { title: string; detail: string }> = {
    period_end: {
      title: "At the end of the billing period",
      detail: `You keep every feature until it ends ${endLabel}, and you can resume before then.`,
    },
    now: {
      title: "Immediately",
      detail: "Paid features stop right away. The rest of this period is not refunded.",
    },
  };

  return (
    <BillingActionForm
      action={cancelSubscriptionAction}
      subscriptionId={subscriptionId}
      stateAt={stateAt}
      label="Cancel subscription"
      variant="outline"
      buttonClassName="text-red-700 hover:bg-red-50"
      onSettled={onSettled}
      confirm={{
        title: `Cancel your ${planName} subscription?`,
        description:
          when === "now"
            ? "Your subscription ends now and you lose access to paid features immediately."
            : `You will not be charged again. Your subscription ends ${endLabel}.`,
        confirmLabel: when === "now" ? "Cancel now" : "Cancel at period end",
        dismissLabel: "Keep subscription",
        destructive: true,
        body:
          timings.length > 1 ? (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium text-zinc-800">When should it end?</legend>
              {timings.map((timing) => (
                <label
                  key={timing}
                  className="has-checked:border-brand-600 has-checked:bg-brand-50 flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-sm"
                >
                  <input
                    type="radio"
                    name="when"
                    value={timing}
                    checked={when === timing}
                    onChange={() => setWhen(timing)}
                    className="accent-brand-600 mt-0.5"
                  />
                  <span>
                    <span className="block font-medium text-zinc-900">{options[timing].title}</span>
                    <span className="text-zinc-600">{options[timing].detail}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : (
            <input type="hidden" name="when" value={when} />
          ),
      }}
    />
  );
}
