"use client";

import type { ToggleInterval } from "@/lib/billing/checkout/selection";
import { cn } from "@/lib/cn";
import { usePricing } from "./pricing-context";

const OPTIONS: { value: ToggleInterval; label: string }[] = [
  { value: "month", label: "Monthly" },
  { value: "year", label: "Yearly" },
];

/** Monthly/yearly switch: native radio buttons (arrow keys, radio-group semantics) styled as a segmented control. */
export function IntervalToggle({ savingsPercent }: { savingsPercent: number }) {
  const { interval, setInterval } = usePricing();
  return (
    <fieldset className="flex justify-center">
      <legend className="sr-only">Billing period</legend>
      <div className="inline-flex rounded-full bg-zinc-100 p-1 ring-1 ring-zinc-200 ring-inset">
        {OPTIONS.map((option) => (
          <label
            key={option.value}
            className={cn(
              "relative flex cursor-pointer items-center gap-2 rounded-full px-5 py-2 text-sm font-medium transition-colors select-none",
              "has-[:focus-visible]:outline-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2",
              interval === option.value
                ? "bg-white text-zinc-900 shadow-sm"
                : "text-zinc-600 hover:text-zinc-900",
            )}
          >
            <input
              type="radio"
              name="billing-interval"
              value={option.value}
              checked={interval === option.value}
              onChange={() => setInterval(option.value)}
              className="absolute inset-0 cursor-pointer appearance-none rounded-full opacity-0"
            />
            {option.label}
            {option.value === "year" && savingsPercent > 0 && (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-700">
                Save {savingsPercent}%
              </span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
