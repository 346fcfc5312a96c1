import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { SubscriptionView } from "@/lib/billing/subscriptions/view";
import { LifecycleActions } from "./lifecycle-actions";
import { Stat } from "./stat";

function nextPaymentStat(sub: SubscriptionView) {
  if (sub.nextPayment) return { value: sub.nextPayment.amount, hint: `on ${sub.nextPayment.date}` };
  if (sub.status === "scheduled_cancel")
    return { value: "None", hint: sub.periodEnd ? `ends ${sub.periodEnd}` : undefined };
  if (sub.status === "paused") return { value: "None", hint: "while paused" };
  if (sub.needsPaymentFix && (sub.overdueAmount ?? sub.periodAmount))
    return { value: sub.overdueAmount ?? sub.periodAmount, hint: "overdue" };
  return { value: "—", hint: undefined };
}

export const subscriptionHeadingId = (id: string) => `subscription-${id}`;

export function SubscriptionCard({ subscription: sub }: { subscription: SubscriptionView }) {
  const next = nextPaymentStat(sub);
  const ended = sub.ended;
  return (
    <Card>
      <CardHeader className="gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <CardTitle id={subscriptionHeadingId(sub.id)} className="text-2xl">
              {sub.planName}
            </CardTitle>
            <Badge tone={sub.statusTone} data-testid="subscription-status">
              {sub.statusLabel}
            </Badge>
          </div>
          <CardDescription>{sub.summary}</CardDescription>
        </div>
        {sub.priceLabel && (
          <p className="text-sm whitespace-nowrap text-zinc-600 sm:text-right">
            <span className="block text-lg font-semibold text-zinc-900">{sub.priceLabel}</span>
            {sub.billing && `Billed ${sub.billing.toLowerCase()}`}
          </p>
        )}
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label="Status" value={sub.statusLabel} />
          <Stat label="Next payment" value={next.value} hint={next.hint} />
          <Stat label="Seats" value={sub.seats} hint={sub.perSeat ? "billed per seat" : undefined} />
          <Stat label="Current period" value={sub.period ?? "—"} />
        </dl>
      </CardContent>
      <CardFooter className="flex-wrap">
        {/* Always mounted, so the outcome of the action that ended the subscription stays on screen. */}
        <LifecycleActions subscription={sub} />
        {ended && (
          <Link href="/pricing" className={buttonClasses("primary")}>
            See plans
          </Link>
        )}
      </CardFooter>
    </Card>
  );
}
