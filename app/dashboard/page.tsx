import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { PaymentProblemBanner } from "@/components/billing/payment-problem-banner";
import { PlanOverviewCard } from "@/components/billing/plan-overview-card";
import { ReportsAccessCard } from "@/components/billing/reports-access-card";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { catalog } from "@/lib/billing/catalog";
import { hasFeature } from "@/lib/billing/entitlements";
import { getBillingAccount } from "@/lib/billing/account/queries";
import { pausedPlanOf } from "@/lib/billing/account/paused";
import { db } from "@/lib/db";
import { requireWorkspace } from "@/lib/workspaces/current";
import { ROLE_LABELS } from "@/lib/workspaces/roles";

export const metadata: Metadata = { title: "Dashboard" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export default async function DashboardPage() {
  const { user, workspace } = await requireWorkspace("/dashboard");
  const [account, billing, paused] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { createdAt: true, emailVerified: true, accounts: { select: { provider: true } } },
    }),
    getBillingAccount(workspace.id),
    pausedPlanOf(workspace.id),
  ]);
  const { entitlements } = billing;
  const methods = ["email", ...account.accounts.map((a) => a.provider)];
  const live = billing.subscriptions.find((s) => !s.ended);
  const ended = live ? undefined : billing.subscriptions[0];
  const reportsPlans = catalog.plans.filter((p) => p.features.includes("reports")).map((p) => p.name);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-zinc-600">
          <span>
            <span className="font-medium text-zinc-900" data-testid="dashboard-workspace">
              {workspace.name}
            </span>{" "}
            at a glance.
          </span>
          <Badge tone="neutral">
            {workspace.personal ? "Personal" : "Team"} · {ROLE_LABELS[workspace.role]}
          </Badge>
        </p>
      </div>
      {live?.needsPaymentFix && <PaymentProblemBanner subscription={live} />}
      <div className="grid gap-6 md:grid-cols-2">
        <PlanOverviewCard
          subscription={live}
          planName={entitlements.plan.name}
          paidOnce={entitlements.source?.kind === "purchase"}
          ended={ended}
        />
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
            <CardDescription>How you sign in.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-sm">
              <dt className="text-zinc-500">Email</dt>
              <dd className="flex flex-wrap items-center gap-2 font-medium break-all">
                {user.email}
                {account.emailVerified && <Badge tone="success">Verified</Badge>}
              </dd>
              <dt className="text-zinc-500">Member since</dt>
              <dd>{dateFormat.format(account.createdAt)}</dd>
              <dt className="text-zinc-500">Sign-in methods</dt>
              <dd className="flex flex-wrap gap-2">
                {[...new Set(methods)].map((m) => (
                  <Badge key={m} tone="neutral" className="capitalize">
                    {m}
                  </Badge>
                ))}
              </dd>
            </dl>
          </CardContent>
          <CardFooter>
            <SignOutButton variant="outline" />
          </CardFooter>
        </Card>
        <div className="md:col-span-2">
          <ReportsAccessCard
            included={hasFeature(entitlements, "reports")}
            availableOn={reportsPlans}
            paused={paused}
          />
        </div>
      </div>
    </div>
  );
}
