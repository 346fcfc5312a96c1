import { isCreemError, type CreemClient, type Discount } from "@/lib/creem";
import { formatMoney } from "@/lib/format";
import type { DiscountTerms } from "@/lib/billing/money";
import type { BillingInterval, PlanCatalog, PlanKey } from "@/lib/billing/plans";

// Checks a discount code against CREEM before checkout, so a bad code gets a clear message on the pricing
// page instead of on CREEM's hosted page. CREEM checks again when the checkout is created.

export type DiscountCheck =
  { ok: true; code: string; summary: string; offer: DiscountOffer } | { ok: false; message: string };

/**
 * What the pricing cards need to show a checked code's price: its terms (as money.ts bills them), the
 * currency of a fixed amount, and the plans and periods it is restricted to (null: every plan).
 */
export type DiscountOffer = {
  code: string;
  terms: DiscountTerms;
  currency: string | null;
  appliesTo: { plan: PlanKey; interval: BillingInterval }[] | null;
};

type Target = { catalog: PlanCatalog; productId?: string; now: Date };

export async function checkDiscount(
  creem: CreemClient,
  code: string,
  target: Target,
): Promise<DiscountCheck> {
  let discount: Discount;
  try {
    discount = await creem.discounts.getByCode(code);
  } catch (error) {
    if (isCreemError(error) && (error.code === "not_found" || error.code === "bad_request")) {
      return {
        ok: false,
        message: `“${code}” is not a valid discount code. Check the spelling and try again.`,
      };
    }
    throw error;
  }
  const problem = discountProblem(discount, target);
  if (problem) return { ok: false, message: problem };
  const shown = discount.code ?? code;
  return {
    ok: true,
    code: shown,
    summary: `${shown} takes ${amountOff(discount)} ${durationOf(discount)}`,
    offer: offerOf(discount, shown, target.catalog),
  };
}

function offerOf(discount: Discount, code: string, catalog: PlanCatalog): DiscountOffer {
  const duration =
    discount.duration === "once" || discount.duration === "repeating" ? discount.duration : "forever";
  const terms: DiscountTerms =
    discount.type === "fixed"
      ? { code, type: "fixed", amount: discount.amount ?? 0, duration, months: discount.durationInMonths }
      : {
          code,
          type: "percentage",
          percentage: discount.percentage ?? 0,
          duration,
          months: discount.durationInMonths,
        };
  const products = discount.appliesToProducts ?? [];
  const appliesTo =
    products.length === 0
      ? null
      : products.flatMap((id) => {
          const entry = catalog.byProductId(id);
          return entry ? [{ plan: entry.plan.key, interval: entry.price.interval }] : [];
        });
  return {
    code,
    terms,
    currency: discount.type === "fixed" ? (discount.currency ?? "USD").toUpperCase() : null,
    appliesTo,
  };
}

function discountProblem(discount: Discount, { catalog, productId, now }: Target): string | undefined {
  const code = discount.code ?? "This code";
  if (discount.status === "expired" || (discount.expiryDate && discount.expiryDate <= now)) {
    return `${code} has expired.`;
  }
  if (discount.status !== undefined && discount.status !== "active") return `${code} is not active.`;
  if (
    discount.maxRedemptions !== undefined &&
    discount.redeemCount !== undefined &&
    discount.redeemCount >= discount.maxRedemptions
  ) {
    return `${code} has already been used the maximum number of times.`;
  }
  const products = discount.appliesToProducts ?? [];
  if (products.length === 0) return undefined;
  if (productId && !products.includes(productId)) {
    const plan = catalog.byProductId(productId)?.plan.name ?? "this";
    return `${code} does not apply to the ${plan} plan.`;
  }
  if (!products.some((id) => catalog.byProductId(id))) return `${code} does not apply to any of our plans.`;
  return undefined;
}

function amountOff(discount: Discount): string {
  if (discount.type === "fixed" && discount.amount !== undefined) {
    return `${formatMoney(discount.amount, discount.currency ?? "USD")} off`;
  }
  return `${discount.percentage ?? 0}% off`;
}

function durationOf(discount: Discount): string {
  switch (discount.duration) {
    case "once":
      return "the first payment";
    case "repeating": {
      const months = discount.durationInMonths ?? 1;
      return months === 1 ? "the first month" : `the first ${months} months`;
    }
    default:
      return "every payment";
  }
}
