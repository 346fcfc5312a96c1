import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { SubscriptionView } from "@/lib/billing/subscriptions/view";
import { ResumeButton } from "./resume-button";
import { Stat } from "./stat";

type Props = {
  /** The subscription that has not ended, if any. */
  subscription?: SubscriptionView;
  /** The plan the user's access comes from (Free, a subscription, or a one-time purchase). */
  planName: string;
  paidOnce: boolean;
  /** The last subscription, when it has ended. */
  ended?: SubscriptionView;
};

/** The dashboard's plan summary; everything it links to is on the billing page. */
export function PlanOverviewCard({ subscription: sub, planName, paidOnce, ended }: Props) {
  return (
    <Card className="flex flex-col">
      <CardHeader>
        <CardDescription>Your plan</CardDescription>
        <div className="flex flex-wrap items-center gap-3">
          <CardTitle className="text-2xl">{sub?.planName ?? planName}</CardTitle>
          {sub ? (
            <Badge tone={sub.statusTone}>{sub.statusLabel}</Badge>
          ) : (
            <Badge tone={paidOnce ? "success" : "neutral"}>{paidOnce ? "Paid once" : "Current plan"}</Badge>
          )}
        </div>
        <p className="text-sm text-zinc-600">
          {sub?.summary ??
            (paidOnce
              ? "Paid once, yours to keep."
              : `Upgrade to unlock reports, API access and more.${ended ? ` ${ended.planName}: ${ended.summary}` : ""}`)}
        </p>
      </CardHeader>
      {sub && (
        <CardContent>
          <dl className="grid grid-cols-2 gap-3">
            <Stat
              label="Next payment"
              value={sub.nextPayment?.amount ?? "None"}
              hint={
                sub.nextPayment
                  ? `on ${sub.nextPayment.date}`
                  : sub.status === "paused"
                    ? "while paused"
                    : undefined
              }
            />
            <Stat label="Seats" value={sub.seats} hint={sub.billing || undefined} />
          </dl>
        </CardContent>
      )}
      <CardFooter className="mt-auto flex-wrap">
        {sub?.canResume && sub.status === "paused" && (
          <ResumeButton subscriptionId={sub.id} stateAt={sub.stateAt} size="sm" />
        )}
        <Link
          href="/dashboard/billing"
          className={buttonClasses(sub && sub.status !== "paused" ? "primary" : "outline", "sm")}
        >
          {sub ? "Manage subscription" : "Billing and invoices"}
        </Link>
        {!sub && !paidOnce && (
          <Link href="/pricing" className={buttonClasses("primary", "sm")}>
            See plans
          </Link>
        )}
      </CardFooter>
    </Card>
  );
}
