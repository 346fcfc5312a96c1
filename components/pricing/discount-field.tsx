"use client";

import { useActionState, useEffect, useState } from "react";
import { applyDiscountAction, type DiscountState } from "@/app/pricing/actions";
import { SubmitButton } from "@/components/submit-button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { usePricing } from "./pricing-context";

/** Checks a discount code with CREEM before checkout; the code then goes along with any plan bought. */
export function DiscountField() {
  const { discountCode, setDiscountCode, setOffer, interval, seats } = usePricing();
  const [state, action] = useActionState<DiscountState, FormData>(applyDiscountAction, {});
  // The answer belongs to the code that was checked; editing the code hides it.
  const [checked, setChecked] = useState<string>();
  const answer: DiscountState = checked !== undefined && checked === discountCode.trim() ? state : {};
  const message = answer.error ?? answer.success;
  // The cards price with the checked code until it is edited.
  const offer = answer.offer;
  useEffect(() => setOffer(offer), [offer, setOffer]);

  return (
    <form
      action={action}
      onSubmit={() => setChecked(discountCode.trim())}
      noValidate
      className="flex w-full max-w-sm flex-col gap-2 text-left"
    >
      <input type="hidden" name="interval" value={interval} />
      <input type="hidden" name="seats" value={seats ?? 1} />
      <label htmlFor="discount-code" className="text-sm font-medium text-zinc-800">
        Discount code
      </label>
      <div className="flex gap-2">
        <Input
          id="discount-code"
          name="code"
          value={discountCode}
          onChange={(event) => setDiscountCode(event.target.value)}
          placeholder="e.g. LAUNCH20"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          aria-invalid={answer.error ? true : undefined}
          aria-describedby={message ? "discount-message" : undefined}
        />
        <SubmitButton variant="outline" pendingLabel="Checking…">
          Apply
        </SubmitButton>
      </div>
      <p
        id="discount-message"
        role={answer.error ? "alert" : "status"}
        className={cn("min-h-5 text-sm", answer.error ? "text-red-700" : "text-emerald-700")}
      >
        {message}
      </p>
    </form>
  );
}
