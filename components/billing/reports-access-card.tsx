import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PausedPlan } from "@/lib/billing/account/paused";
import { ResumeButton } from "./resume-button";

/** The gated example feature, linked from the dashboard; without access it shows an upgrade prompt. */
const list = new Intl.ListFormat("en-US", { type: "conjunction" });

export function ReportsAccessCard({
  included,
  availableOn,
  paused,
}: {
  included: boolean;
  availableOn: string[];
  /** A paused subscription: offered back with "Resume" instead of an upgrade. */
  paused?: PausedPlan | null;
}) {
  if (!included && paused) {
    return (
      <Card>
        <CardHeader className="gap-4 pb-6 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex flex-col gap-1.5">
            <div className="flex flex-wrap items-center gap-3">
              <CardTitle>Reports and exports</CardTitle>
              <Badge tone="neutral">Paused</Badge>
            </div>
            <CardDescription>
              Included in your {paused.planName} plan. Resume your subscription to use them again.
            </CardDescription>
          </div>
          <ResumeButton subscriptionId={paused.subscriptionId} stateAt={paused.stateAt} size="sm" />
        </CardHeader>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader className="gap-4 pb-6 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-3">
            <CardTitle>Reports and exports</CardTitle>
            <Badge tone={included ? "success" : "neutral"}>
              {included ? "Included in your plan" : "Paid plans"}
            </Badge>
          </div>
          <CardDescription>
            {included
              ? "See your billing activity and download it as CSV."
              : `Billing activity and CSV exports come with ${list.format(availableOn)}.`}
          </CardDescription>
        </div>
        <Link href="/dashboard/reports" className={buttonClasses(included ? "outline" : "primary", "sm")}>
          {included ? "Open reports" : "Unlock reports"}
        </Link>
      </CardHeader>
    </Card>
  );
}
