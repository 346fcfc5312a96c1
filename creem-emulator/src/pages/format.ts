import { formatMoney } from "../core/money";
import type { PriceRecord, ProductRecord } from "../state/types";

const PERIOD_LABELS: Record<ProductRecord["billing_period"], string> = {
  "every-month": "month",
  "every-three-months": "3 months",
  "every-six-months": "6 months",
  "every-year": "year",
  "every-day": "day",
  once: "one-time",
  custom: "period",
};

type PriceTerms = Pick<PriceRecord, "currency" | "billing_type" | "billing_period">;

/** `$19.00 / month`, or `$299.00 one-time`: a product's current price, or a price a subscription keeps. */
export function priceLabel(terms: PriceTerms, amount: number): string {
  const money = formatMoney(amount, terms.currency);
  return terms.billing_type === "onetime"
    ? `${money} one-time`
    : `${money} / ${PERIOD_LABELS[terms.billing_period]}`;
}

export function dateLabel(value: string | number): string {
  return new Date(value).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}
