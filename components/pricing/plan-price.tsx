"use client";

import { formatMoney } from "@/lib/format";
import { priceFor, type PlanView } from "./plan-view";
import { usePricing } from "./pricing-context";

/** The plan's price for the chosen billing period, with what it means per month or per seat. */
export function PlanPrice({ plan }: { plan: PlanView }) {
  const { interval } = usePricing();
  const price = priceFor(plan, interval);
  if (!price) {
    return (
      <Amount value="$0" suffix="forever">
        No card needed.
      </Amount>
    );
  }
  const money = (amount: number) => formatMoney(amount, price.currency);
  const per =
    price.interval === "once" ? "one-time" : `${plan.perSeat ? "per seat / " : "/ "}${price.interval}`;
  let note: string;
  if (price.interval === "once") note = "Pay once. Yours forever.";
  else if (plan.trialDays > 0)
    note = `${plan.trialDays}-day free trial, then ${money(price.amount)} / ${price.interval}.`;
  else if (price.interval === "year")
    note = `${money(Math.round(price.amount / 12))} / month, billed yearly.`;
  else if (interval === "year") note = "Billed monthly.";
  else note = "Billed monthly. Cancel anytime.";
  return (
    <Amount value={money(price.amount)} suffix={per}>
      {note}
    </Amount>
  );
}

function Amount({ value, suffix, children }: { value: string; suffix: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="flex items-baseline gap-1.5">
        <span className="text-4xl font-semibold tracking-tight text-zinc-900" data-testid="plan-price">
          {value}
        </span>
        <span className="text-sm text-zinc-500">{suffix}</span>
      </p>
      <p className="mt-1 text-sm text-zinc-500">{children}</p>
    </div>
  );
}
