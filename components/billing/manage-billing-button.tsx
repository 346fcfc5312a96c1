import { buttonClasses, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

type Props = { label?: string; variant?: ButtonVariant; size?: ButtonSize; className?: string };

/**
 * Opens CREEM's customer portal (payment method, invoices) in a new tab; the link is made on the server
 * (app/dashboard/billing/portal/route.ts) for the caller's own customer. The opened tab gets no handle on
 * this page (noopener) and no referrer.
 */
export function ManageBillingButton({
  label = "Manage billing",
  variant = "outline",
  size,
  className,
}: Props) {
  return (
    <a
      href="/dashboard/billing/portal"
      target="_blank"
      rel="noopener noreferrer"
      className={buttonClasses(variant, size, className)}
    >
      {label}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
