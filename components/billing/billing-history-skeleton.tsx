import { BillingHistoryFrame } from "./billing-history";

/** Shown while CREEM answers the history search, so the rest of the page does not wait for it. */
export function BillingHistorySkeleton() {
  return (
    <BillingHistoryFrame>
      <div role="status" aria-label="Loading billing history" className="flex animate-pulse flex-col gap-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex items-center gap-4">
            <div className="h-4 w-24 rounded bg-zinc-100" />
            <div className="h-4 flex-1 rounded bg-zinc-100" />
            <div className="h-4 w-16 rounded bg-zinc-100" />
            <div className="h-5 w-14 rounded-full bg-zinc-100" />
          </div>
        ))}
      </div>
    </BillingHistoryFrame>
  );
}
