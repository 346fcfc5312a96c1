import type { Metadata } from "next";
import { DiscountField } from "@/components/pricing/discount-field";
import { IntervalToggle } from "@/components/pricing/interval-toggle";
import { LifetimeCard, PlanCard } from "@/components/pricing/plan-card";
import { toPlanView, yearlySavingsPercent } from "@/components/pricing/plan-view";
import { PricingProvider } from "@/components/pricing/pricing-context";
import { catalog } from "@/lib/billing/catalog";

export const metadata: Metadata = {
  title: "Pricing",
  description:
    "Start free, then pick a plan: monthly or yearly, per seat for teams, or pay once for lifetime access.",
};

// Prerendered once and served from the cache: nothing here depends on the visitor. The parts that do (the
// visitor's current plan, a plan preselected in the URL, the toggle, seats and discount code) are small
// client components that fill in after the static HTML has painted, like the header's sign-in state.
export default function PricingPage() {
  const plans = catalog.plans.map(toPlanView);
  const subscriptions = plans.filter((plan) => !plan.oneTime);
  const lifetime = plans.find((plan) => plan.oneTime);

  return (
    <PricingProvider plans={plans}>
      <section className="from-brand-50 border-b border-zinc-200 bg-gradient-to-b to-white">
        <div className="mx-auto flex max-w-6xl flex-col items-center px-4 pt-12 pb-10 text-center sm:px-6 sm:pt-16">
          <p className="text-brand-700 text-sm font-semibold">Pricing</p>
          <h1 className="mt-3 max-w-2xl text-4xl font-semibold tracking-tight text-balance text-zinc-900 sm:text-5xl">
            Plans that grow with you
          </h1>
          <p className="mt-4 max-w-xl text-lg text-pretty text-zinc-600">
            Start free. Upgrade when you need more, cancel anytime. Prices in USD; CREEM handles tax and
            invoices as the merchant of record.
          </p>
          <div className="mt-8 flex w-full flex-col items-center gap-6">
            <IntervalToggle savingsPercent={yearlySavingsPercent(plans)} />
            <DiscountField />
          </div>
        </div>
      </section>
      <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 pt-12 pb-16 sm:px-6">
        <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
          {subscriptions.map((plan) => (
            <PlanCard key={plan.key} plan={plan} />
          ))}
        </div>
        {lifetime && <LifetimeCard plan={lifetime} />}
        <ul className="flex flex-wrap justify-center gap-x-8 gap-y-2 text-sm text-zinc-500">
          <li>Secure checkout by CREEM</li>
          <li>Cancel or change plans anytime</li>
          <li>Tax and invoices handled</li>
        </ul>
      </div>
    </PricingProvider>
  );
}
