"use client";

import Link from "next/link";
import { useActionState } from "react";
import { startCheckoutAction } from "@/app/pricing/actions";
import { SubmitButton } from "@/components/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";
import { priceFor, type PlanView } from "./plan-view";
import { usePricing } from "./pricing-context";

/** The plan's call to action: a checkout form, or "Current plan" when the visitor already has it. */
export function PlanAction({ plan }: { plan: PlanView }) {
  const { interval, seats, seatsInput, discountCode, current } = usePricing();
  const [state, action] = useActionState<ActionState, FormData>(startCheckoutAction, {});
  const price = priceFor(plan, interval);
  const variant = plan.highlighted ? "primary" : "outline";
  const isCurrentPlan = current?.plan === plan.key;

  // A paused subscriber gets their plan back with "Resume" (on the billing page), not a new checkout.
  if (current?.paused?.plan === plan.key) {
    return (
      <Link
        href="/dashboard/billing"
        className={buttonClasses("primary", "lg", "w-full")}
        data-testid="resume-plan"
      >
        Resume {plan.name}
      </Link>
    );
  }
  if (!price) {
    if (isCurrentPlan) return <CurrentPlanButton />;
    return (
      <Link href="/dashboard" className={buttonClasses(variant, "lg", "w-full")}>
        {current?.signedIn ? "Go to dashboard" : "Get started free"}
      </Link>
    );
  }
  if (isCurrentPlan && (plan.prices.length === 1 || current?.interval === price.interval)) {
    return <CurrentPlanButton />;
  }

  // A member of a team workspace uses its plan but cannot buy one for it (the server refuses it too).
  if (current?.canBuy === false) {
    return (
      <p className="rounded-lg bg-zinc-50 px-3 py-2.5 text-center text-sm text-zinc-600">
        Only an owner or admin of {current.workspace?.name ?? "this workspace"} can change its plan.
      </p>
    );
  }

  let label = `Subscribe to ${plan.name}`;
  if (price.interval === "once") label = `Buy ${plan.name}`;
  else if (isCurrentPlan) label = `Switch to ${price.interval === "year" ? "yearly" : "monthly"}`;
  else if (plan.trialDays > 0) label = `Start ${plan.trialDays}-day free trial`;

  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="plan" value={plan.key} />
      <input type="hidden" name="interval" value={price.interval} />
      {/* An invalid seat count goes to the server as typed, which answers with a clear message. */}
      <input type="hidden" name="seats" value={plan.perSeat ? String(seats ?? seatsInput) : "1"} />
      <input type="hidden" name="discountCode" value={discountCode} />
      <SubmitButton variant={variant} size="lg" className="w-full" pendingLabel="Opening checkout…">
        {label}
      </SubmitButton>
      {state.error && <Alert tone="error">{state.error}</Alert>}
    </form>
  );
}

function CurrentPlanButton() {
  return (
    <Button variant="outline" size="lg" className="w-full" disabled>
      Current plan
    </Button>
  );
}
