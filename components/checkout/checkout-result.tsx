import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { CheckoutReturn } from "@/lib/billing/checkout/return";
import { cn } from "@/lib/cn";
import { RefreshButton, RefreshWhilePending } from "./refresh";

const BILLED = { month: "billed monthly", year: "billed yearly", once: "one-time purchase" } as const;

/** What the buyer sees after CREEM's hosted checkout, for each outcome of the return. */
export function CheckoutResult({ result, email }: { result: CheckoutReturn; email: string }) {
  switch (result.kind) {
    case "confirmed": {
      const trial = result.trialDays > 0;
      return (
        <ResultPanel
          tone="success"
          title={trial ? "Your free trial has started" : "Payment confirmed"}
          actions={
            <>
              <Link href="/dashboard" className={buttonClasses("primary", "lg")}>
                Go to your dashboard
              </Link>
              <Link href="/dashboard/billing" className={buttonClasses("outline", "lg")}>
                Manage billing
              </Link>
            </>
          }
        >
          <p>
            You are on the <strong className="text-zinc-900">{result.plan.name}</strong> plan (
            {BILLED[result.price.interval]}).
            {trial ? ` Nothing is charged for ${result.trialDays} days.` : " CREEM emails your receipt."}
          </p>
        </ResultPanel>
      );
    }
    case "pending":
      return (
        <ResultPanel tone="pending" title="Waiting for confirmation…" actions={<RefreshWhilePending />}>
          <p>
            CREEM is confirming your <strong className="text-zinc-900">{result.plan.name}</strong> purchase.
            This usually takes a few seconds.
          </p>
        </ResultPanel>
      );
    case "unavailable":
      return (
        <ResultPanel
          tone="error"
          title="We could not check this payment right now"
          actions={<RefreshButton>Try again</RefreshButton>}
        >
          <p>{result.message} If you paid, your plan is activated automatically once CREEM confirms it.</p>
        </ResultPanel>
      );
    case "not-yours":
      return (
        <ResultPanel tone="error" title="This payment belongs to another account" actions={<DashboardLink />}>
          <p>
            You are signed in as <strong className="text-zinc-900">{email}</strong>, but this checkout was
            started from another account. Sign in with that account to see it.
          </p>
        </ResultPanel>
      );
    case "unverified":
      return (
        <ResultPanel
          tone="error"
          title="We could not verify this payment"
          actions={
            <>
              <DashboardLink />
              <Link href="/pricing" className={buttonClasses("ghost", "lg")}>
                Back to pricing
              </Link>
            </>
          }
        >
          <p>
            This confirmation link is not valid: it was changed, cut short or did not come from CREEM. Nothing
            was changed on your account. If you paid, your plan is activated automatically once CREEM confirms
            it.
          </p>
        </ResultPanel>
      );
  }
}

function DashboardLink() {
  return (
    <Link href="/dashboard" className={buttonClasses("outline", "lg")}>
      Go to your dashboard
    </Link>
  );
}

const ICONS = {
  success: { className: "bg-emerald-100 text-emerald-700", path: "M5 13l4 4L19 7" },
  error: { className: "bg-red-100 text-red-700", path: "M12 6.5v7m0 4v.01" },
} as const;

function ResultPanel({
  tone,
  title,
  actions,
  children,
}: {
  tone: "success" | "pending" | "error";
  title: string;
  actions: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-16 text-center sm:py-24">
      <div
        role={tone === "error" ? "alert" : "status"}
        className="flex w-full flex-col items-center rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm sm:p-10"
      >
        {tone === "pending" ? (
          <span className="bg-brand-50 text-brand-600 grid size-14 place-items-center rounded-full">
            <Spinner className="size-7" />
          </span>
        ) : (
          <span className={cn("grid size-14 place-items-center rounded-full", ICONS[tone].className)}>
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
              aria-hidden="true"
              className="size-7"
            >
              <path d={ICONS[tone].path} strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
        )}
        <h1 className="mt-6 text-2xl font-semibold tracking-tight text-zinc-900 sm:text-3xl">{title}</h1>
        <div className="mt-3 text-pretty text-zinc-600">{children}</div>
        <div className="mt-8 flex w-full flex-col justify-center gap-3 sm:flex-row">{actions}</div>
      </div>
    </div>
  );
}
