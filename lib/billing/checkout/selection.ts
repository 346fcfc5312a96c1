import { MAX_SEATS, PAID_PLAN_KEYS, type BillingInterval, type PaidPlanKey } from "@/lib/billing/plans";

// What a visitor picked on the pricing page, as it travels in the URL (?plan=&interval=&seats=&discount=):
// through sign-in and back, and from other pages that link to a plan. Pure, shared by server and browser.

/** The pricing page's monthly/yearly toggle; one-time plans ignore it. */
export type ToggleInterval = Extract<BillingInterval, "month" | "year">;

export const DISCOUNT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;
export const DISCOUNT_CODE_MESSAGE =
  "Discount codes are 3 to 32 letters or digits (dashes and underscores allowed), like LAUNCH20.";

export type PricingSelection = {
  plan?: PaidPlanKey;
  interval?: ToggleInterval;
  seats?: number;
  discount?: string;
};

function isPaidPlanKey(value: string | null): value is PaidPlanKey {
  return (PAID_PLAN_KEYS as readonly string[]).includes(value ?? "");
}

/** Reads a selection leniently: a value that is not valid is left out, never an error. */
export function parsePricingSelection(params: URLSearchParams): PricingSelection {
  const selection: PricingSelection = {};
  const plan = params.get("plan");
  if (isPaidPlanKey(plan)) selection.plan = plan;
  const interval = params.get("interval");
  if (interval === "month" || interval === "year") selection.interval = interval;
  const seats = Number(params.get("seats"));
  if (Number.isInteger(seats) && seats >= 1 && seats <= MAX_SEATS) selection.seats = seats;
  const discount = params.get("discount")?.trim();
  if (discount && DISCOUNT_CODE_PATTERN.test(discount)) selection.discount = discount;
  return selection;
}

/** The pricing page URL that preselects `selection` (a same-site path, safe as a sign-in callback). */
export function pricingPath(selection: PricingSelection): string {
  const params = new URLSearchParams();
  if (selection.plan) params.set("plan", selection.plan);
  if (selection.interval) params.set("interval", selection.interval);
  if (selection.seats && selection.seats > 1) params.set("seats", String(selection.seats));
  if (selection.discount) params.set("discount", selection.discount);
  const query = params.toString();
  return query ? `/pricing?${query}` : "/pricing";
}
