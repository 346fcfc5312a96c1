// Placeholder blocks in the shape of the billing page while its data loads.
export default function BillingLoading() {
  return (
    <div role="status" aria-label="Loading billing" className="flex animate-pulse flex-col gap-8">
      <div className="flex flex-col gap-2">
        <div className="h-8 w-40 rounded-lg bg-zinc-100" />
        <div className="h-4 w-72 max-w-full rounded bg-zinc-100" />
      </div>
      <div className="h-56 rounded-xl border border-zinc-200 bg-zinc-50" />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="h-64 rounded-xl border border-zinc-200 bg-zinc-50 lg:col-span-3" />
        <div className="h-64 rounded-xl border border-zinc-200 bg-zinc-50 lg:col-span-2" />
      </div>
      <div className="h-48 rounded-xl border border-zinc-200 bg-zinc-50" />
    </div>
  );
}
