"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CHANGE_EXPLANATION } from "@/lib/billing/subscriptions/proration";
import { changePlanAction } from "@/app/dashboard/billing/actions";
import type { PlanChoice } from "@/lib/billing/subscriptions/view";
import { cn } from "@/lib/cn";
import { BillingActionForm, type Notice } from "./billing-action-form";

type Props = {
  subscriptionId: string;
  stateAt: string;
  choices: PlanChoice[];
  /** A plan picked elsewhere (the pricing page links here with `?change=<productId>`). */
  preselected?: string;
};

const KIND_BADGE = {
  upgrade: { label: "Upgrade", tone: "brand" },
  downgrade: { label: "Downgrade", tone: "neutral" },
  switch: { label: "Change billing", tone: "neutral" },
} as const;

export function ChangePlanForm({ subscriptionId, stateAt, choices, preselected }: Props) {
  const [notice, setNotice] = useState<Notice>();
  const [selected, setSelected] = useState(
    choices.find((c) => c.productId === preselected && !c.unavailableReason)?.productId,
  );
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const pathname = usePathname();
  const choice = choices.find((c) => c.productId === selected);

  useEffect(() => {
    if (preselected) ref.current?.scrollIntoView({ block: "center" });
  }, [preselected]);

  return (
    <div ref={ref} className="flex flex-col gap-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <BillingActionForm
        action={changePlanAction}
        subscriptionId={subscriptionId}
        stateAt={stateAt}
        label="Switch plan"
        variant="primary"
        disabled={!choice}
        onSettled={(outcome) => {
          setNotice(outcome);
          // Done with the plan the pricing page asked for: drop `?change=` so a reload does not offer it again.
          if (outcome?.tone === "success" && preselected) router.replace(pathname, { scroll: false });
        }}
        confirm={{
          title: choice ? `Switch to ${choice.planName} (${choice.billing.toLowerCase()})?` : "Switch plan?",
          description: (
            <>
              {choice?.cost ? (
                <p data-testid="plan-change-today">
                  <strong className="text-zinc-900">{choice.cost.today}</strong>, {choice.cost.renews}
                  {choice.cost.periodRestarts ? " (a new billing period starts today)" : ""}.
                </p>
              ) : (
                <p>
                  From now on you pay <strong className="text-zinc-900">{choice?.totalLabel}</strong>.
                </p>
              )}
              <p className="mt-2">{CHANGE_EXPLANATION}</p>
              <p className="mt-2 text-xs text-zinc-500">
                An estimate: CREEM charges the exact prorated amount, which may differ by a few cents.
              </p>
            </>
          ),
          confirmLabel: choice ? `Switch to ${choice.planName}` : "Switch plan",
        }}
      >
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="sr-only">Choose a new plan</legend>
          {choices.map((c) => {
            const badge = KIND_BADGE[c.kind];
            const unavailable = Boolean(c.unavailableReason);
            return (
              <label
                key={c.productId}
                className={cn(
                  "flex gap-3 rounded-lg border border-zinc-200 p-4 text-sm transition-colors",
                  "has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-brand-600 has-checked:ring-1",
                  unavailable ? "cursor-not-allowed opacity-60" : "cursor-pointer hover:border-zinc-300",
                )}
              >
                <input
                  type="radio"
                  name="productId"
                  value={c.productId}
                  checked={selected === c.productId}
                  disabled={unavailable}
                  onChange={() => setSelected(c.productId)}
                  className="accent-brand-600 mt-0.5"
                />
                <span className="flex min-w-0 flex-1 flex-col gap-1">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-zinc-900">{c.planName}</span>
                    <span className="text-zinc-500">{c.billing}</span>
                    <Badge tone={badge.tone} className="ml-auto">
                      {badge.label}
                    </Badge>
                  </span>
                  <span className="text-zinc-700">{c.priceLabel}</span>
                  <span className="text-zinc-500">{c.unavailableReason ?? c.detail}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      </BillingActionForm>
    </div>
  );
}
