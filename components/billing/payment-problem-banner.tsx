import { Alert } from "@/components/ui/alert";
import type { SubscriptionView } from "@/lib/billing/subscriptions/view";
import { ManageBillingButton } from "./manage-billing-button";

/** Shown while a subscription's payment has failed: the fix is a new card in CREEM's portal. */
export function PaymentProblemBanner({ subscription }: { subscription: SubscriptionView }) {
  return (
    <Alert tone="warning" title={`Payment failed for your ${subscription.planName} subscription`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p>Update your payment method in the billing portal to keep your access.</p>
        <ManageBillingButton label="Fix payment" variant="secondary" size="sm" className="shrink-0" />
      </div>
    </Alert>
  );
}
