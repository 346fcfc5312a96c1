"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import {
  DEFAULT_PRORATION,
  MAX_SEATS,
  MIN_SEATS,
  PRORATION_CHOICES,
  PRORATION_KEYS,
  type ProrationChoice,
} from "@/lib/billing/subscriptions/proration";
import { changeSeatsAction } from "@/app/dashboard/billing/actions";
import type { SeatPrice } from "@/lib/billing/subscriptions/view";
import { formatMoney } from "@/lib/format";
import { BillingActionForm, type Notice } from "./billing-action-form";

type Props = {
  subscriptionId: string;
  stateAt: string;
  planName: string;
  seats: number;
  seatPrice: SeatPrice;
  renewal: string | null;
};

const seatsLabel = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);

export function SeatsForm({ subscriptionId, stateAt, planName, seats, seatPrice, renewal }: Props) {
  const [notice, setNotice] = useState<Notice>();
  const [value, setValue] = useState(String(seats));
  const [proration, setProration] = useState<ProrationChoice>(DEFAULT_PRORATION);
  const inputId = useId();
  const hintId = useId();

  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  const valid = Number.isInteger(parsed) && parsed >= MIN_SEATS && parsed <= MAX_SEATS;
  const problem = valid ? undefined : `Enter a whole number from ${MIN_SEATS} to ${MAX_SEATS}.`;
  const money = (amount: number) => formatMoney(amount, seatPrice.currency);
  const newTotal = valid ? `${money(parsed * seatPrice.amount)} / ${seatPrice.interval}` : "—";
  const step = (delta: number) =>
    setValue(String(Math.min(MAX_SEATS, Math.max(MIN_SEATS, (valid ? parsed : seats) + delta))));

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
          description: (
            <>
              <p>
                {planName} will cost <strong className="text-zinc-900">{newTotal}</strong>
                {renewal ? ` from your renewal on ${renewal}` : ""} ({seatsLabel(parsed)} ×{" "}
                {money(seatPrice.amount)}).
              </p>
              <p className="mt-2">{PRORATION_CHOICES[proration].description}</p>
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
              disabled={valid && parsed <= MIN_SEATS}
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
                min={MIN_SEATS}
                max={MAX_SEATS}
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
              disabled={valid && parsed >= MAX_SEATS}
              onClick={() => step(1)}
            >
              +
            </Button>
          </div>
          <p id={hintId} className={problem ? "text-sm text-red-700" : "text-sm text-zinc-600"}>
            {problem ??
              `${seatsLabel(parsed)} × ${money(seatPrice.amount)} = ${newTotal}. You have ${seatsLabel(seats)} now.`}
          </p>
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium text-zinc-800">When to charge the difference</legend>
          {PRORATION_KEYS.map((key) => (
            <label
              key={key}
              className="has-checked:border-brand-600 has-checked:bg-brand-50 flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-sm transition-colors"
            >
              <input
                type="radio"
                name="proration"
                value={key}
                checked={proration === key}
                onChange={() => setProration(key)}
                className="accent-brand-600 mt-0.5"
              />
              <span>
                <span className="block font-medium text-zinc-900">{PRORATION_CHOICES[key].label}</span>
                <span className="text-zinc-600">{PRORATION_CHOICES[key].description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </BillingActionForm>
    </div>
  );
}
