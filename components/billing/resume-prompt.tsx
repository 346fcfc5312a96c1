import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PausedPlan } from "@/lib/billing/account/paused";
import { ResumeButton } from "./resume-button";

/** In place of an upgrade prompt for a paused subscriber: their plan is one click away. */
export function ResumePrompt({ paused, feature }: { paused: PausedPlan; feature: string }) {
  return (
    <Card className="border-brand-200 from-brand-50 bg-gradient-to-br to-white" data-testid="resume-prompt">
      <CardHeader>
        <CardTitle>Your {paused.planName} subscription is paused</CardTitle>
        <CardDescription>
          Resume it to use {feature.toLowerCase()} again. You are not charged while it is paused.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-start gap-3">
        <ResumeButton subscriptionId={paused.subscriptionId} stateAt={paused.stateAt} />
        <Link
          href="/dashboard/billing"
          className="text-brand-700 self-center text-sm font-medium hover:underline"
        >
          Billing details
        </Link>
      </CardContent>
    </Card>
  );
}
