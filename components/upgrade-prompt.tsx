import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FEATURES, type Feature } from "@/lib/billing/plans";

export function UpgradePrompt({ feature, message }: { feature: Feature; message: string }) {
  return (
    <Card className="border-brand-200 from-brand-50 bg-gradient-to-br to-white">
      <CardHeader>
        <CardTitle>Unlock {FEATURES[feature]}</CardTitle>
        <CardDescription>{message}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-3">
        <Link href="/pricing" className={buttonClasses("primary")}>
          See plans
        </Link>
      </CardContent>
    </Card>
  );
}
