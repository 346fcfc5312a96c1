"use client";

import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";

// Keeps the dashboard navigation usable when the billing page fails; details stay in the server log.
export default function BillingError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Billing could not be loaded</h1>
      <p className="mt-3 text-zinc-600">
        Your plan and its features are not affected. Please try again in a moment.
        {error.digest && (
          <span className="mt-2 block font-mono text-xs text-zinc-500">Reference: {error.digest}</span>
        )}
      </p>
      <div className="mt-8 flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/dashboard" className={buttonClasses("outline")}>
          Back to overview
        </Link>
      </div>
    </div>
  );
}
