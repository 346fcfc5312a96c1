"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { changeSeatsAction } from "@/app/dashboard/billing/actions";
import { estimateChange } from "@/lib/billing/money";
import { billedSubscription, describeChangeCost, type BillingBasis } from "@/lib/billing/subscriptions/view";
import { formatMoney } from "@/lib/format";
import { BillingActionForm, type Notice } from "./billing-action-form";

type Props = {
  subscriptionId: string;
  stateAt: string;
  planName: string;
  seats: number;
  limits: { min: number; max: number };
  basis: BillingBasis;
};

const seatsLabel = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);

/**
 * Seats of a per-seat plan. What the change costs today and what renews is estimated here with the same
 * rules the server and CREEM use (lib/billing/money.ts), before the click.
 */
export function SeatsForm({ subscriptionId, stateAt, planName, seats, limits, basis }: Props) {
  const [notice, setNotice] = useState<Notice>();
  const [value, setValue] = useState(String(seats));
  const inputId = useId();
  const hintId = useId();

  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  const valid = Number.isInteger(parsed) && parsed >= limits.min && parsed <= limits.max;
  const problem = valid ? undefined : `Enter a whole number from ${limits.min} to ${limits.max}.`;
  const money = (amount: number) => formatMoney(amount, basis.price.currency);
  const cost =
    valid && parsed !== seats
      ? describeChangeCost(
          estimateChange({
            sub: billedSubscription(basis),
            from: { price: basis.price, perSeat: true },
            to: { price: basis.price, perSeat: true, units: parsed },
            now: new Date(),
          }),
          basis.price.currency,
          basis.price.interval,
        )
      : undefined;
  const step = (delta: number) =>
    setValue(String(Math.min(limits.max, Math.max(limits.min, (valid ? parsed : seats) + delta))));

  return (
    <div className="flex flex-col gap-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <BillingActionForm
        action={changeSeatsAction}
        subscriptionId={subscriptionId}
        stateAt={stateAt}
        label="Update seats"
        variant="primary"
        disabled={!valid || parsed === seats}
        onSettled={setNotice}
        confirm={{
          title: `Change to ${valid ? seatsLabel(parsed) : "this many seats"}?`,
          description: cost && (
            <>
              <p data-testid="seat-change-today">
                <strong className="text-zinc-900">{cost.today}</strong>, {cost.renews} ({planName},{" "}
                {seatsLabel(parsed)}).
              </p>
              <p className="mt-2 text-xs text-zinc-500">
                An estimate: CREEM charges the exact prorated amount, which may differ by a few cents.
              </p>
            </>
          ),
          confirmLabel: "Update seats",
        }}
      >
        <div className="flex flex-col gap-2">
          <Label htmlFor={inputId}>Seats</Label>
          <div className="flex items-center gap-2">
            <Button
              type="button"
              variant="outline"
              aria-label="Remove a seat"
              className="w-10 px-0"
              disabled={valid && parsed <= limits.min}
              onClick={() => step(-1)}
            >
              −
            </Button>
            <div className="w-20">
              <Input
                id={inputId}
                name="seats"
                type="number"
                inputMode="numeric"
                min={limits.min}
                max={limits.max}
                step={1}
                required
                value={value}
                onChange={(event) => setValue(event.target.value)}
                aria-invalid={!valid || undefined}
                aria-describedby={hintId}
                className="text-center"
              />
            </div>
            <Button
              type="button"
              variant="outline"
              aria-label="Add a seat"
              className="w-10 px-0"
              disabled={valid && parsed >= limits.max}
              onClick={() => step(1)}
            >
              +
            </Button>
          </div>
          <p id={hintId} className={problem ? "text-sm text-red-700" : "text-sm text-zinc-600"}>
            {problem ??
              (cost
                ? `${cost.today}; ${cost.renews}.`
                : `You have ${seatsLabel(seats)} at ${money(basis.price.amount)} each.`)}
          </p>
        </div>
      </BillingActionForm>
    </div>
  );
}
