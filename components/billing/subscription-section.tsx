import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CHANGE_EXPLANATION } from "@/lib/billing/subscriptions/proration";
import type { PlanChoice, SubscriptionView } from "@/lib/billing/subscriptions/view";
import { ChangePlanForm } from "./change-plan-form";
import { SeatsForm } from "./seats-form";
import { SubscriptionCard, subscriptionHeadingId } from "./subscription-card";

type Props = {
  subscription: SubscriptionView;
  choices: PlanChoice[];
  preselect?: string;
  /** The page's main subscription carries the `#change-plan` and `#seats` anchors. */
  primary: boolean;
};

/** One subscription: its summary and lifecycle actions, then plan and seat changes when it accepts them. */
export function SubscriptionSection({ subscription: sub, choices, preselect, primary }: Props) {
  const seats = sub.canChange && sub.seatPrice;
  return (
    <section aria-labelledby={subscriptionHeadingId(sub.id)} className="flex flex-col gap-6">
      <SubscriptionCard subscription={sub} />
      {sub.canChange && (
        <div className="grid items-start gap-6 lg:grid-cols-5">
          <Card
            id={primary ? "change-plan" : undefined}
            className={seats ? "lg:col-span-3" : "lg:col-span-5"}
          >
            <CardHeader>
              <CardTitle>Change plan</CardTitle>
              <CardDescription>{CHANGE_EXPLANATION}</CardDescription>
            </CardHeader>
            <CardContent>
              <ChangePlanForm
                subscriptionId={sub.id}
                stateAt={sub.stateAt}
                choices={choices}
                preselected={preselect}
              />
            </CardContent>
          </Card>
          {sub.seatPrice && sub.basis && (
            <Card id={primary ? "seats" : undefined} className="lg:col-span-2">
              <CardHeader>
                <CardTitle>Seats</CardTitle>
                <CardDescription>
                  {sub.planName} is billed per seat: {sub.priceLabel}. From {sub.seatLimits.min} to{" "}
                  {sub.seatLimits.max} seats.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <SeatsForm
                  subscriptionId={sub.id}
                  stateAt={sub.stateAt}
                  planName={sub.planName}
                  seats={sub.seats}
                  limits={sub.seatLimits}
                  basis={sub.basis}
                />
              </CardContent>
            </Card>
          )}
        </div>
      )}
    </section>
  );
}
