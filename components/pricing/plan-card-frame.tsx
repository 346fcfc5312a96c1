"use client";

import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import type { PlanKey } from "@/lib/billing/plans";
import { cn } from "@/lib/cn";
import { usePricing } from "./pricing-context";

type Props = {
  planKey: PlanKey;
  name: string;
  highlighted: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * A plan's card: marks the visitor's current plan and the plan named in the URL (scrolled into view, e.g.
 * when coming back from sign-in). The content inside stays server-rendered.
 */
export function PlanCardFrame({ planKey, name, highlighted, className, children }: Props) {
  const { current, selectedPlan } = usePricing();
  const ref = useRef<HTMLElement>(null);
  const selected = selectedPlan === planKey;
  const isCurrent = current?.plan === planKey;

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: "center" });
  }, [selected]);

  return (
    <article
      ref={ref}
      aria-labelledby={`plan-${planKey}`}
      data-selected={selected || undefined}
      className={cn(
        "relative rounded-2xl border bg-white p-6 shadow-sm transition-shadow sm:p-8",
        highlighted ? "border-brand-500 ring-brand-500 shadow-brand-100 shadow-lg ring-1" : "border-zinc-200",
        selected && "ring-brand-600 ring-2 ring-offset-2",
        className,
      )}
    >
      {highlighted && (
        <span className="bg-brand-600 absolute -top-3 left-1/2 -translate-x-1/2 rounded-full px-3 py-1 text-xs font-semibold whitespace-nowrap text-white shadow-sm">
          Most popular
        </span>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`plan-${planKey}`} className="text-lg font-semibold text-zinc-900">
          {name}
        </h2>
        {isCurrent && <Badge tone="success">Current plan</Badge>}
        {selected && !isCurrent && <Badge tone="neutral">Selected</Badge>}
      </div>
      {children}
    </article>
  );
}
