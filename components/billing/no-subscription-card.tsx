import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The billing page without any subscription: the plan the user has (Free or a one-time plan) and a way up. */
export function NoSubscriptionCard({ planName, paidOnce }: { planName: string; paidOnce: boolean }) {
  return (
    <Card className="border-brand-200 from-brand-50 bg-gradient-to-br to-white">
      <CardHeader>
        <CardTitle className="text-2xl">{planName}</CardTitle>
        <CardDescription>
          {paidOnce
            ? "Paid once, yours to keep. There is no subscription to manage."
            : "You do not have a subscription. Upgrade to unlock reports, API access and more."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Link href="/pricing" className={buttonClasses(paidOnce ? "outline" : "primary")}>
          {paidOnce ? "Compare plans" : "See plans"}
        </Link>
      </CardContent>
    </Card>
  );
}
