import { formatMoney } from "../core/money";
import type { ProductRecord } from "../state/types";

const PERIOD_LABELS: Record<ProductRecord["billing_period"], string> = {
  "every-month": "month",
  "every-three-months": "3 months",
  "every-six-months": "6 months",
  "every-year": "year",
  "every-day": "day",
  once: "one-time",
  custom: "period",
};

/** `$19.00 / month`, or `$299.00 one-time`. */
export function priceLabel(product: ProductRecord, amount = product.price): string {
  const money = formatMoney(amount, product.currency);
  return product.billing_type === "onetime"
    ? `${money} one-time`
    : `${money} / ${PERIOD_LABELS[product.billing_period]}`;
}

export function dateLabel(value: string | number): string {
  return new Date(value).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}
