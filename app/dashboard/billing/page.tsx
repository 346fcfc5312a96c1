import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AccessTimelineCard } from "@/components/billing/access-timeline-card";
import { BillingHistory } from "@/components/billing/billing-history";
import { BillingHistorySkeleton } from "@/components/billing/billing-history-skeleton";
import { ManageBillingButton } from "@/components/billing/manage-billing-button";
import { NoSubscriptionCard } from "@/components/billing/no-subscription-card";
import { PaymentProblemBanner } from "@/components/billing/payment-problem-banner";
import { PurchasesCard } from "@/components/billing/purchases-card";
import { SubscriptionSection } from "@/components/billing/subscription-section";
import { Alert } from "@/components/ui/alert";
import { catalog } from "@/lib/billing/catalog";
import { NO_CUSTOMER_YET, SHARED_CUSTOMER } from "@/lib/billing/ownership";
import { lookup } from "@/lib/billing/subscription-status";
import { readChangeRequest } from "@/lib/billing/subscriptions/change-request";
import { parsePageParam } from "@/lib/billing/account/history-view";
import { getAccessTimeline, getBillingAccount } from "@/lib/billing/account/queries";
import { planChoices } from "@/lib/billing/subscriptions/view";
import { requireWorkspace } from "@/lib/workspaces/current";
import { can, deniedMessage } from "@/lib/workspaces/roles";

export const metadata: Metadata = { title: "Billing" };

// Where "Manage billing" (a new tab, see ./portal/route.ts) lands when it cannot open the portal.
const PORTAL_NOTICES: Record<string, string> = {
  no_account: NO_CUSTOMER_YET,
  shared: SHARED_CUSTOMER,
  forbidden: deniedMessage("billing.manage"),
  unavailable: "The billing portal is unavailable right now. Please try again in a few minutes.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The current workspace's billing, for its owners and admins (`billing.view`); a member is told whom to ask.
export default async function BillingPage({ searchParams }: { searchParams: SearchParams }) {
  const { workspace } = await requireWorkspace("/dashboard/billing");
  if (!can(workspace.role, "billing.view")) {
    return (
      <div className="flex flex-col gap-6">
        <BillingHeading workspaceName={workspace.name} />
        <Alert tone="info" title="Ask an owner or admin">
          Billing of {workspace.name} is managed by its owners and admins. You can use everything the
          workspace&apos;s plan includes; ask one of them to change the plan, seats or payment details.
        </Alert>
      </div>
    );
  }
  const params = await searchParams;
  const [account, timeline] = await Promise.all([
    getBillingAccount(workspace.id, new Date(), { refreshLicenses: true }),
    getAccessTimeline(workspace.id),
  ]);
  const { entitlements } = account;
  const primary = account.subscriptions[0];
  const change = readChangeRequest(params.change, primary, catalog);
  const page = parsePageParam(params.page);
  const portalNotice = params.portal ? lookup(PORTAL_NOTICES, String(params.portal)) : undefined;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <BillingHeading workspaceName={workspace.name} />
        {can(workspace.role, "billing.manage") && <ManageBillingButton />}
      </div>

      {portalNotice && (
        <Alert tone="warning" title="The billing portal did not open">
          {portalNotice}
        </Alert>
      )}
      {change.notice && (
        <Alert tone={change.notice.tone}>
          {change.notice.text}{" "}
          {change.notice.showPricing && (
            <Link href="/pricing" className="font-medium underline underline-offset-2">
              Go to pricing
            </Link>
          )}
        </Alert>
      )}
      {account.subscriptions
        .filter((s) => s.needsPaymentFix)
        .map((s) => (
          <PaymentProblemBanner key={s.id} subscription={s} />
        ))}

      {account.subscriptions.length > 0 ? (
        account.subscriptions.map((s) => (
          <SubscriptionSection
            key={s.id}
            subscription={s}
            choices={planChoices(s, catalog)}
            primary={s === primary}
            preselect={s === primary ? change.preselect : undefined}
          />
        ))
      ) : (
        <NoSubscriptionCard
          planName={entitlements.plan.name}
          paidOnce={entitlements.source?.kind === "purchase"}
        />
      )}

      <Suspense fallback={<BillingHistorySkeleton />}>
        <BillingHistory workspaceId={workspace.id} page={page} />
      </Suspense>
      <AccessTimelineCard entries={timeline} />
      <PurchasesCard purchases={account.purchases} licenseKeys={account.licenseKeys} />
    </div>
  );
}

function BillingHeading({ workspaceName }: { workspaceName: string }) {
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Billing</h1>
      <p className="mt-1 text-zinc-600">
        Plan, seats, payments and license keys of{" "}
        <span className="font-medium text-zinc-900" data-testid="billing-workspace">
          {workspaceName}
        </span>
        .
      </p>
    </div>
  );
}
