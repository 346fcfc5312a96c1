"use client";

import { formatMoney } from "@/lib/format";
import { discountedPrice, priceFor, type DiscountedPrice, type PlanView } from "./plan-view";
import { usePricing } from "./pricing-context";

/** The plan's price for the chosen billing period, with what it means per month or per seat. */
export function PlanPrice({ plan }: { plan: PlanView }) {
  const { interval, offer, seats, plans } = usePricing();
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
  const discount = offer
    ? discountedPrice(plan, price, plan.perSeat ? (seats ?? 1) : 1, offer, plans)
    : undefined;
  const shown = discount?.applies && !discount.perPayment ? discount.unit : price.amount;
  let note: string;
  if (price.interval === "once") note = "Pay once. Yours forever.";
  else if (plan.trialDays > 0)
    note = `${plan.trialDays}-day free trial, then ${money(shown)} / ${price.interval}.`;
  else if (price.interval === "year") note = `${money(Math.round(shown / 12))} / month, billed yearly.`;
  else if (interval === "year") note = "Billed monthly.";
  else note = "Billed monthly. Cancel anytime.";
  return (
    <Amount
      value={money(shown)}
      listValue={shown !== price.amount ? money(price.amount) : undefined}
      suffix={per}
      discount={discount && <DiscountNote discount={discount} money={money} interval={price.interval} />}
    >
      {note}
    </Amount>
  );
}

function DiscountNote({
  discount,
  money,
  interval,
}: {
  discount: DiscountedPrice;
  money: (amount: number) => string;
  interval: string;
}) {
  if (!discount.applies) {
    return (
      <p className="mt-2 text-sm text-amber-800" data-testid="discount-note">
        {discount.reason}
      </p>
    );
  }
  const per = interval === "once" ? "" : ` / ${interval}`;
  const lasts = discount.duration === "every payment" ? "" : `, for ${discount.duration}`;
  return (
    <p className="mt-2 text-sm text-emerald-700" data-testid="discount-note">
      {discount.perPayment
        ? `${discount.code}: ${money(discount.total)}${per} instead of ${money(discount.listTotal)}${lasts}.`
        : `With ${discount.code}${discount.duration === "every payment" ? ", every payment" : lasts}.`}
    </p>
  );
}

function Amount({
  value,
  listValue,
  suffix,
  discount,
  children,
}: {
  value: string;
  listValue?: string;
  suffix: string;
  discount?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-1.5">
        {listValue && (
          <s className="text-lg text-zinc-400" data-testid="plan-list-price">
            <span className="sr-only">Was </span>
            {listValue}
          </s>
        )}
        <span className="text-4xl font-semibold tracking-tight text-zinc-900" data-testid="plan-price">
          {value}
        </span>
        <span className="text-sm text-zinc-500">{suffix}</span>
      </p>
      <p className="mt-1 text-sm text-zinc-500">{children}</p>
      {discount}
    </div>
  );
}
