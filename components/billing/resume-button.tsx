"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { resumeSubscriptionAction } from "@/app/dashboard/billing/actions";
import { BillingActionForm, type Notice } from "./billing-action-form";

// "Resume": what a paused subscriber is offered wherever a sales pitch would otherwise be.
export function ResumeButton({
  subscriptionId,
  stateAt,
  label = "Resume subscription",
  size = "md",
}: {
  subscriptionId: string;
  stateAt: string;
  label?: string;
  size?: "sm" | "md" | "lg";
}) {
  const [notice, setNotice] = useState<Notice>();
  return (
    <div className="flex flex-col items-start gap-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <BillingActionForm
        action={resumeSubscriptionAction}
        subscriptionId={subscriptionId}
        stateAt={stateAt}
        label={label}
        variant="primary"
        size={size}
        onSettled={setNotice}
      />
    </div>
  );
}
