"use client";

import { useId } from "react";
import { MAX_SEATS } from "@/lib/billing/plans";
import { formatMoney } from "@/lib/format";
import { discountedPrice, priceFor, type PlanView } from "./plan-view";
import { usePricing } from "./pricing-context";

const stepClasses =
  "grid size-10 place-items-center text-lg text-zinc-700 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:text-zinc-300";

/** Seats for a per-seat plan, with the total it comes to. */
export function SeatSelector({ plan }: { plan: PlanView }) {
  const { interval, seats, seatsInput, setSeats, offer } = usePricing();
  const id = useId();
  const price = priceFor(plan, interval);
  const discount = price && offer && seats ? discountedPrice(plan, price, seats, offer) : undefined;
  const total = price && seats ? (discount?.applies ? discount.total : price.amount * seats) : 0;
  const step = (delta: number) => setSeats(String(Math.min(MAX_SEATS, Math.max(1, (seats ?? 1) + delta))));
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        Seats
      </label>
      <div className="flex items-center gap-3">
        <div className="focus-within:border-brand-500 focus-within:ring-brand-200 inline-flex items-center overflow-hidden rounded-lg border border-zinc-300 bg-white shadow-sm focus-within:ring-2">
          <button
            type="button"
            className={stepClasses}
            onClick={() => step(-1)}
            disabled={seats !== undefined && seats <= 1}
            aria-label="Remove a seat"
            aria-controls={id}
          >
            −
          </button>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_SEATS}
            value={seatsInput}
            onChange={(event) => setSeats(event.target.value)}
            aria-invalid={seats === undefined || undefined}
            aria-describedby={`${id}-total`}
            className="h-10 w-14 [appearance:textfield] border-x border-zinc-200 text-center text-sm font-medium text-zinc-900 tabular-nums focus:outline-none [&::-webkit-inner-spin-button]:appearance-none"
          />
          <button
            type="button"
            className={stepClasses}
            onClick={() => step(1)}
            disabled={seats !== undefined && seats >= MAX_SEATS}
            aria-label="Add a seat"
            aria-controls={id}
          >
            +
          </button>
        </div>
      </div>
      <p id={`${id}-total`} className="text-sm text-zinc-600" aria-live="polite">
        {seats === undefined ? (
          <span className="text-red-700">Choose between 1 and {MAX_SEATS} seats.</span>
        ) : price ? (
          <>
            Total{" "}
            {discount?.applies && total !== price.amount * seats && (
              <s className="text-zinc-400">{formatMoney(price.amount * seats, price.currency)}</s>
            )}{" "}
            <strong className="font-semibold text-zinc-900" data-testid="seat-total">
              {formatMoney(total, price.currency)}
            </strong>{" "}
            / {price.interval} for {seats} {seats === 1 ? "seat" : "seats"}
            {discount?.applies && ` with ${discount.code}`}
          </>
        ) : null}
      </p>
    </div>
  );
}
